// The realtime manager owns at most one STOMP-over-WebSocket connection and at most one Server-Sent Events
// stream for the whole page, however many components listen.
//
// - Nothing connects until a (logged-in) feature subscribes; with no session nothing connects at all.
// - STOMP: the access token goes in the CONNECT frame's Authorization header (browsers cannot set headers
//   on a WebSocket). A closed connection is reopened after a back-off, with a fresh token if the broker
//   refused the old one, and every destination is subscribed again. A listener may ask to be told each time
//   the broker has confirmed its destination's subscription (after every reconnect), which is when a chat room
//   asks for what it missed. publish() sends a frame and waits for its RECEIPT; it never queues while offline.
// - SSE: EventSource reconnects by itself after a dropped stream and sends Last-Event-ID, so the server can
//   resume. Only when it gives up (readyState CLOSED, e.g. after an HTTP error) does the manager open a new
//   one after a back-off, with a valid access token (the stream authenticates by the access cookie, which a
//   refresh renews). The server sends "reauth" before it ends a stream whose token ran out: the manager then
//   refreshes at once, so that the browser's own reconnect a few seconds later carries the new cookie.
// - When the last listener goes, the connection is closed after `idleCloseMs`.
// - stop() (logout) closes everything at once, forgets every listener and cancels pending reconnects.
import { createStore, type Store } from './store';
import {
  EVENT_SOURCE_CLOSED,
  PublishError,
  type EventSourceLike,
  type LinkState,
  type RealtimeDeps,
  type ReceiptHeaders,
  type StompMessage,
  type StompSession,
} from './types';

/** The stream's last event before the server ends it for an expired or revoked token. */
export const SSE_REAUTH_EVENT = 'reauth';

export interface RealtimeStatus {
  stomp: LinkState;
  sse: LinkState;
}

/** 1 s, 2 s, 4 s … up to 30 s, each between half and all of that (so that many tabs do not retry in step). */
export function defaultBackoff(attempt: number): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(ceiling * (0.5 + Math.random() / 2));
}

interface Listener<T> {
  handler: (value: T) => void;
  /** STOMP only: the broker confirmed the destination's subscription (again, after a reconnect). */
  onSubscribed?: () => void;
}

/** A destination's subscription on the current connection. */
interface ServerSubscription {
  off: () => void;
  confirmed: boolean;
}

export class RealtimeManager {
  readonly status: Store<RealtimeStatus> = createStore<RealtimeStatus>({ stomp: 'idle', sse: 'idle' });

  private readonly backoff: (attempt: number) => number;
  private readonly idleCloseMs: number;
  private readonly publishTimeoutMs: number;

  // STOMP
  private readonly topics = new Map<string, Set<Listener<StompMessage>>>();
  private readonly serverSubscriptions = new Map<string, ServerSubscription>();
  private stompSession: StompSession | null = null;
  private stompSeq = 0;
  private stompAttempt = 0;
  private stompRetryTimer: ReturnType<typeof setTimeout> | null = null;
  private stompIdleTimer: ReturnType<typeof setTimeout> | null = null;
  private tokenRefused = false;

  // SSE
  private readonly eventTypes = new Map<string, Set<Listener<MessageEvent<string>>>>();
  private eventSource: EventSourceLike | null = null;
  private listenedTypes = new Set<string>();
  private sseSeq = 0;
  private sseAttempt = 0;
  private sseRetryTimer: ReturnType<typeof setTimeout> | null = null;
  private sseIdleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: RealtimeDeps) {
    this.backoff = deps.backoff ?? defaultBackoff;
    this.idleCloseMs = deps.idleCloseMs ?? 10_000;
    this.publishTimeoutMs = deps.publishTimeoutMs ?? 10_000;
  }

  // ------------------------------------------------------------------ STOMP

  /**
   * Listen to a STOMP destination (e.g. a chat room's topic). `onSubscribed` is called whenever the broker has
   * confirmed the subscription: at once (asynchronously) if it already has, and again after every reconnect.
   * Returns the function that stops listening.
   */
  subscribe(destination: string, handler: (message: StompMessage) => void, onSubscribed?: () => void): () => void {
    const entry: Listener<StompMessage> = { handler, onSubscribed };
    let set = this.topics.get(destination);
    if (!set) {
      set = new Set();
      this.topics.set(destination, set);
      if (this.status.get().stomp === 'open') this.subscribeOnServer(destination);
    } else if (onSubscribed && this.serverSubscriptions.get(destination)?.confirmed) {
      const confirmedOn = this.serverSubscriptions.get(destination);
      queueMicrotask(() => {
        if (set?.has(entry) && this.serverSubscriptions.get(destination) === confirmedOn) onSubscribed();
      });
    }
    set.add(entry);
    this.clearTimer('stompIdleTimer');
    this.ensureStomp();
    return () => {
      const current = this.topics.get(destination);
      if (!current?.delete(entry)) return; // already gone (stop() forgot it)
      if (current.size > 0) return;
      this.topics.delete(destination);
      this.serverSubscriptions.get(destination)?.off();
      this.serverSubscriptions.delete(destination);
      if (this.topics.size === 0) this.scheduleIdle('stomp');
    };
  }

  private ensureStomp(): void {
    if (this.status.get().stomp !== 'idle' || this.topics.size === 0) return;
    void this.connectStomp();
  }

  private async connectStomp(): Promise<void> {
    const seq = ++this.stompSeq;
    this.setStatus('stomp', 'connecting');
    try {
      const token = await this.deps.accessToken({ fresh: this.tokenRefused });
      if (seq !== this.stompSeq) return; // stopped or closed meanwhile
      if (!token || this.topics.size === 0) {
        this.setStatus('stomp', 'idle');
        return;
      }
      const connect = await this.deps.stomp();
      if (seq !== this.stompSeq) return;
      this.stompSession = connect(
        { url: this.deps.stompUrl(), connectHeaders: { Authorization: `Bearer ${token}` } },
        {
          onConnected: () => {
            if (seq !== this.stompSeq) return;
            this.stompAttempt = 0;
            this.tokenRefused = false;
            this.setStatus('stomp', 'open');
            for (const destination of this.topics.keys()) this.subscribeOnServer(destination);
          },
          onClosed: ({ authRejected }) => {
            if (seq !== this.stompSeq) return;
            this.stompSession = null;
            this.serverSubscriptions.clear();
            this.tokenRefused = authRejected;
            this.retryStomp();
          },
        },
      );
    } catch {
      // The token request or loading the STOMP client failed: try again later.
      if (seq === this.stompSeq) this.retryStomp();
    }
  }

  private retryStomp(): void {
    if (this.topics.size === 0) {
      this.setStatus('stomp', 'idle');
      return;
    }
    this.setStatus('stomp', 'retrying');
    const delay = this.backoff(this.stompAttempt++);
    this.stompRetryTimer = setTimeout(() => {
      this.stompRetryTimer = null;
      this.setStatus('stomp', 'idle');
      this.ensureStomp();
    }, delay);
  }

  private subscribeOnServer(destination: string): void {
    if (!this.stompSession || this.serverSubscriptions.has(destination)) return;
    const subscription: ServerSubscription = { off: () => {}, confirmed: false };
    this.serverSubscriptions.set(destination, subscription);
    subscription.off = this.stompSession.subscribe(
      destination,
      (message) => {
        for (const entry of [...(this.topics.get(destination) ?? [])]) entry.handler(message);
      },
      () => {
        // A late confirmation of a subscription that has been dropped or replaced since means nothing.
        if (this.serverSubscriptions.get(destination) !== subscription) return;
        subscription.confirmed = true;
        for (const entry of [...(this.topics.get(destination) ?? [])]) entry.onSubscribed?.();
      },
    );
  }

  /**
   * Send a frame over the open connection and wait for its RECEIPT (resolves with the RECEIPT's headers).
   * Rejects with a PublishError: `not-connected` at once when there is no open connection (nothing is queued
   * for later: the caller decides whether to try again, e.g. with the same client message id), `refused`
   * when the broker answered ERROR, `closed` when the connection ended first, `timeout` after publishTimeoutMs.
   */
  publish(destination: string, body: unknown, headers: Record<string, string> = {}): Promise<ReceiptHeaders> {
    const session = this.stompSession;
    if (!session || this.status.get().stomp !== 'open') return Promise.reject(new PublishError('not-connected'));
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise<ReceiptHeaders>((resolve, reject) => {
      const timer = setTimeout(() => reject(new PublishError('timeout')), this.publishTimeoutMs);
      session.publish(destination, text, headers).then(
        (receipt) => {
          clearTimeout(timer);
          resolve(receipt);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof PublishError ? error : new PublishError('closed', String(error)));
        },
      );
    });
  }

  private closeStomp(): void {
    this.stompSeq++;
    this.clearTimer('stompRetryTimer');
    this.clearTimer('stompIdleTimer');
    this.stompSession?.close();
    this.stompSession = null;
    this.serverSubscriptions.clear();
    this.stompAttempt = 0;
    this.tokenRefused = false;
    this.setStatus('stomp', 'idle');
  }

  // ------------------------------------------------------------------ SSE

  /**
   * Listen to one event type of the notification stream (`event: <type>` lines; "message" for unnamed
   * events). Returns the function that stops listening.
   */
  onEvent(type: string, handler: (event: MessageEvent<string>) => void): () => void {
    const entry: Listener<MessageEvent<string>> = { handler };
    let set = this.eventTypes.get(type);
    if (!set) {
      set = new Set();
      this.eventTypes.set(type, set);
      if (this.eventSource) this.listen(type);
    }
    set.add(entry);
    this.clearTimer('sseIdleTimer');
    this.ensureSse();
    return () => {
      const current = this.eventTypes.get(type);
      if (!current?.delete(entry)) return;
      if (current.size > 0) return;
      this.eventTypes.delete(type);
      if (this.eventTypes.size === 0) this.scheduleIdle('sse');
    };
  }

  private ensureSse(): void {
    if (this.status.get().sse !== 'idle' || this.eventTypes.size === 0) return;
    if (!this.deps.isAuthenticated()) return;
    const seq = ++this.sseSeq;
    const source = this.deps.eventSource(this.deps.sseUrl, { withCredentials: true });
    this.eventSource = source;
    this.listenedTypes = new Set();
    this.setStatus('sse', 'connecting');
    for (const type of this.eventTypes.keys()) this.listen(type);
    source.onopen = () => {
      if (seq !== this.sseSeq) return;
      this.sseAttempt = 0;
      this.setStatus('sse', 'open');
    };
    source.onerror = () => {
      if (seq !== this.sseSeq) return;
      if (source.readyState !== EVENT_SOURCE_CLOSED) {
        this.setStatus('sse', 'connecting'); // the browser reconnects by itself, with Last-Event-ID
        return;
      }
      source.close();
      this.eventSource = null;
      this.retrySse(seq);
    };
    source.addEventListener(SSE_REAUTH_EVENT, () => {
      if (seq !== this.sseSeq) return;
      void this.deps.accessToken({ fresh: true }).catch(() => null);
    });
  }

  private retrySse(seq: number): void {
    if (this.eventTypes.size === 0) {
      this.setStatus('sse', 'idle');
      return;
    }
    this.setStatus('sse', 'retrying');
    const delay = this.backoff(this.sseAttempt++);
    this.sseRetryTimer = setTimeout(() => {
      this.sseRetryTimer = null;
      void this.reopenSse(seq);
    }, delay);
  }

  /** After the browser gave up (often a 401 once the access cookie ran out): a valid token first, then a new stream. */
  private async reopenSse(seq: number): Promise<void> {
    const token = await this.deps.accessToken({ fresh: false }).catch(() => null);
    if (seq !== this.sseSeq) return; // stopped or closed meanwhile
    if (!token && this.deps.isAuthenticated()) {
      this.retrySse(seq); // the refresh itself failed (offline?): wait longer
      return;
    }
    this.setStatus('sse', 'idle');
    this.ensureSse();
  }

  private listen(type: string): void {
    const source = this.eventSource;
    if (!source || this.listenedTypes.has(type)) return;
    const seq = this.sseSeq;
    this.listenedTypes.add(type);
    source.addEventListener(type, (event) => {
      if (seq !== this.sseSeq) return;
      for (const entry of [...(this.eventTypes.get(type) ?? [])]) entry.handler(event);
    });
  }

  private closeSse(): void {
    this.sseSeq++;
    this.clearTimer('sseRetryTimer');
    this.clearTimer('sseIdleTimer');
    this.eventSource?.close();
    this.eventSource = null;
    this.listenedTypes = new Set();
    this.sseAttempt = 0;
    this.setStatus('sse', 'idle');
  }

  // ------------------------------------------------------------------ both

  /** Logout: close both connections now, forget every listener, cancel pending reconnects. */
  stop(): void {
    this.topics.clear();
    this.eventTypes.clear();
    this.closeStomp();
    this.closeSse();
  }

  private scheduleIdle(link: 'stomp' | 'sse'): void {
    const close = () => (link === 'stomp' ? this.closeStomp() : this.closeSse());
    if (this.idleCloseMs <= 0) {
      close();
      return;
    }
    const key = link === 'stomp' ? 'stompIdleTimer' : 'sseIdleTimer';
    this.clearTimer(key);
    this[key] = setTimeout(() => {
      this[key] = null;
      close();
    }, this.idleCloseMs);
  }

  private clearTimer(key: 'stompRetryTimer' | 'stompIdleTimer' | 'sseRetryTimer' | 'sseIdleTimer'): void {
    const timer = this[key];
    if (timer !== null) clearTimeout(timer);
    this[key] = null;
  }

  private setStatus(link: keyof RealtimeStatus, state: LinkState): void {
    this.status.set((s) => (s[link] === state ? s : { ...s, [link]: state }));
  }
}
