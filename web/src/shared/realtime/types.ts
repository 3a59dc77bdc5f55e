// The small interfaces the realtime manager is built on, so that tests (and other transports) can stand in
// for @stomp/stompjs and the browser's EventSource.

/** idle: no connection and none wanted · connecting · open · retrying: waiting out a back-off before reconnecting. */
export type LinkState = 'idle' | 'connecting' | 'open' | 'retrying';

export interface StompMessage {
  body: string;
  headers: Record<string, string>;
}

export interface StompHandlers {
  /** The broker answered CONNECTED. */
  onConnected(): void;
  /** The connection is gone (socket closed, or the broker sent ERROR). Never called after close(). */
  onClosed(info: { authRejected: boolean }): void;
}

/** A RECEIPT frame's headers (`receipt-id`, and what the server adds, e.g. a chat message's `seq`). */
export type ReceiptHeaders = Record<string, string>;

/** One STOMP-over-WebSocket connection; it does not reconnect by itself. */
export interface StompSession {
  /**
   * Only while connected. Returns the unsubscribe function. `onSubscribed` is called once the broker has
   * confirmed the subscription (its RECEIPT): from then on nothing sent to the destination is missed.
   */
  subscribe(destination: string, onMessage: (message: StompMessage) => void, onSubscribed?: () => void): () => void;
  /**
   * A SEND frame asking for a RECEIPT. Resolves with the RECEIPT's headers once the broker has done what was
   * asked; rejects with a PublishError when not connected, when the broker answers ERROR (it then closes the
   * connection), or when the connection ends first.
   */
  publish(destination: string, body: string, headers: Record<string, string>): Promise<ReceiptHeaders>;
  close(): void;
}

/**
 * not-connected: nothing was sent · closed: the connection ended before the RECEIPT (the frame may or may not
 * have been handled) · refused: the broker answered ERROR · timeout: no RECEIPT in time.
 */
export type PublishFailure = 'not-connected' | 'closed' | 'refused' | 'timeout';

export class PublishError extends Error {
  constructor(
    readonly reason: PublishFailure,
    detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'PublishError';
  }
}

export type StompConnector = (
  options: { url: string; connectHeaders: Record<string, string> },
  handlers: StompHandlers,
) => StompSession;

/** The part of the browser's EventSource the manager uses. */
export interface EventSourceLike {
  /** 0 connecting, 1 open, 2 closed (as EventSource). */
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string, init: { withCredentials: boolean }) => EventSourceLike;

export const EVENT_SOURCE_CLOSED = 2;

export interface RealtimeDeps {
  /** Gives the STOMP connector; the real one loads @stomp/stompjs on first use. */
  stomp: () => Promise<StompConnector>;
  eventSource: EventSourceFactory;
  /** An access token for the CONNECT frame; `fresh` after the broker refused one. Null: no session. */
  accessToken(options: { fresh: boolean }): Promise<string | null>;
  /** The SSE stream authenticates by cookie, so it opens only while someone is logged in. */
  isAuthenticated(): boolean;
  /** ws(s)://<host>/ws */
  stompUrl(): string;
  /** /api/v1/notifications/stream */
  sseUrl: string;
  /** Milliseconds to wait before reconnect attempt `attempt` (0, 1, 2, …). */
  backoff?: (attempt: number) => number;
  /** How long a connection nobody listens to any more stays open (a page change often resubscribes at once). */
  idleCloseMs?: number;
  /** How long publish() waits for its RECEIPT. */
  publishTimeoutMs?: number;
}
