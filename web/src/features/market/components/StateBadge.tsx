import type { ListingState } from '../../../shared/api/types';
import { useMarketI18n } from '../i18n';

/** 예약중 / 거래완료; nothing for a listing that is simply for sale (as in every Karrot-like feed). */
export function StateBadge({ state, always = false }: { state: ListingState; always?: boolean }) {
  const { t } = useMarketI18n();
  if (state === 'selling' && !always) return null;
  return <span className={`state-badge state-${state}`}>{t.listingState[state]}</span>;
}
