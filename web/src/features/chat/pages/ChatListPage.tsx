import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { ChatRoom } from '../../../shared/api/types';
import { useTitle } from '../../../shared/components/useTitle';
import { useNow } from '../../../shared/hooks/useNow';
import { fmt } from '../../../shared/i18n';
import { useRoomUnreads } from '../../../shared/realtime/hooks';
import { chatKeys, useRooms } from '../api/queries';
import { RoomRow } from '../components/RoomRow';
import { useChatI18n } from '../i18n';
import '../chat.css';
import { ListError, LoadMore } from '../../../shared/components/PageListControls';

const LISTING_ID = /^[1-9]\d{0,18}$/;

/** Pages can overlap when a room moves up between two requests: keep the first copy. */
function uniqueById(items: ChatRoom[]): ChatRoom[] {
  const seen = new Set<string>();
  return items.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** /chat: my rooms, most recent first; /chat?listing=<id>: the rooms of one of my listings (or my own one). */
export function ChatListPage() {
  const { t } = useChatI18n();
  const [params] = useSearchParams();
  const raw = params.get('listing') ?? '';
  const listing = LISTING_ID.test(raw) ? raw : '';
  const list = useRooms(listing);
  const now = useNow();
  const qc = useQueryClient();
  const live = useRoomUnreads();
  const rooms = useMemo(() => uniqueById((list.data?.pages ?? []).flatMap((p) => p.items)), [list.data]);
  const listingTitle = listing ? rooms[0]?.listing.title : undefined;
  useTitle(listing ? t.chat.listingTitle : t.chat.title);

  // A count that changed means a message came (or was read elsewhere): the previews and the order changed too.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => void qc.invalidateQueries({ queryKey: chatKeys.roomList(listing) }), 300);
    return () => window.clearTimeout(timer);
  }, [live, listing, qc]);

  const loading = list.isPending && list.fetchStatus !== 'idle';
  const loadingMore = list.isFetchingNextPage;

  return (
    <>
      {listing ? (
        <p className="back">
          <Link to={`/market/${listing}`}>← {t.chat.backToListing}</Link>
        </p>
      ) : null}
      <div className="page-head">
        <h1 tabIndex={-1}>{listing ? t.chat.listingTitle : t.chat.title}</h1>
        {listing ? <Link to="/chat">{t.chat.allRooms}</Link> : null}
      </div>
      <p className="lead">
        {listing ? (listingTitle ? fmt(t.chat.listingLead, { title: listingTitle }) : t.chat.listingLeadUnnamed) : t.chat.lead}
      </p>
      <section aria-label={t.chat.roomsLabel} aria-busy={loading || undefined} className="room-section">
        {list.error && !loadingMore ? (
          <ListError message={errorText(list.error, t)} onRetry={() => void list.refetch()} />
        ) : null}
        {loading ? (
          <>
            <ul className="room-list" aria-hidden="true">
              {[0, 1, 2].map((i) => (
                <li key={i} className="room-item">
                  <span className="room-card skeleton">
                    <span className="avatar" />
                    <span className="room-body">
                      <span className="skeleton-line" />
                      <span className="skeleton-line short" />
                    </span>
                  </span>
                </li>
              ))}
            </ul>
            <p className="visually-hidden" role="status">
              {t.common.loading}
            </p>
          </>
        ) : rooms.length === 0 ? (
          list.error ? null : (
            <div role="status" className="empty" data-testid="chat-empty">
              <p>{listing ? t.chat.emptyListing : t.chat.empty}</p>
              {listing ? null : (
                <p>
                  {t.chat.emptyHint} <Link to="/market">{t.chat.browse}</Link>
                </p>
              )}
            </div>
          )
        ) : (
          <ul className="room-list">
            {rooms.map((room) => (
              <RoomRow key={room.id} room={room} unread={live[room.id] ?? room.unread} now={now} />
            ))}
          </ul>
        )}
        {!loading && list.hasNextPage ? (
          <LoadMore name="chat-more" label={t.chat.loadMore} busyLabel={t.chat.loadingMore} busy={loadingMore} onMore={() => void list.fetchNextPage()} />
        ) : null}
      </section>
    </>
  );
}
