// Mapping between the marketplace feed's filters and the URL query string (and the API query).
import type { ListingCategory, ListingQuery, ListingSort } from '../../../shared/api/types';

export const CATEGORIES: readonly ListingCategory[] = ['plant', 'supplies', 'other'];
/** The state filter's choices: the API takes one state or several, comma-separated. */
export const STATE_FILTERS = ['selling', 'selling,reserved', 'reserved', 'sold'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const SORTS: readonly ListingSort[] = ['newest', 'price_asc', 'price_desc', 'popular'];
export const PRICE_MAX = 100_000_000;

export interface MarketFilters {
  q: string;
  category: ListingCategory | '';
  state: StateFilter | '';
  /** Whole won as digits, or '' for no bound. */
  min_price: string;
  max_price: string;
  /** 'true': 나눔 only (then the price bounds are not used). */
  free: 'true' | '';
  /** '' means newest, the server's default. */
  sort: Exclude<ListingSort, 'newest'> | '';
  species_id: string;
}

export const EMPTY_FILTERS: MarketFilters = {
  q: '',
  category: '',
  state: '',
  min_price: '',
  max_price: '',
  free: '',
  sort: '',
  species_id: '',
};

/** Keys in the order they appear in URLs. */
export const FILTER_KEYS = ['q', 'category', 'state', 'min_price', 'max_price', 'free', 'sort', 'species_id'] as const;

/** The server takes at most 50 characters of search text; the box allows a little more for spaces. */
export const QUERY_MAX = 50;

function pick<T extends string>(allowed: readonly T[], v: string | null): T | '' {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : '';
}

/** Digits only, within 0 … 100,000,000, without leading zeros; anything else is no bound. */
export function normalisePrice(v: string | null): string {
  if (v === null) return '';
  const digits = v.replace(/[,\s원₩]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return '';
  const n = Number(digits);
  return n <= PRICE_MAX ? String(n) : '';
}

/** Read filters from a query string; unknown or invalid values are dropped. */
export function filtersFromSearch(search: URLSearchParams | string): MarketFilters {
  const sp = typeof search === 'string' ? new URLSearchParams(search) : search;
  const species = sp.get('species_id') ?? '';
  const sort = pick(SORTS, sp.get('sort'));
  return {
    q: (sp.get('q') ?? '').trim().slice(0, QUERY_MAX),
    category: pick(CATEGORIES, sp.get('category')),
    state: pick(STATE_FILTERS, sp.get('state')),
    min_price: normalisePrice(sp.get('min_price')),
    max_price: normalisePrice(sp.get('max_price')),
    free: sp.get('free') === 'true' ? 'true' : '',
    sort: sort === 'newest' ? '' : sort,
    species_id: /^[1-9]\d{0,18}$/.test(species) ? species : '',
  };
}

/** Write filters as a query string, leaving out empty ones (and the price bounds when 나눔 only is on). */
export function filtersToSearch(f: MarketFilters): URLSearchParams {
  const sp = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    if (f.free === 'true' && (k === 'min_price' || k === 'max_price')) continue;
    const v = k === 'q' ? f.q.trim() : k === 'min_price' || k === 'max_price' ? normalisePrice(f[k]) : f[k];
    if (v) sp.set(k, v);
  }
  return sp;
}

/** The query for GET /api/v1/market/listings. A lower bound above the upper one is swapped. */
export function filtersToApiQuery(f: MarketFilters, cursor?: string | null, limit = 20): ListingQuery {
  const out: ListingQuery = { limit };
  const q = f.q.trim();
  if (q) out.q = q;
  if (f.category) out.category = f.category;
  if (f.state) out.state = f.state;
  if (f.free === 'true') {
    out.free = true;
  } else {
    let min = f.min_price ? Number(normalisePrice(f.min_price) || NaN) : NaN;
    let max = f.max_price ? Number(normalisePrice(f.max_price) || NaN) : NaN;
    if (!Number.isNaN(min) && !Number.isNaN(max) && min > max) [min, max] = [max, min];
    if (!Number.isNaN(min)) out.min_price = min;
    if (!Number.isNaN(max)) out.max_price = max;
  }
  if (f.sort) out.sort = f.sort;
  if (f.species_id) out.species_id = f.species_id;
  if (cursor) out.cursor = cursor;
  return out;
}

/** Filters other than the search text and the order. */
export function hasActiveFilters(f: MarketFilters): boolean {
  return FILTER_KEYS.some((k) => k !== 'sort' && f[k] !== '');
}
