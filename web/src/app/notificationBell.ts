// What the header's bell shows and says for an unread count.
import type { CommonDict } from '../shared/i18n';
import { fmt } from '../shared/i18n';

/** The badge: nothing at 0, the count up to 99, then "99+". */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The link's accessible name: "알림" or "알림 3개 안 읽음" (the real count, even past 99). */
export function bellLabel(count: number, t: Pick<CommonDict, 'nav'>): string {
  return badgeText(count) ? fmt(t.nav.notificationsUnread, { n: Math.floor(count) }) : t.nav.notifications;
}
