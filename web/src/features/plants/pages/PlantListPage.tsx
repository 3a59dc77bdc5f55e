import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import { isAbort } from '../../../shared/api/problem';
import { plantsApi } from '../api';
import type { PlantSummary } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { PlantIcon } from '../../../shared/components/PlantIcon';
import { useTitle } from '../../../shared/components/useTitle';
import { usePlantsI18n } from '../i18n';
import { fmt, label } from '../../../shared/i18n';
import { commonKo } from '../../../shared/i18n';
import {
  CATEGORIES,
  DIFFICULTIES,
  EMPTY_FILTERS,
  LIGHTS,
  WATERINGS,
  filtersFromSearch,
  filtersToApiQuery,
  filtersToSearch,
  hasActiveFilters,
  type PlantFilters,
} from '../model/filters';
import { listText } from '../model/format';

export const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 400;

export function PlantCard({ plant }: { plant: PlantSummary }) {
  const { t } = usePlantsI18n();
  const first = plant.categories?.[0];
  return (
    <li className="plant-card-item">
      <Link to={`/plants/${encodeURIComponent(plant.id)}`} className="plant-card" data-testid="plant-card">
        <PlantIcon category={first} size={72} />
        <span className="plant-card-body">
          <span className="plant-card-name" lang="ko">
            {plant.name_ko}
          </span>
          {plant.name_en ? (
            <span className="plant-card-en" lang="en">
              {plant.name_en}
            </span>
          ) : null}
          <span className="tags">
            {listText(t.codes.category, plant.categories) ? (
              <span className="tag">{listText(t.codes.category, plant.categories)}</span>
            ) : null}
            {plant.difficulty ? <span className="tag">{label(t.codes.difficulty, plant.difficulty)}</span> : null}
            {plant.light && plant.light.length ? (
              <span className="tag">
                {t.plants.light}: {listText(t.codes.light, plant.light)}
              </span>
            ) : null}
            {plant.pet_safe === true ? <span className="tag tag-ok">{t.plants.petSafeYes}</span> : null}
            {plant.pet_safe === false ? <span className="tag tag-warn">{t.plants.petSafeNo}</span> : null}
          </span>
        </span>
      </Link>
    </li>
  );
}

function Select({
  id,
  name,
  labelText,
  value,
  options,
  onChange,
  anyText,
}: {
  id: string;
  name: string;
  labelText: string;
  value: string;
  options: { value: string; text: string }[];
  onChange: (v: string) => void;
  anyText: string;
}) {
  return (
    <div className="field filter">
      <label htmlFor={id}>{labelText}</label>
      <select id={id} name={name} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyText}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PlantListPage() {
  const { t, lang } = usePlantsI18n();
  useTitle(t.plants.title);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const filterKey = filtersToSearch(filters).toString();

  const [q, setQ] = useState(filters.q);
  const [items, setItems] = useState<PlantSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorObj, setErrorObj] = useState<unknown>(null);
  const moreCtrl = useRef<AbortController | null>(null);

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

  // First page whenever the filters change.
  useEffect(() => {
    const ctrl = new AbortController();
    moreCtrl.current?.abort();
    setLoading(true);
    setError(null);
    setErrorObj(null);
    plantsApi
      .list(filtersToApiQuery(filtersFromSearch(filterKey), null, PAGE_SIZE), ctrl.signal)
      .then((page) => {
        setItems(page.items ?? []);
        setCursor(page.next_cursor ?? null);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setItems([]);
        setCursor(null);
        setErrorObj(e);
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
  }, [filterKey]);

  // Error text follows the language toggle.
  useEffect(() => {
    setError(errorObj ? errorText(errorObj, t) : null);
  }, [errorObj, t]);

  const loadMore = async () => {
    if (!cursor) return;
    const ctrl = new AbortController();
    moreCtrl.current = ctrl;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await plantsApi.list(filtersToApiQuery(filtersFromSearch(filterKey), cursor, PAGE_SIZE), ctrl.signal);
      setItems((old) => {
        const seen = new Set(old.map((p) => p.id));
        return [...old, ...(page.items ?? []).filter((p) => !seen.has(p.id))];
      });
      setCursor(page.next_cursor ?? null);
    } catch (e) {
      if (!isAbort(e)) setErrorObj(e);
    } finally {
      if (!ctrl.signal.aborted) setLoadingMore(false);
    }
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
        <div className="search-row">
          <div className="field grow">
            <label htmlFor="plant-search">{t.plants.searchLabel}</label>
            <input
              id="plant-search"
              name="plant-search"
              data-testid="plant-search"
              type="search"
              value={q}
              placeholder={t.plants.searchPlaceholder}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
              maxLength={100}
            />
          </div>
          <button type="submit" className="btn btn-primary" name="plant-search-submit">
            {t.plants.searchButton}
          </button>
        </div>
        <fieldset className="filters">
          <legend>{t.plants.filtersLabel}</legend>
          <Select
            id="filter-category"
            name="category"
            labelText={t.plants.category}
            value={filters.category}
            anyText={t.plants.any}
            options={CATEGORIES.map((c) => ({ value: c, text: t.codes.category[c] }))}
            onChange={set('category')}
          />
          <Select
            id="filter-difficulty"
            name="difficulty"
            labelText={t.plants.difficulty}
            value={filters.difficulty}
            anyText={t.plants.any}
            options={DIFFICULTIES.map((c) => ({ value: c, text: t.codes.difficulty[c] }))}
            onChange={set('difficulty')}
          />
          <Select
            id="filter-light"
            name="light"
            labelText={t.plants.light}
            value={filters.light}
            anyText={t.plants.any}
            options={LIGHTS.map((c) => ({ value: c, text: `${t.codes.light[c]} (${t.codes.lightLux[c]})` }))}
            onChange={set('light')}
          />
          <Select
            id="filter-watering"
            name="watering"
            labelText={t.plants.watering}
            value={filters.watering}
            anyText={t.plants.any}
            options={WATERINGS.map((c) => ({ value: c, text: t.codes.wateringShort[c] }))}
            onChange={set('watering')}
          />
          <Select
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
        ) : items.length === 0 && !error ? (
          <p role="status" className="empty">
            {t.plants.empty}
          </p>
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
        {!loading && cursor ? (
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
