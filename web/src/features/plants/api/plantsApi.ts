import type { Transport } from '../../../shared/api/transport';
import type { PlantDetail, PlantPage } from '../../../shared/api/types';

/** The plant encyclopedia (no authentication). */
export function createPlantsApi(http: Transport) {
  return {
    list: (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
      http.request<PlantPage>('/plants', { query, signal }),
    get: (id: string, signal?: AbortSignal) => http.request<PlantDetail>(`/plants/${encodeURIComponent(id)}`, { signal }),
  };
}

export type PlantsApi = ReturnType<typeof createPlantsApi>;
