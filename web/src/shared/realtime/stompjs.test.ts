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

/** A connector on a fake socket, connected (CONNECTED received). */
async function connected() {
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
  const ws = sockets[0];
  ws.open();
  ws.frame('CONNECTED', { version: '1.2' });
  return { ws, session, onClosed };
}

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

  it('asks for a RECEIPT on SUBSCRIBE when told to report the confirmation', async () => {
    const { ws, session } = await connected();
    const confirmed = vi.fn();
    session.subscribe('/topic/rooms/1', () => {}, confirmed);
    const sub = ws.frames().find((f) => f.command === 'SUBSCRIBE');
    expect(sub?.headers.receipt).toBeTruthy();
    expect(confirmed).not.toHaveBeenCalled();
    ws.frame('RECEIPT', { 'receipt-id': sub!.headers.receipt });
    expect(confirmed).toHaveBeenCalledTimes(1);
    // Without the callback, no receipt is asked for.
    session.subscribe('/user/queue/chat.unread', () => {});
    expect(ws.frames().filter((f) => f.command === 'SUBSCRIBE')[1].headers.receipt).toBeUndefined();
  });

  it('publishes a SEND with a receipt and resolves with the RECEIPT headers; an ERROR naming it rejects it', async () => {
    const { ws, session } = await connected();
    const sent = session.publish('/app/rooms/1/messages', '{"text":"안녕"}', { 'client-message-id': 'c-1' });
    const send = ws.frames().find((f) => f.command === 'SEND');
    expect(send?.headers.destination).toBe('/app/rooms/1/messages');
    expect(send?.headers['client-message-id']).toBe('c-1');
    expect(send?.headers['content-type']).toBe('application/json');
    expect(ws.sent.some((f) => f.includes('{"text":"안녕"}'))).toBe(true);
    ws.frame('RECEIPT', { 'receipt-id': send!.headers.receipt, seq: '12' });
    await expect(sent).resolves.toMatchObject({ seq: '12', 'receipt-id': send!.headers.receipt });

    const refused = session.publish('/app/rooms/1/messages', '{"text":"x"}', { 'client-message-id': 'c-2' });
    const second = ws.frames().filter((f) => f.command === 'SEND')[1];
    expect(second.headers.receipt).not.toBe(send!.headers.receipt);
    const other = session.publish('/app/rooms/1/typing', '{}', {});
    ws.frame('ERROR', { message: 'room closed', 'receipt-id': second.headers.receipt }, 'chat.room_closed');
    await expect(refused).rejects.toMatchObject({ name: 'PublishError', reason: 'refused' });
    // The broker closes the connection after an ERROR: what else waited fails as "closed".
    ws.close();
    await expect(other).rejects.toMatchObject({ reason: 'closed' });
    await expect(session.publish('/app/rooms/1/typing', '{}', {})).rejects.toMatchObject({ reason: 'not-connected' });
  });

  it('takes chat’s ERROR for a revoked session as a refused token, and a refused frame as not one', async () => {
    const revoked = await connected();
    revoked.ws.frame('ERROR', { message: 'session revoked' }, 'connect again with a fresh token');
    revoked.ws.close();
    expect(revoked.onClosed).toHaveBeenCalledWith({ authRejected: true });
    const closedRoom = await connected();
    closedRoom.ws.frame('ERROR', { message: 'room closed' }, 'chat.room_closed');
    closedRoom.ws.close();
    expect(closedRoom.onClosed).toHaveBeenCalledWith({ authRejected: false });
  });

  it('rejects what waits for a RECEIPT when the manager closes the connection', async () => {
    const { session } = await connected();
    const pending = session.publish('/app/rooms/1/read', '{"seq":1}', {});
    session.close();
    await expect(pending).rejects.toMatchObject({ reason: 'closed' });
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
