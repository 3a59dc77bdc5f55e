// Fakes for the realtime manager's dependencies.
import {
  PublishError,
  type EventSourceLike,
  type ReceiptHeaders,
  type StompConnector,
  type StompHandlers,
  type StompMessage,
  type StompSession,
} from './types';

/** A SEND frame the fake broker has not answered yet. */
export interface FakePublish {
  destination: string;
  body: string;
  headers: Record<string, string>;
  /** The broker answers RECEIPT (with e.g. a chat message's seq). */
  receipt(headers?: Record<string, string>): void;
  /** The broker answers ERROR for this frame and closes the connection, as STOMP prescribes. */
  refuse(message: string): void;
}

export class FakeStompSession implements StompSession {
  connected = false;
  closed = false;
  dropped = false;
  readonly subscriptions = new Map<string, (m: StompMessage) => void>();
  readonly subscribed: string[] = [];
  /** Subscriptions waiting for the broker's RECEIPT (see confirm()). */
  readonly unconfirmed = new Map<string, () => void>();
  /** Every SEND frame, answered or not. */
  readonly published: FakePublish[] = [];
  private readonly waiting = new Set<(error: PublishError) => void>();

  constructor(
    readonly url: string,
    readonly connectHeaders: Record<string, string>,
    private readonly handlers: StompHandlers,
  ) {}

  subscribe(destination: string, onMessage: (m: StompMessage) => void, onSubscribed?: () => void): () => void {
    if (!this.connected) throw new Error('subscribe before CONNECTED');
    this.subscribed.push(destination);
    this.subscriptions.set(destination, onMessage);
    if (onSubscribed) this.unconfirmed.set(destination, onSubscribed);
    return () => {
      this.subscriptions.delete(destination);
      this.unconfirmed.delete(destination);
    };
  }

  /** The broker's RECEIPT for the subscriptions to these destinations (all waiting ones when none is named). */
  confirm(...destinations: string[]): void {
    for (const d of destinations.length ? destinations : [...this.unconfirmed.keys()]) {
      const done = this.unconfirmed.get(d);
      this.unconfirmed.delete(d);
      done?.();
    }
  }

  publish(destination: string, body: string, headers: Record<string, string>): Promise<ReceiptHeaders> {
    if (!this.connected) return Promise.reject(new PublishError('not-connected'));
    return new Promise((resolve, reject) => {
      const fail = (error: PublishError) => reject(error);
      this.waiting.add(fail);
      this.published.push({
        destination,
        body,
        headers,
        receipt: (h = {}) => {
          if (!this.waiting.delete(fail)) return;
          resolve({ 'receipt-id': `r-${this.published.length}`, ...h });
        },
        refuse: (message) => {
          if (!this.waiting.delete(fail)) return;
          reject(new PublishError('refused', message));
          this.drop();
        },
      });
    });
  }

  private failWaiting(): void {
    for (const fail of this.waiting) fail(new PublishError('closed'));
    this.waiting.clear();
  }

  close(): void {
    this.closed = true;
    this.connected = false;
    this.failWaiting();
  }

  /** The broker answers CONNECTED. */
  accept(): void {
    this.connected = true;
    this.handlers.onConnected();
  }

  /** The socket drops (or the broker sends ERROR). */
  drop(authRejected = false): void {
    this.connected = false;
    this.dropped = true;
    this.subscriptions.clear();
    this.unconfirmed.clear();
    this.failWaiting();
    this.handlers.onClosed({ authRejected });
  }

  deliver(destination: string, body: unknown): void {
    this.subscriptions.get(destination)?.({ body: typeof body === 'string' ? body : JSON.stringify(body), headers: {} });
  }
}

export class FakeStomp {
  readonly sessions: FakeStompSession[] = [];
  readonly connector: StompConnector = ({ url, connectHeaders }, handlers) => {
    const s = new FakeStompSession(url, connectHeaders, handlers);
    this.sessions.push(s);
    return s;
  };

  get last(): FakeStompSession {
    const s = this.sessions.at(-1);
    if (!s) throw new Error('no STOMP connection was opened');
    return s;
  }

  /** Connections neither closed by the manager nor dropped. */
  get open(): FakeStompSession[] {
    return this.sessions.filter((s) => !s.closed && !s.dropped);
  }
}

export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(
    readonly url: string,
    readonly init: { withCredentials: boolean },
  ) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: unknown, lastEventId = ''): void {
    const event = new MessageEvent<string>(type, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId });
    for (const l of this.listeners.get(type) ?? []) l(event);
  }

  /** A dropped stream the browser retries by itself (CONNECTING), or one it gave up on (CLOSED). */
  fail(givenUp: boolean): void {
    this.readyState = givenUp ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

export function fakeEventSources() {
  const sources: FakeEventSource[] = [];
  const factory = (url: string, init: { withCredentials: boolean }) => {
    const es = new FakeEventSource(url, init);
    sources.push(es);
    return es;
  };
  return { sources, factory, open: () => sources.filter((s) => !s.closed) };
}
