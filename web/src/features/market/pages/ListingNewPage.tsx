import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../shared/auth';
import { useTitle } from '../../../shared/components/useTitle';
import { marketApi } from '../api';
import { listingChanged } from '../api/queries';
import { ListingForm, type ListingValues } from '../components/ListingForm';
import { useMarketI18n } from '../i18n';
import '../market.css';

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function ListingNewPage() {
  const { t } = useMarketI18n();
  useTitle(t.marketWrite.newTitle);
  const { user } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // One key per form: a retried submit (a lost answer, a double tap) creates one listing.
  const key = useRef(newIdempotencyKey());
  // "이 식물 팔기" on a species page comes with the species.
  const [params] = useSearchParams();
  const speciesId = params.get('species_id') ?? '';
  const speciesName = (params.get('species_name') ?? '').slice(0, 60);
  const initialSpecies = /^[1-9]\d{0,18}$/.test(speciesId) && speciesName ? { id: speciesId, name_ko: speciesName } : null;

  const create = useMutation({
    mutationFn: (v: ListingValues) =>
      marketApi.create(
        {
          title: v.title,
          description: v.description,
          price: v.price,
          category: v.category,
          photo_ids: v.photo_ids,
          ...(v.species ? { species_id: v.species.id } : {}),
          ...(v.trade_area ? { trade_area: v.trade_area } : {}),
        },
        key.current,
      ),
    onSuccess: (listing) => {
      listingChanged(qc, user?.id ?? null, listing);
      navigate(`/market/${encodeURIComponent(listing.id)}`, { replace: true });
    },
  });

  return (
    <>
      <p className="back">
        <Link to="/market">← {t.marketListing.back}</Link>
      </p>
      <h1 tabIndex={-1}>{t.marketWrite.newTitle}</h1>
      <ListingForm
        initialSpecies={initialSpecies}
        submitText={t.marketWrite.submitNew}
        pending={create.isPending}
        error={create.error}
        onSubmit={(v) => create.mutate(v)}
        onCancel={
          <Link to="/market" className="btn btn-ghost">
            {t.marketWrite.cancel}
          </Link>
        }
      />
    </>
  );
}
