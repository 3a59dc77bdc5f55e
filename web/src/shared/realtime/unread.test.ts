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
    stream.emit('unread', 'not json');
    stream.emit('unread', { count: -1 });
    stream.emit('unread', { count: 4 });
    expect(seen).toEqual([4]);
    // A new notification carries the count after it, which may be more than one up (a replay after a reconnect).
    stream.emit('notification', { id: '9', type: 'wish', text: '누군가 찜했어요', read: false, unread: 7 }, '9');
    expect(unread.state.get().notifications).toBe(7);
    // The same count again (a replayed batch all carries the count at that time) changes nothing.
    stream.emit('notification', { id: '10', type: 'keyword', unread: 7 }, '10');
    expect(seen).toEqual([4, 7]);
    stopA();
    stopA();
    stream.emit('notification', { id: '11', type: 'wish', unread: 0 }, '11');
    expect(unread.state.get().notifications).toBe(0);
    stopB();
    expect(stream.closed).toBe(true);
  });

  it('count one up for a notification that carries no usable count', () => {
    const { unread, es } = setup();
    unread.watchNotifications();
    const stream = es.sources[0];
    stream.open();
    stream.emit('unread', { count: 2 });
    stream.emit('notification', { id: '3', type: 'comment' });
    stream.emit('notification', { id: '4', unread: -1 });
    stream.emit('notification', { id: '5', unread: '6' });
    stream.emit('notification', 'not json');
    expect(unread.state.get().notifications).toBe(6);
    // An "unread" event puts it right again.
    stream.emit('unread', { count: 3 });
    expect(unread.state.get().notifications).toBe(3);
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

  it('read the room counts from the list once the queue is subscribed and after every reconnect; newer queue events win', async () => {
    const answers: { resolve: (counts: Record<string, number>) => void; reject: (e: unknown) => void }[] = [];
    const stomp = new FakeStomp();
    const manager = new RealtimeManager({
      stomp: async () => stomp.connector,
      eventSource: fakeEventSources().factory,
      accessToken: async () => 'T',
      isAuthenticated: () => true,
      stompUrl: () => 'ws://h/ws',
      sseUrl: '/api/v1/notifications/stream',
      backoff: () => 100,
      idleCloseMs: 0,
    });
    const unread = createUnreadFeeds(manager, {
      roomCounts: () => new Promise((resolve, reject) => answers.push({ resolve, reject })),
    });
    unread.watchRooms();
    await vi.advanceTimersByTimeAsync(0);
    stomp.last.accept();
    expect(answers).toHaveLength(0);
    stomp.last.confirm(CHAT_UNREAD_DESTINATION);
    expect(answers).toHaveLength(1);
    // While the list is on its way, room 11 gets a new count on the queue: that one is newer.
    stomp.last.deliver(CHAT_UNREAD_DESTINATION, { room_id: '11', unread: 3 });
    answers[0].resolve({ '11': 2, '12': 1, '13': 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(unread.state.get().rooms).toEqual({ '11': 3, '12': 1, '13': 0 });

    // Reconnected: asked again; this time the list is newer than every queue event.
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    stomp.last.accept();
    stomp.last.confirm();
    expect(answers).toHaveLength(2);
    answers[1].resolve({ '11': 0, '12': 4, '14': -1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(unread.state.get().rooms).toEqual({ '11': 0, '12': 4, '13': 0 });

    // A failed list read changes nothing; an answer arriving after a logout is ignored.
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    stomp.last.accept();
    stomp.last.confirm();
    answers[2].reject(new Error('offline'));
    await vi.advanceTimersByTimeAsync(0);
    expect(unread.state.get().rooms).toEqual({ '11': 0, '12': 4, '13': 0 });
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    stomp.last.accept();
    stomp.last.confirm();
    unread.reset();
    answers[3].resolve({ '11': 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(unread.state.get().rooms).toEqual({});
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
