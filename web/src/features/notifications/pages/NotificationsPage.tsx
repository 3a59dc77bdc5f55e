import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { NotificationItem } from '../../../shared/api/types';
import { BellIcon } from '../../../shared/components/BellIcon';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { useNow } from '../../../shared/hooks/useNow';
import { fmt } from '../../../shared/i18n';
import { useLiveNotifications, useMarkRead, useNotifications, useReadAll, useRemoveNotification } from '../api/queries';
import { NotificationRow } from '../components/NotificationRow';
import { NotificationSettingsCard } from '../components/NotificationSettingsCard';
import { useNotificationsI18n } from '../i18n';
import { listItems, newestId, unreadOf } from '../model/list';
import '../notifications.css';
import { ListError, LoadMore } from '../../../shared/components/PageListControls';

export function NotificationsPage() {
  const { t, lang } = useNotificationsI18n();
  useTitle(t.notifications.title);
  const now = useNow();
  const list = useNotifications();
  useLiveNotifications();
  const markRead = useMarkRead();
  const readAll = useReadAll();
  const remove = useRemoveNotification();
  const [announce, setAnnounce] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = useRef(new Map<string, HTMLElement>());

  const items = useMemo(() => listItems(list.data), [list.data]);
  const unread = unreadOf(list.data) ?? 0;
  const loading = list.isPending && list.fetchStatus !== 'idle';
  const loadingMore = list.isFetchingNextPage;
  const listError = list.error && !loadingMore ? errorText(list.error, t) : null;
  const actionError = readAll.error ?? remove.error ?? markRead.error;

  const open = (n: NotificationItem) => {
    if (!n.read) markRead.mutate(n.id);
  };

  const removeOne = (n: NotificationItem) => {
    const i = items.findIndex((x) => x.id === n.id);
    const next = items[i + 1] ?? items[i - 1];
    setAnnounce('');
    remove.mutate(n.id, {
      onSuccess: () => {
        setAnnounce(t.notifications.removed);
        // Focus goes to the neighbour, or to the heading when the list is empty now.
        const neighbour = next ? rows.current.get(next.id) : undefined;
        if (neighbour) neighbour.focus();
        else heading.current?.focus();
      },
    });
  };

  const markAll = () => {
    const upTo = newestId(items);
    if (!upTo) return;
    setAnnounce('');
    readAll.mutate(upTo, { onSuccess: () => setAnnounce(t.notifications.readAllDone) });
  };

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>
          {t.notifications.title}
        </h1>
        {items.length > 0 ? (
          <div className="notification-actions">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              name="notifications-read-all"
              data-testid="notifications-read-all"
              disabled={unread === 0 || readAll.isPending}
              onClick={markAll}
            >
              {t.notifications.readAll}
            </button>
            <a href="#notification-settings" className="btn btn-ghost btn-small">
              {t.notifications.toSettings}
            </a>
          </div>
        ) : null}
      </div>
      {items.length > 0 ? (
        <p className="muted notification-summary" data-testid="notifications-unread">
          {unread > 0 ? fmt(t.notifications.unreadCount, { n: unread.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') }) : t.notifications.allRead}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {actionError ? <Notice tone="error">{errorText(actionError, t)}</Notice> : null}

      <section aria-label={t.notifications.listLabel} aria-busy={loading || undefined} className="notification-section">
        {listError ? (
          <ListError message={listError} onRetry={() => void list.refetch()} />
        ) : null}
        {loading ? (
          <>
            <ul className="notification-list" aria-hidden="true">
              {[0, 1, 2].map((i) => (
                <li key={i} className="notification skeleton">
                  <span className="notification-main">
                    <span className="notification-icon" />
                    <span className="notification-body">
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
        ) : items.length === 0 ? (
          listError ? null : (
            <div className="empty notification-empty" data-testid="notifications-empty">
              <BellIcon size={40} />
              <p className="notification-empty-title">{t.notifications.emptyTitle}</p>
              <p>{t.notifications.emptyBody}</p>
              <Link to="/market/me?tab=keywords" className="btn btn-secondary btn-small">
                {t.notifications.emptyKeywords}
              </Link>
            </div>
          )
        ) : (
          <ul className="notification-list">
            {items.map((n) => (
              <NotificationRow
                key={n.id}
                item={n}
                now={now}
                onOpen={open}
                onRemove={removeOne}
                removing={remove.isPending && remove.variables === n.id}
                mainRef={(el) => {
                  if (el) rows.current.set(n.id, el);
                  else rows.current.delete(n.id);
                }}
              />
            ))}
          </ul>
        )}
        {!loading && list.hasNextPage ? (
          <LoadMore name="notifications-more" label={t.notifications.loadMore} busyLabel={t.notifications.loadingMore} busy={loadingMore} onMore={() => void list.fetchNextPage()} />
        ) : null}
      </section>

      <NotificationSettingsCard />
    </>
  );
}
