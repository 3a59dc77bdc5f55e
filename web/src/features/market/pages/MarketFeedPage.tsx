import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { SearchRow } from '../../../shared/components/SearchRow';
import { useTitle } from '../../../shared/components/useTitle';
import { formatCount } from '../../../shared/format/listing';
import { fmt } from '../../../shared/i18n';
import { useFeed } from '../api/queries';
import { ListingList } from '../components/ListingList';
import { useMarketI18n } from '../i18n';
import {
  CATEGORIES,
  EMPTY_FILTERS,
  QUERY_MAX,
  SORTS,
  STATE_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  hasActiveFilters,
  normalisePrice,
  type MarketFilters,
} from '../model/filters';
import '../market.css';

const SEARCH_DEBOUNCE_MS = 400;

export function MarketFeedPage() {
  const { t, lang } = useMarketI18n();
  useTitle(t.market.title);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const filterKey = filtersToSearch(filters).toString();

  const [q, setQ] = useState(filters.q);
  const [minPrice, setMinPrice] = useState(filters.min_price);
  const [maxPrice, setMaxPrice] = useState(filters.max_price);
  // Keep the boxes in step with the URL (back/forward, reset).
  const lastPushedQ = useRef(filters.q);
  useEffect(() => {
    if (filters.q !== lastPushedQ.current) {
      lastPushedQ.current = filters.q;
      setQ(filters.q);
    }
  }, [filters.q]);
  useEffect(() => setMinPrice(filters.min_price), [filters.min_price]);
  useEffect(() => setMaxPrice(filters.max_price), [filters.max_price]);

  const apply = (next: MarketFilters, replace = false) => {
    lastPushedQ.current = next.q.trim();
    setParams(filtersToSearch(next), { replace });
  };

  // Debounced live search while typing.
  useEffect(() => {
    if (q.trim() === filters.q) return;
    const timer = window.setTimeout(() => {
      apply({ ...filtersFromSearch(window.location.search), q }, true);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q]);

  // On a phone the detailed filters fold away unless one of them is in use; on wider screens they are open.
  const detailCount = [filters.state, filters.min_price || filters.max_price, filters.free, filters.sort].filter(Boolean).length;
  const [moreOpen, setMoreOpen] = useState(
    () => detailCount > 0 || (typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 721px)').matches),
  );

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const wide = window.matchMedia('(min-width: 721px)');
    const onChange = () => {
      if (wide.matches) setMoreOpen(true);
    };
    wide.addEventListener('change', onChange);
    return () => wide.removeEventListener('change', onChange);
  }, []);

  const list = useFeed(filterKey);
  const firstSpecies = list.data?.pages[0]?.items.find((i) => i.species?.id === filters.species_id)?.species;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...filters, q, min_price: minPrice, max_price: maxPrice });
  };
  const set = (key: keyof MarketFilters) => (v: string) => apply({ ...filters, [key]: v });
  const commitPrices = () => {
    if (normalisePrice(minPrice) !== filters.min_price || normalisePrice(maxPrice) !== filters.max_price) {
      apply({ ...filters, min_price: minPrice, max_price: maxPrice });
    }
  };

  const sortedWithin = list.data?.pages[0]?.sorted_within;
  const emptyText = filters.q ? fmt(t.market.emptySearch, { q: filters.q }) : t.market.empty;

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t.market.title}</h1>
        <div className="head-actions">
          <Link to="/market/me" className="btn btn-ghost btn-small">
            {t.market.myMarket}
          </Link>
          <Link to="/market/new" className="btn btn-primary btn-small" data-testid="market-write">
            + {t.market.write}
          </Link>
        </div>
      </div>
      <p className="lead">{t.market.lead}</p>

      <form role="search" className="search-form card market-search" onSubmit={onSubmit} aria-label={t.market.searchLabel}>
        <SearchRow
          name="market-search"
          label={t.market.searchLabel}
          placeholder={t.market.searchPlaceholder}
          button={t.market.searchButton}
          value={q}
          onChange={setQ}
          maxLength={QUERY_MAX}
        />

        <fieldset className="chip-group">
          <legend className="visually-hidden">{t.market.category}</legend>
          {[{ value: '', text: t.market.any }, ...CATEGORIES.map((c) => ({ value: c, text: t.marketCodes.category[c] }))].map((o) => (
            <label key={o.value || 'any'} className={`chip${filters.category === o.value ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="category"
                value={o.value}
                checked={filters.category === o.value}
                onChange={() => set('category')(o.value)}
              />
              {o.text}
            </label>
          ))}
        </fieldset>

        <details className="more-filters" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary data-testid="more-filters">
            {detailCount > 0 ? fmt(t.market.moreFiltersActive, { n: detailCount }) : t.market.moreFilters}
          </summary>
          <fieldset className="filters market-filters">
            <legend className="visually-hidden">{t.market.filtersLabel}</legend>
            <div className="field filter">
              <label htmlFor="filter-state">{t.market.state}</label>
              <select id="filter-state" name="state" data-testid="filter-state" value={filters.state} onChange={(e) => set('state')(e.target.value)}>
                <option value="">{t.market.any}</option>
                {STATE_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {t.marketCodes.stateFilter[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field filter">
              <label htmlFor="filter-sort">{t.market.sort}</label>
              <select
                id="filter-sort"
                name="sort"
                data-testid="filter-sort"
                value={filters.sort || 'newest'}
                onChange={(e) => set('sort')(e.target.value === 'newest' ? '' : e.target.value)}
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t.marketCodes.sort[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field filter price-range">
              <span className="range-label" id="price-range-label">
                {t.marketWrite.price}
              </span>
              <div className="range-inputs" role="group" aria-labelledby="price-range-label">
                <PriceBound
                  id="filter-min-price"
                  name="min_price"
                  label={t.market.minPrice}
                  value={minPrice}
                  disabled={filters.free === 'true'}
                  onChange={setMinPrice}
                  onCommit={commitPrices}
                />
                <span aria-hidden="true">~</span>
                <PriceBound
                  id="filter-max-price"
                  name="max_price"
                  label={t.market.maxPrice}
                  value={maxPrice}
                  disabled={filters.free === 'true'}
                  onChange={setMaxPrice}
                  onCommit={commitPrices}
                />
              </div>
            </div>
            <label className="check free-only">
              <input
                type="checkbox"
                name="free"
                data-testid="filter-free"
                checked={filters.free === 'true'}
                onChange={(e) => set('free')(e.target.checked ? 'true' : '')}
              />
              <span>{t.market.freeOnly}</span>
            </label>
          </fieldset>
        </details>

        {filters.species_id ? (
          <p className="species-filter">
            <span>{firstSpecies ? fmt(t.market.speciesFilter, { name: firstSpecies.name_ko }) : t.market.speciesFilterUnnamed}</span>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => set('species_id')('')}>
              {t.market.clearSpecies}
            </button>
          </p>
        ) : null}
        {hasActiveFilters(filters) ? (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              setQ('');
              apply({ ...EMPTY_FILTERS, sort: filters.sort });
            }}
          >
            {t.market.resetFilters}
          </button>
        ) : null}
      </form>

      {sortedWithin ? (
        <p className="sort-note" data-testid="sorted-within">
          {fmt(t.market.sortedWithin, { n: formatCount(sortedWithin, lang) })}
        </p>
      ) : null}
      <ListingList
        list={list}
        label={t.market.resultsLabel}
        auto
        empty={
          <>
            <p>{emptyText}</p>
            {!hasActiveFilters(filters) ? (
              <Link to="/market/new" className="btn btn-secondary btn-small">
                {t.market.emptyCta}
              </Link>
            ) : null}
          </>
        }
      />
    </>
  );
}

interface PriceBoundProps {
  id: string;
  name: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange: (digits: string) => void;
  onCommit: () => void;
}

/** One end of the price range: digits only, applied when the box loses focus. */
function PriceBound({ id, name, label, value, disabled, onChange, onCommit }: PriceBoundProps) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder={label}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value.replace(/[^\d]/g, ''))}
        onBlur={onCommit}
      />
    </>
  );
}
