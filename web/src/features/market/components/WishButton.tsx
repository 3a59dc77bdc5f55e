import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { ListingDetail } from '../../../shared/api/types';
import { loginPathFor, useAuth } from '../../../shared/auth';
import { marketApi } from '../api';
import { marketKeys } from '../api/queries';
import { useMarketI18n } from '../i18n';
import { HeartIcon } from './Icons';

/** 찜: shown at once (optimistic), put right by the server's count, undone if the call fails. */
export function WishButton({ listing }: { listing: ListingDetail }) {
  const { t } = useMarketI18n();
  const { status, user } = useAuth();
  const location = useLocation();
  const qc = useQueryClient();
  const key = marketKeys.listing(listing.id, user?.id ?? null);

  const wish = useMutation({
    mutationFn: (wished: boolean) => marketApi.setWish(listing.id, wished),
    onMutate: async (wished) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<ListingDetail>(key);
      if (before) {
        const delta = wished === before.wished ? 0 : wished ? 1 : -1;
        qc.setQueryData<ListingDetail>(key, { ...before, wished, wish_count: Math.max(0, before.wish_count + delta) });
      }
      return { before };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.before) qc.setQueryData(key, ctx.before);
    },
    onSuccess: (state) => {
      qc.setQueryData<ListingDetail>(key, (old) => (old ? { ...old, wished: state.wished, wish_count: state.wish_count } : old));
      void qc.invalidateQueries({ queryKey: marketKeys.wishes });
    },
  });

  if (status !== 'authenticated') {
    return (
      <Link to={loginPathFor(location)} className="btn btn-ghost wish-btn" data-testid="wish-login">
        <HeartIcon size={20} /> {t.marketListing.wishLogin}
      </Link>
    );
  }
  const wished = listing.wished;
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost wish-btn"
        aria-pressed={wished}
        data-testid="wish-button"
        name="wish-button"
        onClick={() => wish.mutate(!wished)}
      >
        <HeartIcon filled={wished} size={20} />
        <span>{t.marketListing.wish}</span>
        <span className="wish-count" data-testid="wish-count">
          {listing.wish_count.toLocaleString()}
        </span>
      </button>
      {wish.error ? (
        <span role="alert" className="field-error">
          {errorText(wish.error, t)}
        </span>
      ) : null}
    </>
  );
}
