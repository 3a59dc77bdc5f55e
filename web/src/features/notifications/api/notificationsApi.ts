// The notification endpoints (/api/v1/notifications/…). Every call is the signed-in user's own. The live
// stream is not here: the realtime manager (shared/realtime) owns the one EventSource of the page.
import type { Transport } from '../../../shared/api/transport';
import type { NotificationPage, NotificationSettings, NotificationType, UnreadCount } from '../../../shared/api/types';

const one = (id: string) => `/notifications/${encodeURIComponent(id)}`;

export function createNotificationsApi(http: Transport) {
  return {
    /** Newest first; `cursor` is the previous page's next_cursor. */
    list: (cursor: string | null, limit: number, signal?: AbortSignal) =>
      http.request<NotificationPage>('/notifications', { query: { cursor, limit }, auth: true, signal }),

    markRead: (id: string) => http.request<UnreadCount>(`${one(id)}/read`, { method: 'PUT', auth: true }),

    /** Everything up to `upTo` (the newest one the reader has seen), so that one arriving meanwhile stays unread. */
    readAll: (upTo: string | null) =>
      http.request<UnreadCount>('/notifications/read-all', { method: 'POST', body: upTo ? { up_to: upTo } : {}, auth: true }),

    remove: (id: string) => http.request<void>(one(id), { method: 'DELETE', auth: true }),

    settings: (signal?: AbortSignal) => http.request<NotificationSettings>('/notifications/settings', { auth: true, signal }),

    saveSettings: (muted: readonly NotificationType[]) =>
      http.request<NotificationSettings>('/notifications/settings', { method: 'PUT', body: { muted }, auth: true }),
  };
}

export type NotificationsApi = ReturnType<typeof createNotificationsApi>;
