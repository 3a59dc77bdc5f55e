import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { PlantSummary } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { SearchRow } from '../../../shared/components/SearchRow';
import { useTitle } from '../../../shared/components/useTitle';
import { commonKo, fmt } from '../../../shared/i18n';
import { usePlantList } from '../api/queries';
import { FilterSelect } from '../components/FilterSelect';
import { PlantCard } from '../components/PlantCard';
import { usePlantsI18n } from '../i18n';
import {
  CATEGORIES,
  DIFFICULTIES,
  EMPTY_FILTERS,
  LIGHTS,
  WATERINGS,
  filtersFromSearch,
  filtersToSearch,
  hasActiveFilters,
  type PlantFilters,
} from '../model/filters';

const SEARCH_DEBOUNCE_MS = 400;

/** Pages can overlap when the catalogue changes between two requests: keep the first copy of each plant. */
function uniqueById(plants: PlantSummary[]): PlantSummary[] {
  const seen = new Set<string>();
  return plants.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

export function PlantListPage() {
  const { t, lang } = usePlantsI18n();
  useTitle(t.plants.title);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const filterKey = filtersToSearch(filters).toString();

  const [q, setQ] = useState(filters.q);
  // Keep the search box in step with the URL (back/forward, reset).
  const lastPushedQ = useRef(filters.q);
  useEffect(() => {
    if (filters.q !== lastPushedQ.current) {
      lastPushedQ.current = filters.q;
      setQ(filters.q);
    }
  }, [filters.q]);

  const apply = (next: PlantFilters) => {
    lastPushedQ.current = next.q.trim();
    setParams(filtersToSearch(next), { replace: false });
  };

  // Debounced live search while typing.
  useEffect(() => {
    if (q.trim() === filters.q) return;
    const timer = window.setTimeout(() => {
      lastPushedQ.current = q.trim();
      setParams(filtersToSearch({ ...filtersFromSearch(window.location.search), q }), { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q]);

  // First page whenever the filters change; "more" follows next_cursor. Pages stay cached per filter set.
  const list = usePlantList(filterKey);
  const items = useMemo(() => uniqueById((list.data?.pages ?? []).flatMap((p) => p.items ?? [])), [list.data]);
  const loading = list.isPending;
  const loadingMore = list.isFetchingNextPage;
  // The error of the first page, or of the last "more" (hidden while it is being tried again).
  const error = list.error && !loadingMore ? errorText(list.error, t) : null;

  const loadMore = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...filters, q });
  };

  const set = (key: keyof PlantFilters) => (v: string) => apply({ ...filters, [key]: v });

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t.plants.title}</h1>
      </div>
      <p className="lead">{t.plants.lead}</p>

      <form role="search" className="search-form card" onSubmit={onSearch} aria-label={t.plants.searchLabel}>
        <SearchRow
          name="plant-search"
          label={t.plants.searchLabel}
          placeholder={t.plants.searchPlaceholder}
          button={t.plants.searchButton}
          value={q}
          onChange={setQ}
          maxLength={100}
        />
        <fieldset className="filters">
          <legend>{t.plants.filtersLabel}</legend>
          <FilterSelect
            id="filter-category"
            name="category"
            labelText={t.plants.category}
            value={filters.category}
            anyText={t.plants.any}
            options={CATEGORIES.map((c) => ({ value: c, text: t.codes.category[c] }))}
            onChange={set('category')}
          />
          <FilterSelect
            id="filter-difficulty"
            name="difficulty"
            labelText={t.plants.difficulty}
            value={filters.difficulty}
            anyText={t.plants.any}
            options={DIFFICULTIES.map((c) => ({ value: c, text: t.codes.difficulty[c] }))}
            onChange={set('difficulty')}
          />
          <FilterSelect
            id="filter-light"
            name="light"
            labelText={t.plants.light}
            value={filters.light}
            anyText={t.plants.any}
            options={LIGHTS.map((c) => ({ value: c, text: `${t.codes.light[c]} (${t.codes.lightLux[c]})` }))}
            onChange={set('light')}
          />
          <FilterSelect
            id="filter-watering"
            name="watering"
            labelText={t.plants.watering}
            value={filters.watering}
            anyText={t.plants.any}
            options={WATERINGS.map((c) => ({ value: c, text: t.codes.wateringShort[c] }))}
            onChange={set('watering')}
          />
          <FilterSelect
            id="filter-pet-safe"
            name="pet_safe"
            labelText={t.plants.petSafe}
            value={filters.pet_safe}
            anyText={t.plants.any}
            options={[
              { value: 'true', text: t.plants.petSafeYes },
              { value: 'false', text: t.plants.petSafeNo },
            ]}
            onChange={set('pet_safe')}
          />
        </fieldset>
        {hasActiveFilters(filters) ? (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              setQ('');
              apply(EMPTY_FILTERS);
            }}
          >
            {t.plants.resetFilters}
          </button>
        ) : null}
      </form>

      <section aria-labelledby="results-title" aria-busy={loading || undefined}>
        <h2 id="results-title" className="visually-hidden">
          {t.plants.resultsLabel}
        </h2>
        {error ? <Notice tone="error">{error}</Notice> : null}
        {loading ? (
          <p role="status" className="muted">
            {t.common.loading}
          </p>
        ) : items.length === 0 ? (
          error ? null : (
            <p role="status" className="empty">
              {t.plants.empty}
            </p>
          )
        ) : (
          <>
            <p className="muted small" role="status">
              {fmt(t.plants.shown, { count: items.length.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') })}
            </p>
            <ul className="plant-grid">
              {items.map((p) => (
                <PlantCard key={p.id} plant={p} />
              ))}
            </ul>
          </>
        )}
        {!loading && list.hasNextPage ? (
          <div className="more">
            <button
              type="button"
              className="btn btn-secondary"
              name="plant-more"
              data-testid="plant-more"
              onClick={loadMore}
              disabled={loadingMore}
            >
              {loadingMore ? t.plants.loadingMore : t.plants.loadMore}
            </button>
          </div>
        ) : null}
        {!loading && items.length > 0 ? (
          <p className="source source-list" lang="ko">
            {commonKo.footer.attribution}
          </p>
        ) : null}
      </section>
    </>
  );
}
