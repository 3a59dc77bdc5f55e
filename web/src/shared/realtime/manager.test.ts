import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeManager, defaultBackoff } from './manager';
import { FakeStomp, fakeEventSources } from './testing';
import type { RealtimeDeps } from './types';

const BACKOFF = [100, 200, 400, 800];

function setup(over: Partial<RealtimeDeps> = {}) {
  const stomp = new FakeStomp();
  const es = fakeEventSources();
  let token: string | null = 'T1';
  let loggedIn = true;
  const tokenCalls: { fresh: boolean }[] = [];
  const deps: RealtimeDeps = {
    stomp: async () => stomp.connector,
    eventSource: es.factory,
    accessToken: async (o) => {
      tokenCalls.push(o);
      return token;
    },
    isAuthenticated: () => loggedIn,
    stompUrl: () => 'ws://127.0.0.1/ws',
    sseUrl: '/api/v1/notifications/stream',
    backoff: (n) => BACKOFF[Math.min(n, BACKOFF.length - 1)],
    idleCloseMs: 1000,
    ...over,
  };
  const manager = new RealtimeManager(deps);
  return {
    manager,
    stomp,
    es,
    tokenCalls,
    setToken: (t: string | null) => (token = t),
    setLoggedIn: (v: boolean) => (loggedIn = v),
  };
}

/** Let pending promises (token, connector load) settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeManager: STOMP', () => {
  it('connects nothing until someone subscribes, then once for any number of subscribers, with the token in CONNECT', async () => {
    const { manager, stomp, es } = setup();
    await settle();
    expect(stomp.sessions).toHaveLength(0);
    expect(es.sources).toHaveLength(0);
    expect(manager.status.get()).toEqual({ stomp: 'idle', sse: 'idle' });

    manager.subscribe('/topic/rooms.1', () => {});
    manager.subscribe('/topic/rooms.1', () => {});
    manager.subscribe('/user/queue/chat.unread', () => {});
    await settle();
    expect(stomp.sessions).toHaveLength(1);
    expect(stomp.last.url).toBe('ws://127.0.0.1/ws');
    expect(stomp.last.connectHeaders).toEqual({ Authorization: 'Bearer T1' });
    expect(manager.status.get().stomp).toBe('connecting');

    stomp.last.accept();
    expect(manager.status.get().stomp).toBe('open');
    // One server subscription per destination, however many listeners it has.
    expect(stomp.last.subscribed).toEqual(['/topic/rooms.1', '/user/queue/chat.unread']);
    manager.subscribe('/topic/rooms.2', () => {});
    expect(stomp.last.subscribed).toEqual(['/topic/rooms.1', '/user/queue/chat.unread', '/topic/rooms.2']);
    expect(stomp.sessions).toHaveLength(1);
    // SSE is separate and still closed.
    expect(es.sources).toHaveLength(0);
  });

  it('hands each message to every listener of its destination, and to no one who stopped listening', async () => {
    const { manager, stomp } = setup();
    const a: string[] = [];
    const b: string[] = [];
    manager.subscribe('/topic/rooms.1', (m) => a.push(m.body));
    const offB = manager.subscribe('/topic/rooms.1', (m) => b.push(m.body));
    await settle();
    stomp.last.accept();
    stomp.last.deliver('/topic/rooms.1', 'hi');
    offB();
    offB();
    stomp.last.deliver('/topic/rooms.1', 'again');
    expect(a).toEqual(['hi', 'again']);
    expect(b).toEqual(['hi']);
  });

  it('reconnects with back-off after a drop and subscribes every destination again', async () => {
    const { manager, stomp } = setup();
    const got: string[] = [];
    manager.subscribe('/topic/rooms.1', (m) => got.push(m.body));
    manager.subscribe('/user/queue/chat.unread', () => {});
    await settle();
    stomp.last.accept();
    stomp.last.drop();
    expect(manager.status.get().stomp).toBe('retrying');

    await vi.advanceTimersByTimeAsync(99);
    expect(stomp.sessions).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stomp.sessions).toHaveLength(2);
    // The second attempt fails before CONNECTED: the next wait is longer.
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(199);
    expect(stomp.sessions).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(stomp.sessions).toHaveLength(3);
    stomp.last.accept();
    expect(stomp.last.subscribed).toEqual(['/topic/rooms.1', '/user/queue/chat.unread']);
    stomp.last.deliver('/topic/rooms.1', 'after reconnect');
    expect(got).toEqual(['after reconnect']);
    // A successful connection resets the back-off.
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(stomp.sessions).toHaveLength(4);
  });

  it('asks for a fresh token after the broker refused one', async () => {
    const { manager, stomp, tokenCalls, setToken } = setup();
    manager.subscribe('/topic/rooms.1', () => {});
    await settle();
    setToken('T2');
    stomp.last.drop(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(tokenCalls).toEqual([{ fresh: false }, { fresh: true }]);
    expect(stomp.last.connectHeaders.Authorization).toBe('Bearer T2');
    stomp.last.accept();
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(tokenCalls.at(-1)).toEqual({ fresh: false });
  });

  it('opens no connection without a session', async () => {
    const { manager, stomp, setToken } = setup();
    setToken(null);
    manager.subscribe('/topic/rooms.1', () => {});
    await settle();
    expect(stomp.sessions).toHaveLength(0);
    expect(manager.status.get().stomp).toBe('idle');
  });

  it('retries when the STOMP client cannot be loaded', async () => {
    let loads = 0;
    const stomp = new FakeStomp();
    const { manager } = setup({
      stomp: async () => {
        if (loads++ === 0) throw new TypeError('Failed to fetch dynamically imported module');
        return stomp.connector;
      },
    });
    manager.subscribe('/topic/rooms.1', () => {});
    await settle();
    expect(manager.status.get().stomp).toBe('retrying');
    await vi.advanceTimersByTimeAsync(100);
    expect(stomp.sessions).toHaveLength(1);
  });

  it('closes a connection nobody listens to after a while, unless someone comes back in time', async () => {
    const { manager, stomp } = setup();
    const off1 = manager.subscribe('/topic/rooms.1', () => {});
    await settle();
    stomp.last.accept();
    off1();
    await vi.advanceTimersByTimeAsync(500);
    // A page change: the next page subscribes again on the same connection.
    const off2 = manager.subscribe('/topic/rooms.2', () => {});
    await vi.advanceTimersByTimeAsync(5000);
    expect(stomp.sessions).toHaveLength(1);
    expect(stomp.last.closed).toBe(false);
    expect(stomp.last.subscriptions.has('/topic/rooms.1')).toBe(false);
    off2();
    await vi.advanceTimersByTimeAsync(1000);
    expect(stomp.last.closed).toBe(true);
    expect(manager.status.get().stomp).toBe('idle');
  });

  it('logout stops everything: connection closed, pending reconnect cancelled, listeners forgotten, late callbacks ignored', async () => {
    const { manager, stomp, es } = setup();
    const got: string[] = [];
    const off = manager.subscribe('/topic/rooms.1', (m) => got.push(m.body));
    manager.onEvent('notification', () => got.push('sse'));
    await settle();
    const first = stomp.last;
    first.accept();
    es.sources[0].open();
    first.drop();
    manager.stop();
    expect(es.sources[0].closed).toBe(true);
    expect(manager.status.get()).toEqual({ stomp: 'idle', sse: 'idle' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stomp.sessions).toHaveLength(1);
    expect(es.sources).toHaveLength(1);
    first.deliver('/topic/rooms.1', 'late');
    es.sources[0].emit('notification', {});
    expect(got).toEqual([]);
    off(); // a component unmounting after logout changes nothing

    // Stopped while connecting: the connection that was on its way is never opened.
    manager.subscribe('/topic/rooms.1', () => {});
    manager.stop();
    await settle();
    expect(stomp.sessions).toHaveLength(1);

    // After the next login, the next subscriber connects again.
    manager.subscribe('/topic/rooms.1', () => {});
    await settle();
    expect(stomp.sessions).toHaveLength(2);
    expect(stomp.open).toHaveLength(1);
  });
});

describe('RealtimeManager: confirmed subscriptions and publish', () => {
  it('tells a listener each time the broker confirmed its subscription: after connecting, at once when joining later, after a reconnect', async () => {
    const { manager, stomp } = setup();
    const confirmed: string[] = [];
    manager.subscribe('/topic/rooms/1', () => {}, () => confirmed.push('a'));
    await settle();
    stomp.last.accept();
    expect(confirmed).toEqual([]);
    stomp.last.confirm('/topic/rooms/1');
    expect(confirmed).toEqual(['a']);

    // A second listener of a confirmed destination hears it without a new SUBSCRIBE.
    const offB = manager.subscribe('/topic/rooms/1', () => {}, () => confirmed.push('b'));
    expect(confirmed).toEqual(['a']);
    await settle();
    expect(confirmed).toEqual(['a', 'b']);
    expect(stomp.last.subscribed).toEqual(['/topic/rooms/1']);

    // One that leaves before its turn is not called.
    const offC = manager.subscribe('/topic/rooms/1', () => {}, () => confirmed.push('c'));
    offC();
    await settle();
    expect(confirmed).toEqual(['a', 'b']);

    // After a drop: nothing until the new connection's subscription is confirmed, then both again.
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    stomp.last.accept();
    expect(confirmed).toEqual(['a', 'b']);
    stomp.last.confirm();
    expect(confirmed).toEqual(['a', 'b', 'a', 'b']);
    offB();
    stomp.last.drop();
    await vi.advanceTimersByTimeAsync(200);
    stomp.last.accept();
    stomp.last.confirm();
    expect(confirmed).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('ignores the confirmation of a subscription that was given up meanwhile', async () => {
    const { manager, stomp } = setup();
    const confirmed: string[] = [];
    const off = manager.subscribe('/topic/rooms/1', () => {}, () => confirmed.push('first'));
    await settle();
    stomp.last.accept();
    const lateReceipt = stomp.last.unconfirmed.get('/topic/rooms/1');
    off();
    manager.subscribe('/topic/rooms/1', () => {}, () => confirmed.push('second'));
    lateReceipt?.();
    expect(confirmed).toEqual([]);
    stomp.last.confirm('/topic/rooms/1');
    expect(confirmed).toEqual(['second']);
  });

  it('publishes over the open connection and resolves with the RECEIPT headers', async () => {
    const { manager, stomp } = setup();
    manager.subscribe('/topic/rooms/1', () => {});
    await settle();
    stomp.last.accept();
    const sent = manager.publish('/app/rooms/1/messages', { text: '안녕하세요' }, { 'client-message-id': 'c-1' });
    expect(stomp.last.published).toHaveLength(1);
    const frame = stomp.last.published[0];
    expect(frame.destination).toBe('/app/rooms/1/messages');
    expect(JSON.parse(frame.body)).toEqual({ text: '안녕하세요' });
    expect(frame.headers).toEqual({ 'client-message-id': 'c-1' });
    frame.receipt({ seq: '7' });
    await expect(sent).resolves.toMatchObject({ seq: '7' });
    // A string body goes as it is.
    const read = manager.publish('/app/rooms/1/read', '{"seq":7}');
    expect(stomp.last.published[1].body).toBe('{"seq":7}');
    stomp.last.published[1].receipt();
    await expect(read).resolves.toBeDefined();
  });

  it('rejects a publish at once when not connected, and queues nothing for later', async () => {
    const { manager, stomp } = setup();
    await expect(manager.publish('/app/rooms/1/typing', {})).rejects.toMatchObject({ name: 'PublishError', reason: 'not-connected' });
    manager.subscribe('/topic/rooms/1', () => {});
    await settle();
    // Connecting: the socket is there but CONNECTED has not come.
    await expect(manager.publish('/app/rooms/1/typing', {})).rejects.toMatchObject({ reason: 'not-connected' });
    stomp.last.accept();
    stomp.last.drop();
    await expect(manager.publish('/app/rooms/1/typing', {})).rejects.toMatchObject({ reason: 'not-connected' });
    await vi.advanceTimersByTimeAsync(100);
    stomp.last.accept();
    expect(stomp.sessions.flatMap((s) => s.published)).toEqual([]);
  });

  it('rejects a refused frame, a frame whose connection dropped before its RECEIPT, and one that waits too long', async () => {
    const { manager, stomp } = setup({ publishTimeoutMs: 5000 });
    manager.subscribe('/topic/rooms/1', () => {});
    await settle();
    stomp.last.accept();

    const refused = manager.publish('/app/rooms/1/messages', { text: 'x' }, { 'client-message-id': 'c-2' });
    stomp.last.published[0].refuse('room closed');
    await expect(refused).rejects.toMatchObject({ reason: 'refused', message: 'refused: room closed' });
    expect(manager.status.get().stomp).toBe('retrying');

    await vi.advanceTimersByTimeAsync(100);
    stomp.last.accept();
    const dropped = manager.publish('/app/rooms/1/messages', { text: 'y' }, { 'client-message-id': 'c-3' });
    const assertion = expect(dropped).rejects.toMatchObject({ reason: 'closed' });
    stomp.last.drop();
    await assertion;

    await vi.advanceTimersByTimeAsync(200);
    stomp.last.accept();
    const slow = manager.publish('/app/rooms/1/messages', { text: 'z' }, { 'client-message-id': 'c-4' });
    const timedOut = expect(slow).rejects.toMatchObject({ reason: 'timeout' });
    await vi.advanceTimersByTimeAsync(5000);
    await timedOut;
    // A RECEIPT after the timeout changes nothing.
    stomp.last.published[0].receipt({ seq: '1' });
    await settle();
  });

  it('logout fails what waits for a RECEIPT', async () => {
    const { manager, stomp } = setup();
    manager.subscribe('/topic/rooms/1', () => {});
    await settle();
    stomp.last.accept();
    const pending = manager.publish('/app/rooms/1/messages', { text: 'x' }, { 'client-message-id': 'c-5' });
    manager.stop();
    await expect(pending).rejects.toMatchObject({ reason: 'closed' });
  });
});

describe('RealtimeManager: Server-Sent Events', () => {
  it('opens one stream with credentials for all listeners, and hands events out by type', async () => {
    const { manager, es, stomp } = setup();
    const seen: string[] = [];
    manager.onEvent('notification', (e) => seen.push(`a:${e.data}`));
    manager.onEvent('notification', (e) => seen.push(`b:${e.data}`));
    manager.onEvent('unread', (e) => seen.push(`u:${e.data}`));
    expect(es.sources).toHaveLength(1);
    expect(es.sources[0].url).toBe('/api/v1/notifications/stream');
    expect(es.sources[0].init).toEqual({ withCredentials: true });
    expect(manager.status.get().sse).toBe('connecting');
    es.sources[0].open();
    expect(manager.status.get().sse).toBe('open');
    es.sources[0].emit('notification', '1');
    es.sources[0].emit('unread', '{"count":3}');
    es.sources[0].emit('other', 'x');
    expect(seen).toEqual(['a:1', 'b:1', 'u:{"count":3}']);
    // A type registered while open is listened to on the same stream.
    manager.onEvent('other', (e) => seen.push(`o:${e.data}`));
    es.sources[0].emit('other', 'y');
    expect(seen.at(-1)).toBe('o:y');
    expect(es.sources).toHaveLength(1);
    await settle();
    expect(stomp.sessions).toHaveLength(0);
  });

  it('leaves a dropped stream to the browser (it resumes with Last-Event-ID), and opens a new one after back-off once the browser gave up', async () => {
    const { manager, es } = setup();
    manager.onEvent('notification', () => {});
    es.sources[0].open();
    es.sources[0].fail(false);
    expect(manager.status.get().sse).toBe('connecting');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(es.sources).toHaveLength(1);
    es.sources[0].open();
    es.sources[0].fail(true);
    expect(es.sources[0].closed).toBe(true);
    expect(manager.status.get().sse).toBe('retrying');
    await vi.advanceTimersByTimeAsync(100);
    expect(es.sources).toHaveLength(2);
    expect(es.open()).toHaveLength(1);
  });

  it('asks for a valid token (which renews the access cookie) before reopening a stream the browser gave up on', async () => {
    const { manager, es, tokenCalls, setToken } = setup();
    manager.onEvent('notification', () => {});
    es.sources[0].open();
    es.sources[0].fail(true);
    // The refresh fails (offline): still logged in, so it waits out a longer back-off and asks again.
    setToken(null);
    await vi.advanceTimersByTimeAsync(100);
    expect(tokenCalls).toEqual([{ fresh: false }]);
    expect(es.sources).toHaveLength(1);
    expect(manager.status.get().sse).toBe('retrying');
    setToken('T2');
    await vi.advanceTimersByTimeAsync(200);
    expect(tokenCalls).toEqual([{ fresh: false }, { fresh: false }]);
    expect(es.sources).toHaveLength(2);
    expect(manager.status.get().sse).toBe('connecting');
  });

  it('refreshes at once when the server ends the stream for an expired token, and leaves the reconnect to the browser', async () => {
    const { manager, es, tokenCalls } = setup();
    manager.onEvent('notification', () => {});
    es.sources[0].open();
    es.sources[0].emit('reauth', 'expired');
    await settle();
    expect(tokenCalls).toEqual([{ fresh: true }]);
    es.sources[0].fail(false);
    es.sources[0].open();
    expect(es.sources).toHaveLength(1);
    // A stopped manager ignores a late reauth.
    manager.stop();
    es.sources[0].emit('reauth', 'revoked');
    await settle();
    expect(tokenCalls).toHaveLength(1);
  });

  it('opens no stream without a session, and closes an unused one after a while', async () => {
    const { manager, es, setLoggedIn } = setup();
    setLoggedIn(false);
    const off = manager.onEvent('notification', () => {});
    expect(es.sources).toHaveLength(0);
    off();
    setLoggedIn(true);
    const off2 = manager.onEvent('notification', () => {});
    expect(es.sources).toHaveLength(1);
    off2();
    await vi.advanceTimersByTimeAsync(999);
    expect(es.sources[0].closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(es.sources[0].closed).toBe(true);
  });
});

describe('defaultBackoff', () => {
  it('doubles up to 30 s, with jitter in the upper half', () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
      const d = defaultBackoff(attempt);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
  });
});
