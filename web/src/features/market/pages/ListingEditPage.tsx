import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { ListingDetail, UpdateListingRequest } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { marketApi } from '../api';
import { listingChanged, useListing } from '../api/queries';
import { ListingForm, type ListingValues } from '../components/ListingForm';
import { useMarketI18n } from '../i18n';
import { sameIds } from '../model/photos';
import '../market.css';

/** Only what changed goes to the server (PATCH semantics); `species_id: null` removes the link. */
function changes(before: ListingDetail, v: ListingValues): UpdateListingRequest {
  const out: UpdateListingRequest = {};
  if (v.title !== before.title) out.title = v.title;
  if (v.description !== before.description) out.description = v.description;
  if (v.price !== before.price) out.price = v.price;
  if (v.category !== before.category) out.category = v.category;
  if (v.trade_area !== before.trade_area) out.trade_area = v.trade_area;
  if ((v.species?.id ?? null) !== (before.species?.id ?? null)) out.species_id = v.species?.id ?? null;
  if (!sameIds(v.photo_ids, before.photos.map((p) => p.id))) out.photo_ids = v.photo_ids;
  return out;
}

export function ListingEditPage() {
  const { id = '' } = useParams();
  const { t } = useMarketI18n();
  useTitle(t.marketWrite.editTitle);
  const { user } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: listing, error, isPending } = useListing(id);
  const detailPath = `/market/${encodeURIComponent(id)}`;

  const save = useMutation({
    mutationFn: (v: ListingValues) => {
      const body = changes(listing!, v);
      return Object.keys(body).length ? marketApi.update(id, body) : Promise.resolve(listing!);
    },
    onSuccess: (next) => {
      listingChanged(qc, user?.id ?? null, next);
      navigate(detailPath, { replace: true });
    },
  });

  const back = (
    <p className="back">
      <Link to={detailPath}>← {t.marketListing.back}</Link>
    </p>
  );
  const heading = <h1 tabIndex={-1}>{t.marketWrite.editTitle}</h1>;

  if (isPending) {
    return (
      <>
        {back}
        {heading}
        <p role="status">{t.common.loading}</p>
      </>
    );
  }
  if (error || !listing) {
    return (
      <>
        {back}
        {heading}
        <Notice tone="error">{errorText(error, t)}</Notice>
      </>
    );
  }
  if (!listing.is_owner || listing.state === 'sold' || listing.deleted) {
    return (
      <>
        {back}
        {heading}
        <Notice tone="info">{!listing.is_owner ? t.marketWrite.notOwner : t.marketWrite.soldNoEdit}</Notice>
      </>
    );
  }

  return (
    <>
      {back}
      {heading}
      <ListingForm
        key={listing.id}
        initial={listing}
        submitText={t.marketWrite.submitEdit}
        pending={save.isPending}
        error={save.error}
        onSubmit={(v) => save.mutate(v)}
        onCancel={
          <Link to={detailPath} className="btn btn-ghost">
            {t.marketWrite.cancel}
          </Link>
        }
      />
    </>
  );
}
