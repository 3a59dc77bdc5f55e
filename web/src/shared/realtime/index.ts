// The page's one realtime manager, wired to the session: it gets its tokens from the transport and stops
// when the session ends. Nothing here connects by itself; a connection opens when a logged-in feature
// starts listening (see hooks.ts).
import { transport } from '../api/instance';
import type { ChatRoomPage } from '../api/types';
import { session } from '../auth/instance';
import { RealtimeManager } from './manager';
import { loadStompjsConnector } from './stompjs';
import { createUnreadFeeds } from './unread';
import { SSE_PATH, stompUrlFor, stopWhenSessionEnds, type Realtime } from './wiring';

export { RealtimeManager, SSE_REAUTH_EVENT, defaultBackoff, type RealtimeStatus } from './manager';
export type { LinkState, RealtimeDeps, StompMessage } from './types';
export { SSE_NOTIFICATION_EVENT, SSE_RESYNC_EVENT, SSE_UNREAD_EVENT, type UnreadFeeds, type UnreadState } from './unread';
export { SSE_PATH, STOMP_PATH, type Realtime } from './wiring';

let stompConnector: ReturnType<typeof loadStompjsConnector> | null = null;
/** Loaded once; a failed load (e.g. offline) is tried again on the next connect. */
function stompjs(): ReturnType<typeof loadStompjsConnector> {
  stompConnector ??= loadStompjsConnector().catch((e: unknown) => {
    stompConnector = null;
    throw e;
  });
  return stompConnector;
}

const manager = new RealtimeManager({
  stomp: stompjs,
  eventSource: (url, init) => new EventSource(url, init),
  accessToken: ({ fresh }) => transport.accessTokenFor({ fresh }),
  isAuthenticated: () => session.getSnapshot().status === 'authenticated',
  stompUrl: () => stompUrlFor(window.location),
  sseUrl: SSE_PATH,
});

/** The chat room list's first page gives the counts the unread queue does not repeat (see unread.ts). */
async function roomCounts(): Promise<Record<string, number>> {
  const page = await transport.request<ChatRoomPage>('/chat/rooms', { query: { limit: 100 }, auth: true });
  return Object.fromEntries(page.items.map((room) => [room.id, room.unread]));
}

export const realtime: Realtime = { manager, unread: createUnreadFeeds(manager, { roomCounts }) };
stopWhenSessionEnds(realtime, session);
