import { Link } from 'react-router-dom';
import type { ListingSummary } from '../../../shared/api/types';
import { formatPrice } from '../../../shared/format/listing';
import { useMarketI18n } from '../i18n';
import { PhotoIcon } from './Icons';
import { StateBadge } from './StateBadge';

/** A small grid of listings (photo, title, price), e.g. "other listings of this species". */
export function MiniListings({ items }: { items: ListingSummary[] }) {
  const { t, lang } = useMarketI18n();
  return (
    <ul className="mini-list">
      {items.map((l) => (
        <li key={l.id}>
          <Link to={`/market/${encodeURIComponent(l.id)}`} className="mini-card" data-testid="mini-listing">
            {l.thumbnail_url ? (
              <img src={l.thumbnail_url} alt="" width={320} height={320} loading="lazy" />
            ) : (
              <span className="listing-thumb-empty">
                <PhotoIcon />
              </span>
            )}
            <span className="mini-title">{l.title}</span>
            <span className="mini-price">
              <StateBadge state={l.state} /> {formatPrice(l.price, t, lang)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
