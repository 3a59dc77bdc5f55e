import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { marketApi } from '.';
import type { ListingDetail, ListingState } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth';
import { userKey } from '../../../shared/query/queryClient';
import { EMPTY_FILTERS, filtersFromSearch, filtersToApiQuery } from '../model/filters';

export const PAGE_SIZE = 20;

export const marketKeys = {
  /** The public feed; `filterKey` is the filters' query string (filtersToSearch(...).toString()). */
  feeds: ['market', 'feed'] as const,
  feed: (filterKey: string) => ['market', 'feed', filterKey] as const,
  species: (speciesId: string, exclude: string) => ['market', 'species', speciesId, exclude] as const,
  priceGuide: (speciesId: string) => ['market', 'price-guide', speciesId] as const,
  plantSearch: (q: string) => ['market', 'plant-search', q] as const,
  // What depends on who asks (is_owner, wished, hidden listings) belongs to the user's scope.
  listings: userKey('market', 'listing'),
  listing: (id: string, viewer: string | null) => userKey('market', 'listing', id, viewer),
  partners: (id: string) => userKey('market', 'partners', id),
  myChatRoom: (id: string) => userKey('market', 'chat-room', id),
  mine: userKey('market', 'mine'),
  myListings: (state: ListingState | '') => userKey('market', 'mine', 'listings', state),
  purchases: userKey('market', 'mine', 'purchases'),
  wishes: userKey('market', 'mine', 'wishes'),
  keywords: userKey('market', 'keywords'),
};

/** The feed for one set of filters, page by page along `next_cursor`. */
export function useFeed(filterKey: string) {
  return useInfiniteQuery({
    queryKey: marketKeys.feed(filterKey),
    queryFn: ({ pageParam, signal }) =>
      marketApi.feed(filtersToApiQuery(filtersFromSearch(filterKey), pageParam, PAGE_SIZE), false, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Current (not sold) listings of one species, optionally leaving one out. */
export function useSpeciesListings(speciesId: string | null | undefined, exclude = '', limit = 6) {
  return useQuery({
    queryKey: [...marketKeys.species(speciesId ?? '', exclude), limit],
    queryFn: ({ signal }) =>
      marketApi.feed(
        {
          ...filtersToApiQuery({ ...EMPTY_FILTERS, species_id: speciesId ?? '', state: 'selling,reserved' }, null, limit),
          ...(exclude ? { exclude } : {}),
        },
        false,
        signal,
      ),
    enabled: !!speciesId,
  });
}

/** One listing as the current viewer sees it; waits for the session restore so is_owner is right at once. */
export function useListing(id: string) {
  const { status, user } = useAuth();
  return useQuery({
    queryKey: marketKeys.listing(id, user?.id ?? null),
    queryFn: ({ signal }) => marketApi.get(id, status === 'authenticated', signal),
    enabled: status !== 'loading' && id !== '',
  });
}

export function useChatPartners(id: string, enabled: boolean) {
  return useQuery({
    queryKey: marketKeys.partners(id),
    queryFn: ({ signal }) => marketApi.chatPartners(id, signal),
    enabled,
    staleTime: 0,
  });
}

/** The viewer's own chat room about a listing (asked only where it matters: a sold listing). */
export function useMyChatRoom(id: string, enabled: boolean) {
  return useQuery({
    queryKey: marketKeys.myChatRoom(id),
    queryFn: ({ signal }) => marketApi.myChatRoom(id, signal),
    enabled,
    staleTime: 0,
  });
}

export function useMyListings(state: ListingState | '') {
  return useInfiniteQuery({
    queryKey: marketKeys.myListings(state),
    queryFn: ({ pageParam, signal }) => marketApi.myListings(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: 0,
  });
}

export function usePurchases(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: marketKeys.purchases,
    queryFn: ({ pageParam, signal }) => marketApi.myPurchases(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
    staleTime: 0,
  });
}

export function useWishes(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: marketKeys.wishes,
    queryFn: ({ pageParam, signal }) => marketApi.myWishes(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
    staleTime: 0,
  });
}

export function useKeywords(enabled: boolean) {
  return useQuery({ queryKey: marketKeys.keywords, queryFn: ({ signal }) => marketApi.keywords(signal), enabled });
}

export function usePlantSearch(q: string) {
  return useQuery({
    queryKey: marketKeys.plantSearch(q),
    queryFn: ({ signal }) => marketApi.searchSpecies(q, signal),
    enabled: q.trim().length > 0,
    staleTime: 5 * 60_000,
  });
}

/**
 * Take in a listing a change answered with. Those answers carry no care card (GET only) and, for state and
 * bump, no wish of the caller's: what the cache already knew of those is kept. Lists are fetched again.
 */
export function listingChanged(qc: QueryClient, viewer: string | null, next: ListingDetail): void {
  const key = marketKeys.listing(next.id, viewer);
  const old = qc.getQueryData<ListingDetail>(key);
  const cardKnown = !!old && old.species?.id === next.species?.id;
  qc.setQueryData<ListingDetail>(key, { ...next, species_card: cardKnown ? old.species_card : (next.species_card ?? null), wished: old?.wished ?? next.wished });
  // A new link (or a new listing) needs the care card, which only GET brings.
  if (!cardKnown && next.species) void qc.invalidateQueries({ queryKey: key, exact: true });
  void qc.invalidateQueries({ queryKey: marketKeys.feeds });
  void qc.invalidateQueries({ queryKey: ['market', 'species'] });
  void qc.invalidateQueries({ queryKey: marketKeys.mine });
}
