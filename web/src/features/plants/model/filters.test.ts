import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  filtersToApiQuery,
  filtersToSearch,
  hasActiveFilters,
  sameFilters,
} from './filters';

describe('plant filters <-> query string', () => {
  it('reads known values and drops unknown ones', () => {
    const f = filtersFromSearch('?q=%EB%AA%AC%EC%8A%A4&category=leaf&difficulty=nope&light=high&watering=surface_dry&pet_safe=true&x=1');
    expect(f).toEqual({
      q: '몬스',
      category: 'leaf',
      difficulty: '',
      light: 'high',
      watering: 'surface_dry',
      pet_safe: 'true',
    });
  });

  it('empty query gives empty filters', () => {
    expect(filtersFromSearch('')).toEqual(EMPTY_FILTERS);
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe('');
  });

  it('writes only set filters, in a stable order', () => {
    const sp = filtersToSearch({ ...EMPTY_FILTERS, pet_safe: 'false', q: '  ㅁㅅㅌㄹ ', category: 'succulent' });
    expect([...sp.keys()]).toEqual(['q', 'category', 'pet_safe']);
    expect(sp.get('q')).toBe('ㅁㅅㅌㄹ');
  });

  it('round-trips', () => {
    const f = { q: 'monstera', category: 'flower', difficulty: 'expert', light: 'low', watering: 'wet', pet_safe: 'false' } as const;
    const back = filtersFromSearch(filtersToSearch(f));
    expect(sameFilters(back, f)).toBe(true);
    expect(hasActiveFilters(back)).toBe(true);
  });

  it('builds the API query with cursor and limit', () => {
    const f = { ...EMPTY_FILTERS, light: 'medium' as const };
    expect(filtersToApiQuery(f)).toEqual({ light: 'medium', limit: '20' });
    expect(filtersToApiQuery(f, 'abc', 10)).toEqual({ light: 'medium', cursor: 'abc', limit: '10' });
  });
});
