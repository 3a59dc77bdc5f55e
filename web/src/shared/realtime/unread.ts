// Shared unread counters fed by the realtime connections.
//
// The notification stream's events are fixed by the notify service (docs/openapi.yaml, streamNotifications):
//   SSE  event "unread"        data {"count": <unread notifications>}   (on connect, and when a read or a delete
//                                                                      elsewhere changes the count)
//   SSE  event "notification"  data a Notification plus "unread": the count after it
//   SSE  event "resync"        data {}   (the client fell too far behind: reload the list; the count follows)
//   SSE  event "reauth" / "bye" just before the server ends the stream (see manager.ts)
//
// The chat service's queue (docs/openapi.yaml, /ws) tells of changes only; the counts at the start come from
// the room list (UnreadOptions.roomCounts):
//   STOMP /user/queue/chat.unread  body {"room_id": "<id>", "unread": <n>}   (whenever that room's count changes)
import type { RealtimeManager } from './manager';
import { createStore, type Store } from './store';

export const SSE_UNREAD_EVENT = 'unread';
export const SSE_NOTIFICATION_EVENT = 'notification';
export const SSE_RESYNC_EVENT = 'resync';
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
  /**
   * Keep the per-room counters live (opens the STOMP connection). The queue tells only of changes, so once it
   * is subscribed (and after every reconnect) the counts are also read from the room list (`roomCounts`).
   */
  watchRooms(): () => void;
  /** Forget every count (logout). */
  reset(): void;
}

export interface UnreadOptions {
  /** Unread count per room id as the server has them now (GET /chat/rooms); the first page is enough for a badge. */
  roomCounts?: () => Promise<Readonly<Record<string, number>>>;
}

export function createUnreadFeeds(manager: RealtimeManager, options: UnreadOptions = {}): UnreadFeeds {
  const state = createStore<UnreadState>(EMPTY_UNREAD);
  const watchNotifications = refCounted(() => {
    const offUnread = manager.onEvent(SSE_UNREAD_EVENT, (event) => {
      const count = (parse(event.data) as { count?: unknown } | undefined)?.count;
      if (isCount(count)) state.set((s) => (s.notifications === count ? s : { ...s, notifications: count }));
    });
    // A new notification carries the count after it; one without (an older server) counts one more.
    const offNew = manager.onEvent(SSE_NOTIFICATION_EVENT, (event) => {
      const count = (parse(event.data) as { unread?: unknown } | undefined)?.unread;
      state.set((s) => {
        const next = isCount(count) ? count : s.notifications + 1;
        return s.notifications === next ? s : { ...s, notifications: next };
      });
    });
    return () => {
      offUnread();
      offNew();
    };
  });
  // A count read from the list may be older than one the queue brought meanwhile: every queue event is
  // numbered, and a list answer is not applied to a room that had an event after the list was asked for.
  let events = 0;
  const lastEvent = new Map<string, number>();
  let generation = 0; // reset() forgets list answers still on their way
  const readRoomCounts = () => {
    if (!options.roomCounts) return;
    const asked = events;
    const gen = generation;
    options.roomCounts().then(
      (counts) => {
        if (gen !== generation) return;
        state.set((s) => {
          let rooms: Record<string, number> | null = null;
          for (const [room, unread] of Object.entries(counts)) {
            if (!isCount(unread) || (lastEvent.get(room) ?? -1) >= asked || s.rooms[room] === unread) continue;
            rooms ??= { ...s.rooms };
            rooms[room] = unread;
          }
          return rooms ? { ...s, rooms } : s;
        });
      },
      () => {}, // offline or logged out: the next reconnect asks again
    );
  };
  const watchRooms = refCounted(() =>
    manager.subscribe(
      CHAT_UNREAD_DESTINATION,
      (message) => {
        const m = parse(message.body) as { room_id?: unknown; unread?: unknown } | undefined;
        if (!m || typeof m.room_id !== 'string' || !isCount(m.unread)) return;
        const { room_id: room, unread } = m;
        lastEvent.set(room, events++);
        state.set((s) => (s.rooms[room] === unread ? s : { ...s, rooms: { ...s.rooms, [room]: unread } }));
      },
      readRoomCounts,
    ),
  );
  const reset = () => {
    generation++;
    lastEvent.clear();
    state.set(EMPTY_UNREAD);
  };
  return { state, watchNotifications, watchRooms, reset };
}
