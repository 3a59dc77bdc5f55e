import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, tokens } from '../api/testing';
import { Transport } from '../api/transport';
import { SessionStore } from '../auth/session';
import { RealtimeManager } from './manager';
import { FakeStomp, fakeEventSources } from './testing';
import { CHAT_UNREAD_DESTINATION, createUnreadFeeds } from './unread';
import { stompUrlFor, stopWhenSessionEnds } from './wiring';

function setup(isAuthenticated: () => boolean = () => true, accessToken: () => Promise<string | null> = async () => 'T') {
  const stomp = new FakeStomp();
  const es = fakeEventSources();
  const manager = new RealtimeManager({
    stomp: async () => stomp.connector,
    eventSource: es.factory,
    accessToken,
    isAuthenticated,
    stompUrl: () => 'ws://h/ws',
    sseUrl: '/api/v1/notifications/stream',
    backoff: () => 100,
    idleCloseMs: 0,
  });
  return { manager, stomp, es, unread: createUnreadFeeds(manager) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('unread counters', () => {
  it('follow the notification stream; two watchers share one feed and count each event once', () => {
    const { unread, es } = setup();
    const seen: number[] = [];
    unread.state.subscribe(() => seen.push(unread.state.get().notifications));
    const stopA = unread.watchNotifications();
    const stopB = unread.watchNotifications();
    expect(es.sources).toHaveLength(1);
    const stream = es.sources[0];
    stream.open();
    stream.emit('unread', { count: 4 });
    stream.emit('notification', { id: '1', type: 'comment' });
    stream.emit('unread', 'not json');
    stream.emit('unread', { count: -1 });
    expect(unread.state.get().notifications).toBe(5);
    expect(seen).toEqual([4, 5]);
    stopA();
    stopA();
    stream.emit('notification', {});
    expect(unread.state.get().notifications).toBe(6);
    stopB();
    expect(stream.closed).toBe(true);
  });

  it('keep one count per chat room from the STOMP queue', async () => {
    const { unread, stomp } = setup();
    const stop = unread.watchRooms();
    unread.watchRooms();
    await vi.advanceTimersByTimeAsync(0);
    expect(stomp.sessions).toHaveLength(1);
    stomp.last.accept();
    expect(stomp.last.subscribed).toEqual([CHAT_UNREAD_DESTINATION]);
    stomp.last.deliver(CHAT_UNREAD_DESTINATION, { room_id: '11', unread: 2 });
    stomp.last.deliver(CHAT_UNREAD_DESTINATION, { room_id: '12', unread: 1 });
    stomp.last.deliver(CHAT_UNREAD_DESTINATION, { room_id: '11', unread: 0 });
    stomp.last.deliver(CHAT_UNREAD_DESTINATION, { room_id: 13, unread: 1 });
    expect(unread.state.get().rooms).toEqual({ '11': 0, '12': 1 });
    stop();
    unread.reset();
    expect(unread.state.get()).toEqual({ notifications: 0, rooms: {} });
  });
});

describe('realtime and the session', () => {
  it('stops every connection and forgets the counts when the user logs out, and connects again after the next login', async () => {
    const { fn } = fakeFetch((c) => (c.url.endsWith('/auth/logout') ? new Response(null, { status: 204 }) : json(200, tokens('A'))));
    const transport = new Transport({ fetch: fn });
    const session = new SessionStore(transport);
    const rt = setup(
      () => session.getSnapshot().status === 'authenticated',
      () => transport.accessTokenFor(),
    );
    stopWhenSessionEnds({ manager: rt.manager, unread: rt.unread }, session);

    // Anonymous: a watcher opens nothing.
    rt.unread.watchNotifications()();
    expect(rt.es.sources).toHaveLength(0);

    await session.login('plantlover', 'pw12345678');
    rt.unread.watchNotifications();
    rt.unread.watchRooms();
    await vi.advanceTimersByTimeAsync(0);
    expect(rt.es.open()).toHaveLength(1);
    expect(rt.stomp.open).toHaveLength(1);
    expect(rt.stomp.last.connectHeaders.Authorization).toBe('Bearer A');
    rt.stomp.last.accept();
    rt.es.sources[0].emit('unread', { count: 3 });
    expect(rt.unread.state.get().notifications).toBe(3);

    await session.logout();
    expect(rt.es.open()).toHaveLength(0);
    expect(rt.stomp.open).toHaveLength(0);
    expect(rt.unread.state.get().notifications).toBe(0);
    expect(rt.manager.status.get()).toEqual({ stomp: 'idle', sse: 'idle' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rt.es.sources).toHaveLength(1);
    expect(rt.stomp.sessions).toHaveLength(1);
  });

  it('builds the WebSocket address from the page’s', () => {
    expect(stompUrlFor({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws');
    expect(stompUrlFor({ protocol: 'https:', host: 'sikgu.example' })).toBe('wss://sikgu.example/ws');
  });
});
