import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { notificationsApi } from '.';
import type { NotificationSettings, NotificationType } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';
import { userKey } from '../../../shared/query/queryClient';
import { SSE_NOTIFICATION_EVENT, SSE_RESYNC_EVENT, SSE_UNREAD_EVENT } from '../../../shared/realtime';
import { useServerEvent } from '../../../shared/realtime/hooks';
import {
  parseLiveNotification,
  parseUnreadCount,
  unreadOf,
  withAllRead,
  withNew,
  withRead,
  without,
  type NotificationPages,
} from '../model/list';

export const PAGE_SIZE = 20;

export const notificationKeys = {
  /** Every language's list. */
  lists: userKey('notifications', 'list'),
  /** Each item's sentence is in the language the list was asked in, so each language has its own list. */
  list: (lang: string) => userKey('notifications', 'list', lang),
  settings: userKey('notifications', 'settings'),
};

/** The signed-in user's notifications, newest first, page by page along `next_cursor`. */
export function useNotifications() {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(lang),
    queryFn: ({ pageParam, signal }) => notificationsApi.list(pageParam, PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // While the page is open the stream keeps it current; a page opened again asks once more.
    staleTime: 0,
  });
}

/** Change every cached list (one per language) the same way. */
function updateLists(qc: QueryClient, f: (d: NotificationPages | undefined) => NotificationPages | undefined): void {
  qc.setQueriesData<NotificationPages>({ queryKey: notificationKeys.lists }, f);
}

/** How long live events are gathered before the list is asked again (a replay after a reconnect is a burst). */
const REFETCH_DELAY_MS = 400;

/**
 * Keeps the list live while mounted: a new notification goes on top at once; the list is then asked again
 * (the stream's sentence is in the browser's language, the list's in the one the UI shows). A "resync", or an
 * unread count that the list does not account for (read or deleted in another tab), reloads it.
 */
export function useLiveNotifications(): void {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries({ queryKey: notificationKeys.lists });
    }, REFETCH_DELAY_MS);
  };
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  useServerEvent(SSE_NOTIFICATION_EVENT, (event) => {
    const live = parseLiveNotification(event.data);
    if (live) updateLists(qc, (d) => withNew(d, live.item, live.unread));
    refetchSoon();
  });
  useServerEvent(SSE_RESYNC_EVENT, refetchSoon);
  useServerEvent(SSE_UNREAD_EVENT, (event) => {
    const count = parseUnreadCount(event.data);
    if (count === null) return;
    const lists = qc.getQueriesData<NotificationPages>({ queryKey: notificationKeys.lists });
    if (lists.some(([, d]) => d !== undefined && unreadOf(d) !== count)) refetchSoon();
  });
}

/** Opening a notification marks it read: shown at once, the server's count taken when it answers. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(id),
    onMutate: (id) => updateLists(qc, (d) => withRead(d, id)),
    onSuccess: ({ unread }, id) => updateLists(qc, (d) => withRead(d, id, unread)),
    onError: () => void qc.invalidateQueries({ queryKey: notificationKeys.lists }),
  });
}

/** "모두 읽음": everything up to the newest one shown. */
export function useReadAll() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) => notificationsApi.readAll(upTo),
    onSuccess: ({ unread }, upTo) => updateLists(qc, (d) => withAllRead(d, upTo, unread)),
  });
}

export function useRemoveNotification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.remove(id),
    onSuccess: (_r, id) => updateLists(qc, (d) => without(d, id)),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => notificationsApi.settings(signal),
  });
}

const SETTINGS_SCOPE = 'notification-settings';

/**
 * Turn one type on or off. Shown at once; the changes go one after another (one mutation scope), each sending
 * the whole set as it stands then, so the server ends with the last one. A failure puts the server's back.
 */
export function useSetMuted() {
  const qc = useQueryClient();
  return useMutation({
    scope: { id: SETTINGS_SCOPE },
    // Runs when its turn comes, so it sends every change made until then.
    mutationFn: () => notificationsApi.saveSettings(qc.getQueryData<NotificationSettings>(notificationKeys.settings)?.muted ?? []),
    onMutate: async ({ type, muted }: { type: NotificationType; muted: boolean }) => {
      await qc.cancelQueries({ queryKey: notificationKeys.settings });
      qc.setQueryData<NotificationSettings>(notificationKeys.settings, (old) =>
        old ? { ...old, muted: muted ? [...old.muted.filter((m) => m !== type), type] : old.muted.filter((m) => m !== type) } : old,
      );
    },
    onSuccess: (saved) => {
      // Only the last change in line speaks for the final state (this one is still pending here).
      if (qc.isMutating({ predicate: (m) => m.options.scope?.id === SETTINGS_SCOPE }) <= 1) {
        qc.setQueryData(notificationKeys.settings, saved);
      }
    },
    onError: () => void qc.invalidateQueries({ queryKey: notificationKeys.settings }),
  });
}
