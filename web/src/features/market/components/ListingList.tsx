import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { errorText } from '../../../shared/api/errorText';
import type { ListingPage, ListingSummary } from '../../../shared/api/types';
import { useNow } from '../../../shared/hooks/useNow';
import { fmt } from '../../../shared/i18n';
import { useMarketI18n } from '../i18n';
import { ListingCard } from './ListingCard';
import { ListError, LoadMore } from '../../../shared/components/PageListControls';

/** Pages can overlap when listings move between two requests (a bump, a new one): keep the first copy. */
function uniqueById(items: ListingSummary[]): ListingSummary[] {
  const seen = new Set<string>();
  return items.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** A cursor-paged list of listings with its loading, empty and error states and a "more" button. */
export function ListingList({
  list,
  empty,
  label,
  showCount = false,
  auto = false,
}: {
  list: UseInfiniteQueryResult<InfiniteData<ListingPage>>;
  empty: ReactNode;
  label: string;
  showCount?: boolean;
  /** Load the next page by itself when the end of the list scrolls into view (the button stays as well). */
  auto?: boolean;
}) {
  const { t, lang } = useMarketI18n();
  const now = useNow();
  const items = useMemo(() => uniqueById((list.data?.pages ?? []).flatMap((p) => p.items)), [list.data]);
  const loading = list.isPending && list.fetchStatus !== 'idle';
  const loadingMore = list.isFetchingNextPage;
  const error = list.error && !loadingMore ? errorText(list.error, t) : null;

  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetching, fetchNextPage } = list;
  const failed = !!list.error;
  useEffect(() => {
    const el = sentinel.current;
    if (!auto || !el || !hasNextPage || isFetching || failed || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
    }, { rootMargin: '400px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [auto, hasNextPage, isFetching, failed, fetchNextPage]);

  return (
    <section aria-label={label} aria-busy={loading || undefined} className="listing-section">
      {error ? (
        <ListError message={error} onRetry={() => void list.refetch()} />
      ) : null}
      {loading ? (
        <ul className="listing-list" aria-hidden="true">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="listing-item">
              <span className="listing-card skeleton">
                <span className="listing-thumb" />
                <span className="listing-body">
                  <span className="skeleton-line" />
                  <span className="skeleton-line short" />
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : items.length === 0 ? (
        error ? null : (
          <div role="status" className="empty" data-testid="listing-empty">
            {empty}
          </div>
        )
      ) : (
        <>
          {showCount ? (
            <p className="muted small" role="status">
              {fmt(t.market.shown, { count: items.length.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') })}
            </p>
          ) : null}
          <ul className="listing-list">
            {items.map((l) => (
              <ListingCard key={l.id} listing={l} now={now} />
            ))}
          </ul>
        </>
      )}
      {loading && <p className="visually-hidden" role="status">{t.common.loading}</p>}
      {!loading && list.hasNextPage ? (
        <LoadMore name="listing-more" label={t.market.loadMore} busyLabel={t.market.loadingMore} busy={loadingMore} onMore={() => void list.fetchNextPage()} sentinel={sentinel} />
      ) : null}
    </section>
  );
}
