import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { formatPrice, relativeTime } from '../../../shared/format/listing';
import { useNow } from '../../../shared/hooks/useNow';
import { fmt, label } from '../../../shared/i18n';
import { useListing, useSpeciesListings } from '../api/queries';
import { ChatButton, ListingChatsLink } from '../components/ChatButton';
import { ChatIcon, EyeIcon, HeartIcon } from '../components/Icons';
import { MiniListings } from '../components/MiniListings';
import { PhotoGallery } from '../components/PhotoGallery';
import { SellerPanel } from '../components/SellerPanel';
import { SpeciesCard } from '../components/SpeciesCard';
import { StateBadge } from '../components/StateBadge';
import { WishButton } from '../components/WishButton';
import { useMarketI18n } from '../i18n';
import '../market.css';

export function ListingDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useMarketI18n();
  const now = useNow();
  const { data: listing, error, isPending } = useListing(id);
  const others = useSpeciesListings(listing?.species?.id, id);
  useTitle(listing ? listing.title : t.market.title);

  const back = (
    <p className="back">
      <Link to="/market">← {t.marketListing.back}</Link>
    </p>
  );

  if (isPending) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t.market.title}</h1>
        <p role="status">{t.common.loading}</p>
      </>
    );
  }
  if (error || !listing) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{notFound ? t.marketListing.notFound : t.common.errorTitle}</h1>
        <Notice tone="error">{errorText(error, t)}</Notice>
        {notFound ? <p>{t.marketListing.notFoundBody}</p> : null}
      </>
    );
  }

  const otherItems = others.data?.items ?? [];
  const edited = Date.parse(listing.updated_at) - Date.parse(listing.created_at) > 60_000;

  return (
    <>
      {back}
      <article className="listing-detail" aria-labelledby="listing-title">
        <div>
          <PhotoGallery photos={listing.photos} title={listing.title} />
        </div>
        <div>
          {listing.deleted ? <Notice tone="info">{t.marketListing.deletedNotice}</Notice> : null}
          {listing.hidden && !listing.deleted ? <Notice tone="info">{t.marketListing.hiddenNotice}</Notice> : null}
          {listing.buyer_id && !listing.is_owner ? <Notice tone="success">{t.marketListing.boughtNotice}</Notice> : null}
          <section className="card listing-head">
            <div className="seller-line">
              <span className="avatar" aria-hidden="true">
                {[...listing.seller.nickname][0] ?? '?'}
              </span>
              <div>
                <span className="visually-hidden">{t.marketListing.seller}: </span>
                <strong data-testid="listing-seller">{listing.seller.nickname}</strong>
                <div className="detail-meta">
                  {t.marketListing.tradeArea}: {listing.trade_area || t.marketListing.tradeAreaNone}
                </div>
              </div>
            </div>
            <p className="tags">
              <StateBadge state={listing.state} always />
              <span className="tag">{label(t.marketCodes.category, listing.category)}</span>
              {listing.hidden ? <span className="state-badge hidden-badge">{t.market.hiddenBadge}</span> : null}
            </p>
            <h1 id="listing-title" tabIndex={-1} data-testid="listing-detail-title">
              {listing.title}
            </h1>
            <p className="detail-meta">
              <time dateTime={listing.bumped_at}>
                {fmt(listing.bumped_at !== listing.created_at ? t.marketListing.bumpedAt : t.marketListing.postedAt, {
                  when: relativeTime(listing.bumped_at, now, t),
                })}
              </time>
              {edited ? ` · ${t.marketListing.updated}` : null}
            </p>
            <p className={`listing-price${listing.price === 0 ? ' is-free' : ''}`} data-testid="listing-detail-price">
              {formatPrice(listing.price, t, lang)}
            </p>
            <h2 className="visually-hidden">{t.marketListing.description}</h2>
            <div className="listing-description" data-testid="listing-description">
              {listing.description || <span className="muted">{t.marketListing.descriptionEmpty}</span>}
            </div>
            <p className="listing-counts detail-counts">
              <span className="count">
                <ChatIcon /> {fmt(t.market.chats, { n: listing.chat_count })}
              </span>
              <span className="count">
                <HeartIcon /> {fmt(t.market.wishes, { n: listing.wish_count })}
              </span>
              <span className="count">
                <EyeIcon /> {fmt(t.market.views, { n: listing.view_count })}
              </span>
            </p>
            {!listing.is_owner ? (
              <div className="buy-bar">
                <WishButton listing={listing} />
                <ChatButton listing={listing} />
              </div>
            ) : !listing.deleted ? (
              <div className="buy-bar">
                <ListingChatsLink listing={listing} />
              </div>
            ) : null}
            {listing.state === 'sold' && !listing.is_owner && !listing.buyer_id ? <p className="muted">{t.marketListing.soldNotice}</p> : null}
          </section>
          {listing.is_owner ? <SellerPanel listing={listing} /> : null}
        </div>
        {listing.species ? (
          <div className="detail-wide">
            <SpeciesCard species={listing.species} card={listing.species_card} />
          </div>
        ) : null}
        {listing.species && otherItems.length > 0 ? (
          <section className="card detail-wide" aria-labelledby="others-title">
            <div className="page-head">
              <h2 id="others-title">{t.marketListing.others}</h2>
              <Link to={`/market?species_id=${encodeURIComponent(listing.species.id)}`}>{t.marketListing.othersAll}</Link>
            </div>
            <MiniListings items={otherItems} />
          </section>
        ) : null}
      </article>
    </>
  );
}
