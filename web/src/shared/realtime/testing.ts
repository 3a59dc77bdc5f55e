// Fakes for the realtime manager's dependencies.
import type { EventSourceLike, StompConnector, StompHandlers, StompMessage, StompSession } from './types';

export class FakeStompSession implements StompSession {
  connected = false;
  closed = false;
  dropped = false;
  readonly subscriptions = new Map<string, (m: StompMessage) => void>();
  readonly subscribed: string[] = [];

  constructor(
    readonly url: string,
    readonly connectHeaders: Record<string, string>,
    private readonly handlers: StompHandlers,
  ) {}

  subscribe(destination: string, onMessage: (m: StompMessage) => void): () => void {
    if (!this.connected) throw new Error('subscribe before CONNECTED');
    this.subscribed.push(destination);
    this.subscriptions.set(destination, onMessage);
    return () => this.subscriptions.delete(destination);
  }

  close(): void {
    this.closed = true;
    this.connected = false;
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
