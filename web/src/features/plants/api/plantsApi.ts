import type { Transport } from '../../../shared/api/transport';
import type { ListingPage, PlantDetail, PlantPage, PriceGuide } from '../../../shared/api/types';

/** The plant encyclopedia, and what the marketplace says about a species (no authentication). */
export function createPlantsApi(http: Transport) {
  return {
    list: (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
      http.request<PlantPage>('/plants', { query, signal }),
    get: (id: string, signal?: AbortSignal) => http.request<PlantDetail>(`/plants/${encodeURIComponent(id)}`, { signal }),
    /** Listings of this species still on offer (the marketplace's public feed, filtered). */
    listings: (id: string, limit: number, signal?: AbortSignal) =>
      http.request<ListingPage>('/market/listings', { query: { species_id: id, state: 'selling,reserved', limit }, signal }),
    /** What the species sold for in the marketplace lately. */
    priceGuide: (id: string, signal?: AbortSignal) =>
      http.request<PriceGuide>(`/market/species/${encodeURIComponent(id)}/price-guide`, { signal }),
  };
}

export type PlantsApi = ReturnType<typeof createPlantsApi>;
