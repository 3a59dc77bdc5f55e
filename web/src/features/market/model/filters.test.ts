import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersFromSearch, filtersToApiQuery, filtersToSearch, hasActiveFilters, normalisePrice } from './filters';

describe('market filters <-> query string', () => {
  it('reads known values and drops unknown ones', () => {
    const f = filtersFromSearch(
      '?q=%EC%95%8C%EB%B3%B4&category=plant&state=selling,reserved&min_price=1,000&max_price=abc&sort=popular&species_id=16449&x=1',
    );
    expect(f).toEqual({
      q: '알보',
      category: 'plant',
      state: 'selling,reserved',
      min_price: '1000',
      max_price: '',
      free: '',
      sort: 'popular',
      species_id: '16449',
    });
    expect(filtersFromSearch('?category=car&state=gone&sort=newest&species_id=0&free=1')).toEqual(EMPTY_FILTERS);
  });

  it('empty query gives empty filters', () => {
    expect(filtersFromSearch('')).toEqual(EMPTY_FILTERS);
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe('');
  });

  it('writes only set filters, in a stable order, and no price bounds with 나눔 only', () => {
    const sp = filtersToSearch({ ...EMPTY_FILTERS, sort: 'price_asc', q: '  화분 ', category: 'supplies', free: 'true', min_price: '5000' });
    expect([...sp.keys()]).toEqual(['q', 'category', 'free', 'sort']);
    expect(sp.get('q')).toBe('화분');
  });

  it('round-trips', () => {
    const f = { ...EMPTY_FILTERS, q: '몬스테라', category: 'plant', state: 'sold', min_price: '0', max_price: '30000', sort: 'price_desc' } as const;
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(hasActiveFilters(f)).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, sort: 'popular' })).toBe(false);
  });

  it('builds the API query: typed prices, swapped bounds, free, cursor and limit', () => {
    expect(filtersToApiQuery({ ...EMPTY_FILTERS, min_price: '30000', max_price: '1000' }, 'abc', 10)).toEqual({
      min_price: 1000,
      max_price: 30000,
      cursor: 'abc',
      limit: 10,
    });
    expect(filtersToApiQuery({ ...EMPTY_FILTERS, free: 'true', max_price: '5' })).toEqual({ free: true, limit: 20 });
    expect(filtersToApiQuery({ ...EMPTY_FILTERS, species_id: '7', state: 'selling,reserved' })).toEqual({
      species_id: '7',
      state: 'selling,reserved',
      limit: 20,
    });
  });

  it('normalises prices', () => {
    expect(normalisePrice('25,000원')).toBe('25000');
    expect(normalisePrice('007')).toBe('7');
    expect(normalisePrice('100000001')).toBe('');
    expect(normalisePrice('-5')).toBe('');
    expect(normalisePrice('1.5')).toBe('');
  });
});
