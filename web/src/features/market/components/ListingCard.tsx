import { Link } from 'react-router-dom';
import type { ListingSummary } from '../../../shared/api/types';
import { formatPrice, relativeTime } from '../../../shared/format/listing';
import { fmt } from '../../../shared/i18n';
import { useMarketI18n } from '../i18n';
import { ChatIcon, EyeIcon, HeartIcon, PhotoIcon } from './Icons';
import { StateBadge } from './StateBadge';

/** One row of a listing list: thumbnail, title, area · time, state and price, counts. */
export function ListingCard({ listing, now }: { listing: ListingSummary; now: number }) {
  const { t, lang } = useMarketI18n();
  const when = relativeTime(listing.bumped_at, now, t);
  const counts = [
    { n: listing.chat_count, icon: <ChatIcon />, text: t.market.chats },
    { n: listing.wish_count, icon: <HeartIcon />, text: t.market.wishes },
    { n: listing.view_count, icon: <EyeIcon />, text: t.market.views },
  ].filter((c) => c.n > 0);
  return (
    <li className="listing-item">
      <Link to={`/market/${encodeURIComponent(listing.id)}`} className={`listing-card is-${listing.state}`} data-testid="listing-card">
        <span className="listing-thumb">
          {listing.thumbnail_url ? (
            <img src={listing.thumbnail_url} alt="" width={320} height={320} loading="lazy" decoding="async" />
          ) : (
            <span className="listing-thumb-empty">
              <PhotoIcon />
              <span className="visually-hidden">{t.market.noPhoto}</span>
            </span>
          )}
        </span>
        <span className="listing-body">
          <span className="listing-title" data-testid="listing-title">
            {listing.title}
          </span>
          <span className="listing-meta">
            {listing.trade_area ? <span>{listing.trade_area}</span> : null}
            {listing.trade_area && when ? <span aria-hidden="true"> · </span> : null}
            <time dateTime={listing.bumped_at}>{when}</time>
          </span>
          <span className="listing-price-row">
            <StateBadge state={listing.state} />
            <span className={`listing-price${listing.price === 0 ? ' is-free' : ''}`} data-testid="listing-price">
              {formatPrice(listing.price, t, lang)}
            </span>
          </span>
          {counts.length ? (
            <span className="listing-counts">
              {counts.map((c) => (
                <span key={c.text} className="count">
                  {c.icon}
                  <span className="visually-hidden">{fmt(c.text, { n: c.n })}</span>
                  <span aria-hidden="true">{c.n.toLocaleString()}</span>
                </span>
              ))}
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}
