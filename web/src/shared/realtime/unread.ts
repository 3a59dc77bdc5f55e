// Shared unread counters fed by the realtime connections.
//
// The message shapes are provisional: the notify and chat services do not exist yet, and their work fixes the
// contract (and documents it beside docs/openapi.yaml). Until then:
//   SSE  event "unread"        data {"count": <unread notifications>}   (sent on connect and on every change)
//   SSE  event "notification"  data {...}                              (one new notification: count + 1)
//   STOMP /user/queue/chat.unread  body {"room_id": "<id>", "unread": <n>}
import type { RealtimeManager } from './manager';
import { createStore, type Store } from './store';

export const SSE_UNREAD_EVENT = 'unread';
export const SSE_NOTIFICATION_EVENT = 'notification';
export const CHAT_UNREAD_DESTINATION = '/user/queue/chat.unread';

export interface UnreadState {
  notifications: number;
  /** Unread messages per chat room id. */
  rooms: Readonly<Record<string, number>>;
}

export const EMPTY_UNREAD: UnreadState = { notifications: 0, rooms: {} };

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * Starts a feed when its first watcher comes and stops it when its last one goes, so that two components
 * showing the same counter do not count every message twice.
 */
function refCounted(start: () => () => void): () => () => void {
  let watchers = 0;
  let stopFeed: (() => void) | null = null;
  return () => {
    if (watchers++ === 0) stopFeed = start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--watchers === 0) {
        stopFeed?.();
        stopFeed = null;
      }
    };
  };
}

export interface UnreadFeeds {
  readonly state: Store<UnreadState>;
  /** Keep the notification counter live (opens the SSE stream). Returns the function that stops watching. */
  watchNotifications(): () => void;
  /** Keep the per-room counters live (opens the STOMP connection). */
  watchRooms(): () => void;
  /** Forget every count (logout). */
  reset(): void;
}

export function createUnreadFeeds(manager: RealtimeManager): UnreadFeeds {
  const state = createStore<UnreadState>(EMPTY_UNREAD);
  const watchNotifications = refCounted(() => {
    const offUnread = manager.onEvent(SSE_UNREAD_EVENT, (event) => {
      const count = (parse(event.data) as { count?: unknown } | undefined)?.count;
      if (isCount(count)) state.set((s) => (s.notifications === count ? s : { ...s, notifications: count }));
    });
    const offNew = manager.onEvent(SSE_NOTIFICATION_EVENT, () =>
      state.set((s) => ({ ...s, notifications: s.notifications + 1 })),
    );
    return () => {
      offUnread();
      offNew();
    };
  });
  const watchRooms = refCounted(() =>
    manager.subscribe(CHAT_UNREAD_DESTINATION, (message) => {
      const m = parse(message.body) as { room_id?: unknown; unread?: unknown } | undefined;
      if (!m || typeof m.room_id !== 'string' || !isCount(m.unread)) return;
      const { room_id: room, unread } = m;
      state.set((s) => (s.rooms[room] === unread ? s : { ...s, rooms: { ...s.rooms, [room]: unread } }));
    }),
  );
  return { state, watchNotifications, watchRooms, reset: () => state.set(EMPTY_UNREAD) };
}
