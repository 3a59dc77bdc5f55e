// Mapping between the plant list filters and the URL query string (and the API query).
import type { Category, Difficulty, Light, Watering } from '../../../shared/api/types';

export const CATEGORIES: readonly Category[] = ['leaf', 'flower', 'fruit', 'succulent'];
export const DIFFICULTIES: readonly Difficulty[] = ['beginner', 'experienced', 'expert'];
export const LIGHTS: readonly Light[] = ['low', 'medium', 'high'];
export const WATERINGS: readonly Watering[] = ['wet', 'moist', 'surface_dry', 'mostly_dry'];
export const PET_SAFE = ['true', 'false'] as const;

export interface PlantFilters {
  q: string;
  category: Category | '';
  difficulty: Difficulty | '';
  light: Light | '';
  watering: Watering | '';
  pet_safe: 'true' | 'false' | '';
}

export const EMPTY_FILTERS: PlantFilters = {
  q: '',
  category: '',
  difficulty: '',
  light: '',
  watering: '',
  pet_safe: '',
};

/** Keys in the order they appear in URLs. */
export const FILTER_KEYS = ['q', 'category', 'difficulty', 'light', 'watering', 'pet_safe'] as const;

function pick<T extends string>(allowed: readonly T[], v: string | null): T | '' {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : '';
}

/** Read filters from a query string; unknown or invalid values are dropped. */
export function filtersFromSearch(search: URLSearchParams | string): PlantFilters {
  const sp = typeof search === 'string' ? new URLSearchParams(search) : search;
  return {
    q: (sp.get('q') ?? '').trim().slice(0, 100),
    category: pick(CATEGORIES, sp.get('category')),
    difficulty: pick(DIFFICULTIES, sp.get('difficulty')),
    light: pick(LIGHTS, sp.get('light')),
    watering: pick(WATERINGS, sp.get('watering')),
    pet_safe: pick(PET_SAFE, sp.get('pet_safe')),
  };
}

/** Write filters as a query string, leaving out empty ones. */
export function filtersToSearch(f: PlantFilters): URLSearchParams {
  const sp = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = k === 'q' ? f.q.trim() : f[k];
    if (v) sp.set(k, v);
  }
  return sp;
}

/** The query for GET /api/v1/plants. */
export function filtersToApiQuery(f: PlantFilters, cursor?: string | null, limit = 20): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of filtersToSearch(f)) out[k] = v;
  if (cursor) out.cursor = cursor;
  out.limit = String(limit);
  return out;
}

export function hasActiveFilters(f: PlantFilters): boolean {
  return FILTER_KEYS.some((k) => f[k] !== '');
}

export function sameFilters(a: PlantFilters, b: PlantFilters): boolean {
  return FILTER_KEYS.every((k) => a[k] === b[k]);
}
