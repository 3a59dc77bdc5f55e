// The notification list as the query cache holds it (pages along next_cursor), and what changes it: a live
// notification from the stream, a read, "read all", a delete. Pure functions, so that they can be tested.
import type { InfiniteData } from '@tanstack/react-query';
import type { NotificationItem, NotificationPage } from '../../../shared/api/types';

export type NotificationPages = InfiniteData<NotificationPage>;

/** Ids number the user's own notifications 1, 2, 3, … as decimal strings: compare them as numbers, digit for digit. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9]{1,19}$/.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Every item once, newest first (a live one and a refetched page can hold the same one). */
export function listItems(data: NotificationPages | undefined): NotificationItem[] {
  const seen = new Set<string>();
  const out: NotificationItem[] = [];
  for (const page of data?.pages ?? []) {
    for (const n of page.items) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push(n);
    }
  }
  return out;
}

/** The list's unread count (each page carries the count at the time it was read; the first is the newest). */
export function unreadOf(data: NotificationPages | undefined): number | null {
  return data?.pages[0]?.unread ?? null;
}

/** The newest id shown: what "read all" marks up to, so that one arriving meanwhile stays unread. */
export function newestId(items: readonly NotificationItem[]): string | null {
  let best: string | null = null;
  for (const n of items) if (best === null || compareIds(n.id, best) > 0) best = n.id;
  return best;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A stream "notification" event's data: a Notification plus `unread`, the count after it. Null if malformed. */
export function parseLiveNotification(text: string): { item: NotificationItem; unread: number | null } | null {
  const v = parse(text) as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return null;
  const { id, type, text: sentence, subject, detail, link, read, created_at: createdAt, unread } = v;
  if (!isId(id) || typeof type !== 'string' || typeof sentence !== 'string' || typeof link !== 'string') return null;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return null;
  const item: NotificationItem = {
    id,
    type: type as NotificationItem['type'],
    text: sentence,
    subject: typeof subject === 'string' ? subject : '',
    detail: typeof detail === 'string' ? detail : '',
    link,
    read: read === true,
    created_at: createdAt,
  };
  return { item, unread: isCount(unread) ? unread : null };
}

/** A stream "unread" event's count, or null. */
export function parseUnreadCount(text: string): number | null {
  const count = (parse(text) as { count?: unknown } | undefined)?.count;
  return isCount(count) ? count : null;
}

function withUnread(data: NotificationPages, unread: number): NotificationPages {
  return { ...data, pages: data.pages.map((p) => (p.unread === unread ? p : { ...p, unread })) };
}

function mapItems(data: NotificationPages, f: (n: NotificationItem) => NotificationItem): NotificationPages {
  return {
    ...data,
    pages: data.pages.map((p) => {
      const items = p.items.map(f);
      return items.every((n, i) => n === p.items[i]) ? p : { ...p, items };
    }),
  };
}

/**
 * A live notification goes on top of the first page, in id order, unless the list has it already (a replay
 * after a reconnect). The list's count becomes the one the event carries, or one more for an unread one.
 */
export function withNew(data: NotificationPages | undefined, item: NotificationItem, unread: number | null): NotificationPages | undefined {
  if (!data || data.pages.length === 0) return data;
  if (data.pages.some((p) => p.items.some((n) => n.id === item.id))) {
    return unread === null ? data : withUnread(data, unread);
  }
  const [first, ...rest] = data.pages;
  const items = [...first.items, item].sort((a, b) => compareIds(b.id, a.id));
  const count = unread ?? first.unread + (item.read ? 0 : 1);
  return withUnread({ ...data, pages: [{ ...first, items }, ...rest] }, count);
}

/** One read; `unread` is the server's count after it when known, else the list counts one less. */
export function withRead(data: NotificationPages | undefined, id: string, unread: number | null = null): NotificationPages | undefined {
  if (!data) return data;
  const was = listItems(data).find((n) => n.id === id);
  const next = mapItems(data, (n) => (n.id === id && !n.read ? { ...n, read: true } : n));
  const count = unread ?? Math.max(0, (unreadOf(data) ?? 0) - (was && !was.read ? 1 : 0));
  return withUnread(next, count);
}

/** "Read all" up to `upTo`: newer ones (arrived meanwhile) stay unread. */
export function withAllRead(data: NotificationPages | undefined, upTo: string, unread: number | null): NotificationPages | undefined {
  if (!data) return data;
  let cleared = 0;
  const next = mapItems(data, (n) => {
    if (n.read || compareIds(n.id, upTo) > 0) return n;
    cleared++;
    return { ...n, read: true };
  });
  return withUnread(next, unread ?? Math.max(0, (unreadOf(data) ?? 0) - cleared));
}

/** One deleted (its unread, if it was, goes with it). */
export function without(data: NotificationPages | undefined, id: string): NotificationPages | undefined {
  if (!data) return data;
  const was = listItems(data).find((n) => n.id === id);
  if (!was) return data;
  const next = { ...data, pages: data.pages.map((p) => (p.items.some((n) => n.id === id) ? { ...p, items: p.items.filter((n) => n.id !== id) } : p)) };
  return was.read ? next : withUnread(next, Math.max(0, (unreadOf(data) ?? 0) - 1));
}

/**
 * A web path of the app to open, or null: a notification's link is followed inside the app only (one
 * leading slash, no scheme, no "//host", no backslash).
 */
export function safeLink(link: string): string | null {
  return /^\/(?![/\\])[^\\\s]*$/.test(link) ? link : null;
}
