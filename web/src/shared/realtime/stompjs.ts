// The real STOMP connector, on @stomp/stompjs. The library is loaded on first use, so pages that never
// connect never download it.
import { PublishError, type ReceiptHeaders, type StompConnector } from './types';

/**
 * ERROR frames the broker sends for a refused token: chat's are "unauthenticated", "token expired", "token invalid"
 * and "session revoked" (then a fresh token is asked for, and a refresh that fails ends the session).
 */
const AUTH_ERROR = /auth\.|unauthori[sz]ed|unauthenticated|\b401\b|forbidden|token|revoked/i;

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
    let receipts = 0;
    // SEND frames waiting for their RECEIPT, by receipt id.
    const pending = new Map<string, { resolve: (headers: ReceiptHeaders) => void; reject: (error: PublishError) => void }>();
    const failPending = () => {
      for (const p of pending.values()) p.reject(new PublishError('closed'));
      pending.clear();
    };
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
      // An ERROR caused by one of our frames names its receipt: that frame was refused.
      const id = frame.headers['receipt-id'];
      const refused = id ? pending.get(id) : undefined;
      if (id && refused) {
        pending.delete(id);
        refused.reject(new PublishError('refused', frame.headers['message'] ?? ''));
      }
    };
    client.onWebSocketClose = () => {
      failPending();
      if (closed) return;
      closed = true;
      handlers.onClosed({ authRejected });
    };
    client.activate();
    return {
      subscribe(destination, onMessage, onSubscribed) {
        const headers: Record<string, string> = {};
        if (onSubscribed) {
          headers.receipt = `sub-${++receipts}`;
          client.watchForReceipt(headers.receipt, () => {
            if (!closed) onSubscribed();
          });
        }
        const sub = client.subscribe(destination, (m) => onMessage({ body: m.body, headers: { ...m.headers } }), headers);
        return () => {
          if (client.connected) sub.unsubscribe();
        };
      },
      publish(destination, body, headers) {
        if (closed || !client.connected) return Promise.reject(new PublishError('not-connected'));
        const receipt = `send-${++receipts}`;
        return new Promise<ReceiptHeaders>((resolve, reject) => {
          pending.set(receipt, { resolve, reject });
          client.watchForReceipt(receipt, (frame) => {
            const p = pending.get(receipt);
            if (!p) return;
            pending.delete(receipt);
            p.resolve({ ...frame.headers });
          });
          try {
            client.publish({ destination, body, headers: { 'content-type': 'application/json', ...headers, receipt } });
          } catch (e) {
            pending.delete(receipt);
            reject(new PublishError('not-connected', e instanceof Error ? e.message : String(e)));
          }
        });
      },
      close() {
        closed = true;
        failPending();
        void client.deactivate();
      },
    };
  };
}
