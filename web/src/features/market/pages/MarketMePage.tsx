import { useRef, type KeyboardEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import type { ListingState } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { useMyListings, usePurchases, useWishes } from '../api/queries';
import { KeywordAlerts } from '../components/KeywordAlerts';
import { ListingList } from '../components/ListingList';
import { useMarketI18n } from '../i18n';
import '../market.css';

const TABS = ['selling', 'purchases', 'wishes', 'keywords'] as const;
type Tab = (typeof TABS)[number];
const STATES: readonly ListingState[] = ['selling', 'reserved', 'sold'];

function SellingTab({ state, setState }: { state: ListingState | ''; setState: (s: ListingState | '') => void }) {
  const { t } = useMarketI18n();
  const list = useMyListings(state);
  return (
    <>
      <fieldset className="chip-group">
        <legend className="visually-hidden">{t.market.state}</legend>
        {[{ value: '' as const, text: t.marketMe.stateAll }, ...STATES.map((s) => ({ value: s, text: t.listingState[s] }))].map((o) => (
          <label key={o.value || 'all'} className={`chip${state === o.value ? ' is-on' : ''}`}>
            <input type="radio" name="my-state" value={o.value} checked={state === o.value} onChange={() => setState(o.value)} />
            {o.text}
          </label>
        ))}
      </fieldset>
      <ListingList list={list} label={t.marketMe.selling} empty={<p>{t.marketMe.sellingEmpty}</p>} />
    </>
  );
}

function PurchasesTab() {
  const { t } = useMarketI18n();
  return <ListingList list={usePurchases(true)} label={t.marketMe.purchases} empty={<p>{t.marketMe.purchasesEmpty}</p>} />;
}

function WishesTab() {
  const { t } = useMarketI18n();
  return <ListingList list={useWishes(true)} label={t.marketMe.wishes} empty={<p>{t.marketMe.wishesEmpty}</p>} />;
}

export function MarketMePage() {
  const { t } = useMarketI18n();
  useTitle(t.marketMe.title);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'selling';
  const rawState = params.get('state') ?? '';
  const state = (STATES as readonly string[]).includes(rawState) ? (rawState as ListingState) : '';
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const select = (next: Tab, focus = false) => {
    setParams(next === 'selling' ? {} : { tab: next }, { replace: true });
    if (focus) tabRefs.current[next]?.focus();
  };
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern with automatic activation).
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const to =
      e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (to >= 0) {
      e.preventDefault();
      select(TABS[to], true);
    }
  };
  const labels: Record<Tab, string> = {
    selling: t.marketMe.selling,
    purchases: t.marketMe.purchases,
    wishes: t.marketMe.wishes,
    keywords: t.marketMe.keywords,
  };

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t.marketMe.title}</h1>
        <Link to="/market/new" className="btn btn-primary btn-small">
          + {t.market.write}
        </Link>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <div role="tablist" aria-label={t.marketMe.tabsLabel} className="tabs" onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${k}`}
            className="tab"
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            data-testid={`tab-${k}`}
            onClick={() => select(k)}
          >
            {labels[k]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="tab-panel">
        {tab === 'selling' ? (
          <SellingTab state={state} setState={(s) => setParams(s ? { state: s } : {}, { replace: true })} />
        ) : tab === 'purchases' ? (
          <PurchasesTab />
        ) : tab === 'wishes' ? (
          <WishesTab />
        ) : (
          <KeywordAlerts />
        )}
      </div>
    </>
  );
}
