import { useState } from 'react';
import { errorText } from '../../../shared/api/errorText';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { fmt } from '../../../shared/i18n';
import { usePlantSearch } from '../api/queries';
import { useMarketI18n } from '../i18n';

export interface PickedSpecies {
  id: string;
  name_ko: string;
}

/** Optional link to an encyclopedia species: search by name, pick one of the results, or clear it. */
export function SpeciesPicker({
  value,
  onChange,
  error,
}: {
  value: PickedSpecies | null;
  onChange: (v: PickedSpecies | null) => void;
  error: string | null;
}) {
  const { t } = useMarketI18n();
  const [q, setQ] = useState('');
  const settled = useDebouncedValue(q.trim(), 300);
  const search = usePlantSearch(settled);
  const results = search.data?.items ?? [];

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor="species-search">{t.marketWrite.species}</label>
      {value ? (
        <div className="species-picked" data-testid="species-picked">
          <span>
            {t.marketWrite.speciesSelected}: <strong lang="ko">{value.name_ko}</strong>
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              onChange(null);
              requestAnimationFrame(() => document.getElementById('species-search')?.focus());
            }}
          >
            {t.marketWrite.speciesClear}
          </button>
        </div>
      ) : null}
      <input
        id="species-search"
        name="species-search"
        data-testid="species-search"
        type="search"
        value={q}
        placeholder={t.marketWrite.speciesSearch}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        maxLength={50}
        aria-describedby="species-hint species-results-status"
        aria-invalid={error ? true : undefined}
      />
      <p className="hint" id="species-hint">
        {t.marketWrite.speciesHint}
      </p>
      <p id="species-results-status" className="visually-hidden" role="status">
        {settled && search.isFetching ? t.marketWrite.speciesSearching : settled && !search.isPending && results.length === 0 ? t.marketWrite.speciesNone : ''}
      </p>
      {settled && search.error ? <p className="field-error">{errorText(search.error, t)}</p> : null}
      {settled && !search.isPending && results.length === 0 && !search.error ? <p className="hint">{t.marketWrite.speciesNone}</p> : null}
      {settled && results.length > 0 ? (
        <ul className="species-results">
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={`chip${value?.id === p.id ? ' is-on' : ''}`}
                aria-label={fmt(t.marketWrite.speciesPick, { name: p.name_ko })}
                aria-pressed={value?.id === p.id}
                data-testid="species-option"
                onClick={() => {
                  onChange({ id: p.id, name_ko: p.name_ko });
                  setQ('');
                }}
              >
                <span lang="ko">{p.name_ko}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
