import { Link } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import { formatPrice, formatWon } from '../../../shared/format/listing';
import { fmt } from '../../../shared/i18n';
import { usePriceGuide, useSpeciesListings } from '../api/queries';
import { usePlantsI18n } from '../i18n';

/**
 * "이 식물 중고거래": the price guide (median and range of what sold lately) and the listings on offer now. The
 * marketplace's pages are reached by URL only; this feature does not import the market feature.
 */
export function SpeciesMarket({ id, name }: { id: string; name: string }) {
  const { t, lang } = usePlantsI18n();
  const guide = usePriceGuide(id);
  const listings = useSpeciesListings(id);
  const items = listings.data?.items ?? [];
  const g = guide.data;
  const days = g?.days ?? 90;
  const feedLink = `/market?species_id=${encodeURIComponent(id)}`;
  const sellLink = `/market/new?species_id=${encodeURIComponent(id)}&species_name=${encodeURIComponent(name)}`;

  return (
    <section className="card species-market" aria-labelledby="species-market-title" data-testid="species-market">
      <div className="page-head">
        <h2 id="species-market-title">{t.plantMarket.title}</h2>
        <Link to={sellLink} className="btn btn-secondary btn-small">
          {t.plantMarket.sell}
        </Link>
      </div>

      <h3 className="subhead">{fmt(t.plantMarket.priceGuide, { days })}</h3>
      {guide.isPending ? (
        <p className="muted">{t.common.loading}</p>
      ) : guide.error ? (
        <p className="muted">{errorText(guide.error, t)}</p>
      ) : g && g.count > 0 && g.median !== null && g.min !== null && g.max !== null ? (
        <dl className="price-guide" data-testid="price-guide">
          <div>
            <dt>{t.plantMarket.median}</dt>
            <dd className="price-guide-median">{formatWon(g.median, t, lang)}</dd>
          </div>
          <div>
            <dt>{t.plantMarket.range}</dt>
            <dd>{fmt(t.plantMarket.rangeText, { min: formatWon(g.min, t, lang), max: formatWon(g.max, t, lang) })}</dd>
          </div>
          <div>
            <dt className="visually-hidden">{t.plantMarket.soldCount}</dt>
            <dd className="muted">{fmt(t.plantMarket.soldCount, { count: g.count.toLocaleString() })}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted" data-testid="price-guide-empty">
          {fmt(t.plantMarket.noSales, { days })}
        </p>
      )}

      <h3 className="subhead">{t.plantMarket.listings}</h3>
      {listings.isPending ? (
        <p className="muted">{t.common.loading}</p>
      ) : listings.error ? (
        <p className="muted">{t.plantMarket.unavailable}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t.plantMarket.noListings}</p>
      ) : (
        <>
          <ul className="species-listings">
            {items.map((l) => (
              <li key={l.id}>
                <Link to={`/market/${encodeURIComponent(l.id)}`} className="species-listing">
                  {l.thumbnail_url ? (
                    <img src={l.thumbnail_url} alt="" width={320} height={320} loading="lazy" />
                  ) : (
                    <span className="species-listing-empty" aria-hidden="true" />
                  )}
                  <span className="species-listing-title">{l.title}</span>
                  <span className="species-listing-price">
                    {l.state === 'reserved' ? <span className="tag">{t.listingState.reserved}</span> : null} {formatPrice(l.price, t, lang)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to={feedLink}>{t.plantMarket.seeAll}</Link>
          </p>
        </>
      )}
    </section>
  );
}
