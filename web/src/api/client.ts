// HTTP client for the sikgu API.
// - The access token lives in memory only.
// - The refresh token is an httpOnly cookie (login with session: "cookie"); refresh/logout send X-Sikgu-Csrf: 1.
// - An authenticated call that answers 401 triggers one refresh and one retry; if that fails the session is dropped.
// - Concurrent refreshes are coalesced: the server rotates the refresh token on every use and treats
//   reuse of an old one as theft, so two parallel refresh calls would end the session.

import type {
  AvailabilityField,
  AvailabilityResponse,
  FieldProblem,
  Lang,
  MailItem,
  PlantDetail,
  PlantPage,
  Problem,
  SignupResponse,
  TokenResponse,
  User,
} from '../shared/api/types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    const code = problem.code ?? (status === 0 ? 'network.unreachable' : `http.${status}`);
    super(problem.detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = problem.detail || undefined;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Send the bearer token; on 401 refresh once and retry. */
  auth?: boolean;
  /** Add the CSRF header needed by the cookie-based refresh/logout calls. */
  csrf?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  getLang?: () => Lang;
  /** Called when the session is gained, refreshed or lost (user null). */
  onSession?: (user: User | null) => void;
}

type FetchFn = typeof fetch;

function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.ceil((t - Date.now()) / 1000));
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<TokenResponse> | null = null;
  private readonly fetchFn: FetchFn;
  private readonly baseUrl: string;
  private readonly getLang: () => Lang;
  private onSession: (user: User | null) => void;

  constructor(opts: ApiClientOptions = {}) {
    this.fetchFn = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = opts.baseUrl ?? API_BASE;
    this.getLang = opts.getLang ?? (() => 'ko');
    this.onSession = opts.onSession ?? (() => {});
  }

  setSessionListener(fn: (user: User | null) => void): void {
    this.onSession = fn;
  }

  get token(): string | null {
    return this.accessToken;
  }

  get authenticated(): boolean {
    return this.accessToken !== null;
  }

  private async send(path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': this.getLang(),
    };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.csrf) headers['X-Sikgu-Csrf'] = '1';
    if (opts.auth && this.accessToken) headers['Authorization'] = `Bearer ${this.accessToken}`;
    try {
      return await this.fetchFn(this.baseUrl + path + buildQuery(opts.query), {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, { code: 'network.unreachable' });
    }
  }

  private async parse<T>(res: Response): Promise<T> {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }
    if (res.ok) return data as T;
    const problem: Problem = data && typeof data === 'object' ? (data as Problem) : {};
    throw new ApiError(res.status, problem, parseRetryAfter(res.headers.get('Retry-After')));
  }

  async request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    if (opts.auth && !this.accessToken) {
      // No token in memory (e.g. right after a reload): try the refresh cookie first.
      try {
        await this.refresh();
      } catch {
        throw new ApiError(401, { code: 'auth.unauthenticated' });
      }
    }
    const res = await this.send(path, opts);
    if (res.status === 401 && opts.auth) {
      const usedToken = this.accessToken;
      // Drain the body so the connection can be reused.
      await res.text().catch(() => '');
      try {
        // Another call may have refreshed while this one was in flight.
        if (this.accessToken === usedToken) await this.refresh();
      } catch {
        throw new ApiError(401, { code: 'auth.unauthenticated' });
      }
      const retry = await this.send(path, opts);
      if (retry.status === 401) {
        this.dropSession();
      }
      return this.parse<T>(retry);
    }
    return this.parse<T>(res);
  }

  private dropSession(): void {
    this.accessToken = null;
    this.onSession(null);
  }

  private adopt(t: TokenResponse): TokenResponse {
    this.accessToken = t.access_token;
    this.onSession(t.user);
    return t;
  }

  /** POST /auth/refresh using the cookie. Concurrent callers share one request. */
  refresh(): Promise<TokenResponse> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          const res = await this.send('/auth/refresh', { method: 'POST', body: {}, csrf: true });
          return this.adopt(await this.parse<TokenResponse>(res));
        } catch (e) {
          this.dropSession();
          throw e;
        } finally {
          this.refreshing = null;
        }
      })();
    }
    return this.refreshing;
  }

  // ---- accounts ----

  signup(body: { username: string; nickname: string; email: string; password: string }) {
    return this.request<SignupResponse>('/auth/signup', { method: 'POST', body });
  }

  verifyEmail(email: string, code: string) {
    return this.request<{ user: User }>('/auth/verify-email', { method: 'POST', body: { email, code } });
  }

  resendVerification(email: string) {
    return this.request<Record<string, never>>('/auth/verify-email/resend', { method: 'POST', body: { email } });
  }

  availability(field: AvailabilityField, value: string, signal?: AbortSignal) {
    return this.request<AvailabilityResponse>('/auth/availability', { query: { field, value }, signal });
  }

  async login(username: string, password: string): Promise<TokenResponse> {
    const t = await this.request<TokenResponse>('/auth/login', {
      method: 'POST',
      body: { username, password, session: 'cookie' },
    });
    return this.adopt(t);
  }

  async logout(): Promise<void> {
    try {
      await this.request<void>('/auth/logout', { method: 'POST', body: {}, csrf: true });
    } finally {
      this.dropSession();
    }
  }

  findUsername(email: string) {
    return this.request<Record<string, never>>('/auth/find-username', { method: 'POST', body: { email } });
  }

  requestPasswordReset(email: string) {
    return this.request<Record<string, never>>('/auth/password-reset', { method: 'POST', body: { email } });
  }

  confirmPasswordReset(token: string, new_password: string) {
    return this.request<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, new_password } });
  }

  async me(): Promise<User> {
    const u = await this.request<User>('/me', { auth: true });
    this.onSession(u);
    return u;
  }

  async updateNickname(nickname: string): Promise<User> {
    const u = await this.request<User>('/me', { method: 'PATCH', body: { nickname }, auth: true });
    this.onSession(u);
    return u;
  }

  /** Ends every session, this one's refresh family included, and carries on with the new session returned. */
  async changePassword(current_password: string, new_password: string): Promise<TokenResponse> {
    const t = await this.request<TokenResponse>('/me/password', {
      method: 'POST',
      body: { current_password, new_password, session: 'cookie' },
      auth: true,
    });
    return this.adopt(t);
  }

  async deleteAccount(password: string): Promise<void> {
    await this.request<void>('/me', { method: 'DELETE', body: { password }, auth: true });
    this.dropSession();
  }

  // ---- plants ----

  plants(query: Record<string, string | number | undefined>, signal?: AbortSignal) {
    return this.request<PlantPage>('/plants', { query, signal });
  }

  plant(id: string, signal?: AbortSignal) {
    return this.request<PlantDetail>(`/plants/${encodeURIComponent(id)}`, { signal });
  }

  // ---- dev ----

  mailbox() {
    return this.request<{ items: MailItem[] }>('/dev/mailbox');
  }
}
