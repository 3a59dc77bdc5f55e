import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { ListingDetail, ListingState } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth';
import { Notice } from '../../../shared/components/Notice';
import { useNow } from '../../../shared/hooks/useNow';
import { fmt } from '../../../shared/i18n';
import { relativeTime } from '../../../shared/format/listing';
import { marketApi } from '../api';
import { listingChanged, marketKeys, useChatPartners } from '../api/queries';
import { useMarketI18n } from '../i18n';

const STATES: readonly ListingState[] = ['selling', 'reserved', 'sold'];

/** "내일 오전 9:30" style absolute time for when the next bump is possible. */
function when(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', {
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** The seller's tools: state (with the buyer for 거래완료), bump, edit, hide/show, delete. */
export function SellerPanel({ listing }: { listing: ListingDetail }) {
  const { t, lang } = useMarketI18n();
  const { user } = useAuth();
  const viewer = user?.id ?? null;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const now = useNow(30_000);
  const sold = listing.state === 'sold';

  const [state, setState] = useState<ListingState>(listing.state);
  const [buyer, setBuyer] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => setState(listing.state), [listing.state]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const partners = useChatPartners(listing.id, state === 'sold' && !sold);
  const partnerList = partners.data?.items ?? [];

  const onChanged = (message: string) => (next: ListingDetail) => {
    listingChanged(qc, viewer, next);
    setDone(message);
  };

  const changeState = useMutation({
    mutationFn: () => marketApi.changeState(listing.id, state === 'sold' ? { state, buyer_id: buyer } : { state }),
    onSuccess: (next) => onChanged(fmt(t.marketSeller.stateSaved, { state: t.listingState[next.state] }))(next),
  });
  const bump = useMutation({ mutationFn: () => marketApi.bump(listing.id), onSuccess: (next) => onChanged(t.marketSeller.bumpDone)(next) });
  const hide = useMutation({
    mutationFn: (hidden: boolean) => marketApi.update(listing.id, { hidden }),
    onSuccess: (next) => onChanged(next.hidden ? t.marketSeller.hiddenDone : t.marketSeller.shownDone)(next),
  });
  const remove = useMutation({
    mutationFn: () => marketApi.remove(listing.id),
    onSuccess: () => {
      qc.removeQueries({ queryKey: marketKeys.listing(listing.id, viewer) });
      void qc.invalidateQueries({ queryKey: marketKeys.feeds });
      void qc.invalidateQueries({ queryKey: marketKeys.mine });
      navigate('/market/me', { replace: true, state: { notice: t.marketSeller.deleted } });
    },
  });
  const busy = changeState.isPending || bump.isPending || hide.isPending || remove.isPending;
  const error = changeState.error ?? bump.error ?? hide.error ?? remove.error;

  const canBumpAt = listing.can_bump_at ? Date.parse(listing.can_bump_at) : null;
  const bumpLater = canBumpAt !== null && canBumpAt > now;
  const needBuyer = state === 'sold' && !buyer;

  if (listing.deleted) return null;

  return (
    <section className="card seller-panel" aria-labelledby="seller-title" data-testid="seller-panel">
      <h2 id="seller-title">{t.marketSeller.title}</h2>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {error ? <Notice tone="error">{errorText(error, t)}</Notice> : null}
      {sold ? (
        <p className="muted">{t.marketSeller.soldLocked}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            changeState.mutate();
          }}
        >
          <fieldset>
            <legend>{t.marketSeller.stateLegend}</legend>
            <div className="segmented">
              {STATES.map((s) => (
                <label key={s} className={`chip${state === s ? ' is-on' : ''}`}>
                  <input
                    type="radio"
                    name="listing-state"
                    value={s}
                    data-testid={`state-${s}`}
                    checked={state === s}
                    onChange={() => setState(s)}
                  />
                  {t.listingState[s]}
                </label>
              ))}
            </div>
          </fieldset>
          {state === 'sold' ? (
            partners.isPending ? (
              <p role="status" className="muted">
                {t.common.loading}
              </p>
            ) : partners.error ? (
              <Notice tone="error">{errorText(partners.error, t)}</Notice>
            ) : partnerList.length === 0 ? (
              <Notice tone="info">{t.marketSeller.noPartners}</Notice>
            ) : (
              <div className="field">
                <label htmlFor="buyer">{t.marketSeller.buyer}</label>
                <select id="buyer" name="buyer" value={buyer} onChange={(e) => setBuyer(e.target.value)} aria-describedby="buyer-hint">
                  <option value="">{t.marketSeller.buyerPick}</option>
                  {partnerList.map((p) => (
                    <option key={p.user_id} value={p.user_id}>
                      {fmt(t.marketSeller.partnerSince, { nickname: p.nickname, when: relativeTime(p.since, now, t) })}
                    </option>
                  ))}
                </select>
                <p className="hint" id="buyer-hint">
                  {t.marketSeller.buyerHint} {t.marketSeller.soldFinal}
                </p>
              </div>
            )
          ) : null}
          <button
            type="submit"
            className="btn btn-primary btn-small"
            name="state-save"
            data-testid="state-save"
            disabled={busy || state === listing.state || needBuyer}
          >
            {t.marketSeller.stateSave}
          </button>
        </form>
      )}

      <div className="actions">
        {!sold ? (
          <>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              name="bump"
              data-testid="bump"
              disabled={busy || bumpLater}
              aria-describedby={bumpLater ? 'bump-wait' : undefined}
              onClick={() => {
                setDone(null);
                bump.mutate();
              }}
            >
              {t.marketSeller.bump}
            </button>
            <Link to={`/market/${encodeURIComponent(listing.id)}/edit`} className="btn btn-secondary btn-small" data-testid="edit-listing">
              {t.marketSeller.edit}
            </Link>
          </>
        ) : null}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          name="toggle-hidden"
          data-testid="toggle-hidden"
          disabled={busy}
          aria-pressed={listing.hidden}
          onClick={() => {
            setDone(null);
            hide.mutate(!listing.hidden);
          }}
        >
          {listing.hidden ? t.marketSeller.show : t.marketSeller.hide}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          name="delete-listing"
          data-testid="delete-listing"
          disabled={busy}
          aria-expanded={confirming}
          aria-controls="delete-confirm"
          onClick={() => setConfirming((c) => !c)}
        >
          {t.marketSeller.delete}
        </button>
      </div>
      {bumpLater && listing.can_bump_at ? (
        <p className="hint" id="bump-wait">
          {fmt(t.marketSeller.bumpWait, { when: when(listing.can_bump_at, lang) })}
        </p>
      ) : null}
      {confirming ? (
        <div className="confirm-box" id="delete-confirm" role="group" aria-labelledby="delete-confirm-text">
          <p id="delete-confirm-text">{t.marketSeller.deleteConfirm}</p>
          <div className="actions">
            <button
              ref={confirmRef}
              type="button"
              className="btn btn-danger btn-small"
              name="delete-confirm"
              data-testid="delete-confirm"
              disabled={busy}
              onClick={() => remove.mutate()}
            >
              {t.marketSeller.deleteYes}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(false)}>
              {t.common.cancel}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
