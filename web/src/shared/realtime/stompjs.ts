// The real STOMP connector, on @stomp/stompjs. The library is loaded on first use, so pages that never
// connect never download it.
import type { StompConnector } from './types';

/** ERROR frames the broker sends for a refused token (the chat service fixes the exact code). */
const AUTH_ERROR = /auth\.|unauthori[sz]ed|\b401\b|forbidden|token/i;

export interface StompjsOptions {
  /** For tests: a stand-in for the browser's WebSocket. */
  webSocketFactory?: () => unknown;
  heartbeatMs?: number;
}

export async function loadStompjsConnector(options: StompjsOptions = {}): Promise<StompConnector> {
  const { Client } = await import('@stomp/stompjs');
  return ({ url, connectHeaders }, handlers) => {
    let closed = false;
    let authRejected = false;
    const client = new Client({
      brokerURL: options.webSocketFactory ? undefined : url,
      webSocketFactory: options.webSocketFactory as (() => WebSocket) | undefined,
      connectHeaders,
      // The manager reconnects (with back-off and a fresh token); the library must not.
      reconnectDelay: 0,
      heartbeatIncoming: options.heartbeatMs ?? 10_000,
      heartbeatOutgoing: options.heartbeatMs ?? 10_000,
      debug: () => {},
    });
    client.onConnect = () => {
      if (!closed) handlers.onConnected();
    };
    client.onStompError = (frame) => {
      authRejected = AUTH_ERROR.test(`${frame.headers['message'] ?? ''} ${frame.body}`);
    };
    client.onWebSocketClose = () => {
      if (closed) return;
      closed = true;
      handlers.onClosed({ authRejected });
    };
    client.activate();
    return {
      subscribe(destination, onMessage) {
        const sub = client.subscribe(destination, (m) => onMessage({ body: m.body, headers: { ...m.headers } }));
        return () => {
          if (client.connected) sub.unsubscribe();
        };
      },
      close() {
        closed = true;
        void client.deactivate();
      },
    };
  };
}
