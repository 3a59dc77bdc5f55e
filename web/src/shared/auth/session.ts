// The signed-in session as an external store: who is logged in, and whether the start-up restore has
// finished. Fed by the transport's session events (login, refresh, password change, session loss);
// components read it with useAuth() (useSyncExternalStore).
import type { Transport } from '../api/transport';
import type { TokenResponse, User } from '../api/types';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

/** Why the last session ended: the user logged out, deleted the account, or the session expired / was revoked. */
export type SessionEnd = 'logout' | 'deleted' | 'expired';

export interface SessionState {
  status: AuthStatus;
  user: User | null;
  /** Set when a session ended in this page; null before any session and while one is active. */
  ended: SessionEnd | null;
}

export class SessionStore {
  private state: SessionState = { status: 'loading', user: null, ended: null };
  private readonly listeners = new Set<() => void>();
  private restoring: Promise<User | null> | null = null;
  private endingAs: SessionEnd | null = null;

  constructor(private readonly transport: Transport) {
    transport.onSession((t) => this.onTransport(t));
  }

  private onTransport(t: TokenResponse | null): void {
    if (t) {
      this.set({ status: 'authenticated', user: t.user, ended: null });
      return;
    }
    const ended = this.endingAs ?? (this.state.status === 'authenticated' ? 'expired' : this.state.ended);
    this.endingAs = null;
    this.set({ status: 'anonymous', user: null, ended });
  }

  private set(next: SessionState): void {
    const s = this.state;
    if (s.status === next.status && s.user === next.user && s.ended === next.ended) return;
    this.state = next;
    for (const l of [...this.listeners]) l();
  }

  readonly getSnapshot = (): SessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Turns the refresh cookie into a session, once per page load: StrictMode's double effects or a second
   * caller (the Kakao done page) share the same request, since a second refresh with the same cookie
   * would count as reuse of a rotated token.
   */
  restore(): Promise<User | null> {
    if (!this.restoring) {
      this.restoring = this.transport.refresh().then(
        (t) => t.user,
        () => null,
      );
    }
    return this.restoring;
  }

  async login(username: string, password: string): Promise<User> {
    const t = await this.transport.request<TokenResponse>('/auth/login', {
      method: 'POST',
      body: { username, password, session: 'cookie' },
    });
    return this.transport.adopt(t).user;
  }

  /** Ends the session on the server (clearing the cookie) and here, even if the call fails. */
  async logout(): Promise<void> {
    try {
      await this.transport.request<void>('/auth/logout', { method: 'POST', body: {}, csrf: true });
    } finally {
      this.end('logout');
    }
  }

  /** Ends the session here only (after the server already ended it, e.g. by deleting the account). */
  end(reason: SessionEnd): void {
    this.endingAs = reason;
    this.transport.dropSession();
  }

  /** A newer copy of the signed-in user (profile read or update). */
  setUser(u: User): void {
    if (this.state.status !== 'authenticated') return;
    this.set({ ...this.state, user: u });
  }
}
