import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../../shared/api/types';
import {
  compareIds,
  listItems,
  newestId,
  parseLiveNotification,
  parseUnreadCount,
  safeLink,
  unreadOf,
  withAllRead,
  withNew,
  withRead,
  without,
  type NotificationPages,
} from './list';

const item = (id: string, read = false): NotificationItem => ({
  id,
  type: 'wish',
  text: `알림 ${id}`,
  subject: '몬스테라',
  detail: '',
  link: `/market/${id}`,
  read,
  created_at: '2026-12-01T10:00:00Z',
});

/** Two pages: 12, 11, 10 (10 read) and 9, 8 (8 read); three unread. */
function pages(): NotificationPages {
  return {
    pages: [
      { items: [item('12'), item('11'), item('10', true)], unread: 3, next_cursor: '10' },
      { items: [item('9'), item('8', true)], unread: 3, next_cursor: null },
    ],
    pageParams: [null, '10'],
  };
}

const ids = (d: NotificationPages | undefined) => listItems(d).map((n) => n.id);
const readIds = (d: NotificationPages | undefined) => listItems(d).filter((n) => n.read).map((n) => n.id);

describe('notification ids', () => {
  it('compare as numbers, also past the doubles’ exact range', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('100', '99')).toBeGreaterThan(0);
    expect(compareIds('7', '7')).toBe(0);
    expect(compareIds('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(newestId([item('9'), item('12'), item('100'), item('11')])).toBe('100');
    expect(newestId([])).toBeNull();
  });
});

describe('the cached list', () => {
  it('lists every item once, newest first', () => {
    const d = pages();
    d.pages[1].items.unshift(item('10', true));
    expect(ids(d)).toEqual(['12', '11', '10', '9', '8']);
    expect(ids(undefined)).toEqual([]);
    expect(unreadOf(d)).toBe(3);
    expect(unreadOf(undefined)).toBeNull();
  });

  it('takes a live notification on top, with the count it carries, and only once', () => {
    const d = withNew(pages(), item('13'), 4);
    expect(ids(d)).toEqual(['13', '12', '11', '10', '9', '8']);
    expect(d?.pages.map((p) => p.unread)).toEqual([4, 4]);
    // Replayed after a reconnect: already there, only the count is taken.
    const again = withNew(d, item('13'), 5);
    expect(ids(again)).toEqual(ids(d));
    expect(unreadOf(again)).toBe(5);
    // Without a count, an unread one counts one more; out of order, it still goes in id order.
    const late = withNew(pages(), item('11'), null);
    expect(unreadOf(late)).toBe(3);
    const noCount = withNew(pages(), item('14'), null);
    expect(unreadOf(noCount)).toBe(4);
    expect(ids(withNew(noCount, item('13'), null))).toEqual(['14', '13', '12', '11', '10', '9', '8']);
    // Nothing loaded yet: nothing to change.
    expect(withNew(undefined, item('13'), 1)).toBeUndefined();
  });

  it('marks one read, with the server’s count or one less', () => {
    const d = withRead(pages(), '11');
    expect(readIds(d)).toEqual(['11', '10', '8']);
    expect(unreadOf(d)).toBe(2);
    expect(unreadOf(withRead(pages(), '11', 7))).toBe(7);
    // Reading a read one again changes nothing.
    expect(unreadOf(withRead(pages(), '10'))).toBe(3);
    const same = pages();
    expect(withRead(same, '10')?.pages[0].items).toBe(same.pages[0].items);
  });

  it('marks read up to the newest seen; one that came after stays unread', () => {
    const live = withNew(pages(), item('13'), 4);
    const d = withAllRead(live, '12', 1);
    expect(readIds(d)).toEqual(['12', '11', '10', '9', '8']);
    expect(listItems(d)[0]).toMatchObject({ id: '13', read: false });
    expect(unreadOf(d)).toBe(1);
    expect(unreadOf(withAllRead(pages(), '11', null))).toBe(1);
  });

  it('deletes one, and its unread with it', () => {
    const d = without(pages(), '9');
    expect(ids(d)).toEqual(['12', '11', '10', '8']);
    expect(unreadOf(d)).toBe(2);
    expect(unreadOf(without(pages(), '10'))).toBe(3);
    const same = pages();
    expect(without(same, '99')).toBe(same);
  });
});

describe('stream events', () => {
  it('read a notification with the count after it, and refuse malformed ones', () => {
    const n = item('5');
    expect(parseLiveNotification(JSON.stringify({ ...n, unread: 2 }))).toEqual({ item: n, unread: 2 });
    expect(parseLiveNotification(JSON.stringify(n))).toEqual({ item: n, unread: null });
    expect(parseLiveNotification(JSON.stringify({ ...n, unread: -1 }))?.unread).toBeNull();
    expect(parseLiveNotification(JSON.stringify({ ...n, id: 5 }))).toBeNull();
    expect(parseLiveNotification(JSON.stringify({ ...n, id: '-0' }))).toBeNull();
    expect(parseLiveNotification(JSON.stringify({ ...n, created_at: 'yesterday' }))).toBeNull();
    expect(parseLiveNotification(JSON.stringify({ ...n, link: null }))).toBeNull();
    expect(parseLiveNotification('{}')).toBeNull();
    expect(parseLiveNotification('null')).toBeNull();
    expect(parseLiveNotification('not json')).toBeNull();
  });

  it('read an unread count', () => {
    expect(parseUnreadCount('{"count":3}')).toBe(3);
    expect(parseUnreadCount('{"count":0}')).toBe(0);
    expect(parseUnreadCount('{"count":-2}')).toBeNull();
    expect(parseUnreadCount('{}')).toBeNull();
    expect(parseUnreadCount('nope')).toBeNull();
  });
});

describe('safeLink', () => {
  it('follows paths of the app only', () => {
    expect(safeLink('/market/123')).toBe('/market/123');
    expect(safeLink('/market/me?tab=keywords')).toBe('/market/me?tab=keywords');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('/\\evil.example')).toBeNull();
    expect(safeLink('https://evil.example/')).toBeNull();
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('')).toBeNull();
    expect(safeLink('market/1')).toBeNull();
  });
});
