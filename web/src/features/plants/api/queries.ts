import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { plantsApi } from '.';
import { filtersFromSearch, filtersToApiQuery } from '../model/filters';

export const PAGE_SIZE = 20;
/** The catalogue changes only when an import runs: cached pages stay good for a while. */
const PLANTS_STALE_MS = 5 * 60_000;

export const plantKeys = {
  all: ['plants'] as const,
  /** `filterKey` is the filters' query string (filtersToSearch(...).toString()). */
  list: (filterKey: string) => ['plants', 'list', filterKey] as const,
  detail: (id: string) => ['plants', 'detail', id] as const,
  listings: (id: string) => ['plants', 'listings', id] as const,
  priceGuide: (id: string) => ['plants', 'price-guide', id] as const,
};

export const SPECIES_LISTINGS = 6;

/** The plant list for one set of filters, page by page along the keyset cursor (`next_cursor`). */
export function usePlantList(filterKey: string) {
  return useInfiniteQuery({
    queryKey: plantKeys.list(filterKey),
    queryFn: ({ pageParam, signal }) =>
      plantsApi.list(filtersToApiQuery(filtersFromSearch(filterKey), pageParam, PAGE_SIZE), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: PLANTS_STALE_MS,
  });
}

export function usePlant(id: string) {
  return useQuery({
    queryKey: plantKeys.detail(id),
    queryFn: ({ signal }) => plantsApi.get(id, signal),
    staleTime: PLANTS_STALE_MS,
  });
}

/** Current listings of the species in the marketplace (fresh data: no long stale time). */
export function useSpeciesListings(id: string) {
  return useQuery({
    queryKey: plantKeys.listings(id),
    queryFn: ({ signal }) => plantsApi.listings(id, SPECIES_LISTINGS, signal),
  });
}

export function usePriceGuide(id: string) {
  return useQuery({ queryKey: plantKeys.priceGuide(id), queryFn: ({ signal }) => plantsApi.priceGuide(id, signal) });
}
