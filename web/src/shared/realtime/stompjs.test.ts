import { describe, expect, it, vi } from 'vitest';
import { loadStompjsConnector } from './stompjs';

/** Enough of a WebSocket for @stomp/stompjs: records the frames it sends and lets the test answer. */
class FakeWebSocket {
  static readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  protocol = 'v12.stomp';
  url = 'ws://127.0.0.1/ws';
  readonly sent: string[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  send(data: string) {
    this.sent.push(String(data));
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code: 1000, reason: '', wasClean: true });
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(command: string, headers: Record<string, string>, body = '') {
    const head = Object.entries(headers).map(([k, v]) => `${k}:${v}`);
    this.onmessage?.({ data: [command, ...head, '', body].join('\n') + '\0' });
  }
  /** The sent frames' commands and headers. */
  frames() {
    return this.sent
      .filter((f) => f.trim() !== '')
      .map((f) => {
        const [command, ...rest] = f.split('\n');
        const headers: Record<string, string> = {};
        for (const line of rest) {
          if (line === '') break;
          const i = line.indexOf(':');
          headers[line.slice(0, i)] = line.slice(i + 1);
        }
        return { command, headers };
      });
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the @stomp/stompjs connector', () => {
  it('sends the token in the CONNECT frame, subscribes once connected, delivers messages and reports the close', async () => {
    const sockets: FakeWebSocket[] = [];
    const connect = await loadStompjsConnector({
      webSocketFactory: () => {
        const ws = new FakeWebSocket();
        sockets.push(ws);
        return ws;
      },
      heartbeatMs: 0,
    });
    const onConnected = vi.fn();
    const onClosed = vi.fn();
    const session = connect({ url: 'ws://127.0.0.1/ws', connectHeaders: { Authorization: 'Bearer T1' } }, { onConnected, onClosed });
    await tick();
    expect(sockets).toHaveLength(1);
    const ws = sockets[0];
    ws.open();
    const connectFrame = ws.frames()[0];
    expect(connectFrame.command).toBe('CONNECT');
    expect(connectFrame.headers['Authorization']).toBe('Bearer T1');

    ws.frame('CONNECTED', { version: '1.2', 'heart-beat': '0,0' });
    expect(onConnected).toHaveBeenCalledTimes(1);

    const got: string[] = [];
    const off = session.subscribe('/topic/rooms.1', (m) => got.push(m.body));
    const sub = ws.frames().find((f) => f.command === 'SUBSCRIBE');
    expect(sub?.headers.destination).toBe('/topic/rooms.1');
    ws.frame('MESSAGE', { destination: '/topic/rooms.1', subscription: sub!.headers.id, 'message-id': '1' }, '{"text":"안녕"}');
    expect(got).toEqual(['{"text":"안녕"}']);
    off();
    expect(ws.frames().some((f) => f.command === 'UNSUBSCRIBE')).toBe(true);

    // The broker refuses the (expired) token: ERROR, then the socket closes.
    ws.frame('ERROR', { message: 'auth.token_expired' }, 'The access token has expired');
    ws.close();
    expect(onClosed).toHaveBeenCalledWith({ authRejected: true });
    await tick();
    // The library does not reconnect by itself: the manager does.
    expect(sockets).toHaveLength(1);
  });

  it('close() ends the connection without reporting it as a drop', async () => {
    const sockets: FakeWebSocket[] = [];
    const connect = await loadStompjsConnector({
      webSocketFactory: () => {
        const ws = new FakeWebSocket();
        sockets.push(ws);
        return ws;
      },
      heartbeatMs: 0,
    });
    const onClosed = vi.fn();
    const session = connect({ url: 'ws://x/ws', connectHeaders: {} }, { onConnected: () => {}, onClosed });
    await tick();
    sockets[0].open();
    sockets[0].frame('CONNECTED', { version: '1.2' });
    session.close();
    await tick();
    sockets[0].close();
    expect(onClosed).not.toHaveBeenCalled();
  });
});
