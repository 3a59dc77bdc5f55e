import type { SessionStore } from '../auth/session';
import type { RealtimeManager } from './manager';
import type { UnreadFeeds } from './unread';

export const STOMP_PATH = '/ws';
export const SSE_PATH = '/api/v1/notifications/stream';

export function stompUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${STOMP_PATH}`;
}

export interface Realtime {
  manager: RealtimeManager;
  unread: UnreadFeeds;
}

/** Stop every connection and forget every count whenever the session is not an active one. */
export function stopWhenSessionEnds(realtime: Realtime, store: Pick<SessionStore, 'subscribe' | 'getSnapshot'>): () => void {
  return store.subscribe(() => {
    if (store.getSnapshot().status === 'authenticated') return;
    realtime.manager.stop();
    realtime.unread.reset();
  });
}
