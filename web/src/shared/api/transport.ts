// The one HTTP transport for the sikgu API. Every feature's API module sends through it.
// - The access token lives in memory only.
// - The refresh token is an httpOnly cookie (login with session: "cookie"); cookie calls send X-Sikgu-Csrf: 1.
// - An authenticated call that answers 401 triggers one refresh and one retry; if that fails the session is dropped.
// - Concurrent refreshes are coalesced: the server rotates the refresh token on every use and treats
//   reuse of an old one as theft, so two parallel refresh calls would end the session.
// - Bodies: plain values go as JSON; FormData, Blob, URLSearchParams and ArrayBuffer go as they are, with no
//   Content-Type of ours, so that the browser sets it (for FormData with the multipart boundary).
// - A call with onUploadProgress (photo uploads) goes through XMLHttpRequest, the one way to learn upload progress.
// - Failures are ApiError: the server's RFC 9457 problem (code, localised detail, per-field errors), or status 0
//   when no response arrived. An aborted call rejects with the AbortError itself.

import { ApiError, parseRetryAfter } from './problem';
import type { Lang, Problem, TokenResponse } from './types';

export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: string;
  /** JSON-encoded, unless it is FormData, Blob, URLSearchParams or an ArrayBuffer (sent as it is). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Extra request headers (they may not override Authorization, Accept-Language or the CSRF header). */
  headers?: Record<string, string>;
  /** Sent as Idempotency-Key; the retry after a refresh carries the same key. */
  idempotencyKey?: string;
  /** Send the bearer token; on 401 refresh once and retry. */
  auth?: boolean;
  /** Add the CSRF header needed by the calls that rely on the refresh cookie. */
  csrf?: boolean;
  signal?: AbortSignal;
  /**
   * Told how much of the body has been sent (0–1). fetch cannot report upload progress, so a call with this
   * option goes through XMLHttpRequest; everything else (headers, refresh and retry, problems) is the same.
   */
  onUploadProgress?: (fraction: number) => void;
}

export interface TransportOptions {
  fetch?: typeof fetch;
  /** Makes the XMLHttpRequest used for calls with onUploadProgress (tests). */
  xhr?: () => XMLHttpRequest;
  baseUrl?: string;
  getLang?: () => Lang;
  /** The clock (tests). */
  now?: () => number;
}

/** Told when a session is gained or refreshed (its tokens) and when it is lost (null). */
export type SessionListener = (tokens: TokenResponse | null) => void;

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

function isRawBody(body: unknown): body is BodyInit {
  return (
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export class Transport {
  private accessToken: string | null = null;
  /** When the access token in memory expires (ms since the epoch), from the token response's expires_in. */
  private accessExpiresAt = 0;
  private refreshing: Promise<TokenResponse> | null = null;
  private readonly listeners = new Set<SessionListener>();
  private readonly fetchFn: typeof fetch;
  private readonly makeXhr: () => XMLHttpRequest;
  private readonly baseUrl: string;
  private readonly getLang: () => Lang;
  private readonly now: () => number;

  constructor(opts: TransportOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.fetchFn = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.makeXhr = opts.xhr ?? (() => new XMLHttpRequest());
    this.baseUrl = opts.baseUrl ?? API_BASE;
    this.getLang = opts.getLang ?? (() => 'ko');
  }

  /** Subscribe to session changes; returns the unsubscribe function. */
  onSession(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get token(): string | null {
    return this.accessToken;
  }

  get authenticated(): boolean {
    return this.accessToken !== null;
  }

  private async send(path: string, opts: RequestOptions): Promise<Response> {
    const raw = isRawBody(opts.body);
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...opts.headers,
      'Accept-Language': this.getLang(),
    };
    if (opts.body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    if (opts.csrf) headers['X-Sikgu-Csrf'] = '1';
    if (opts.auth && this.accessToken) headers['Authorization'] = `Bearer ${this.accessToken}`;
    let body: BodyInit | undefined;
    if (opts.body !== undefined) body = raw ? (opts.body as BodyInit) : JSON.stringify(opts.body);
    if (opts.onUploadProgress) {
      return this.sendWithProgress(this.baseUrl + path + buildQuery(opts.query), opts.method ?? 'GET', headers, body, opts);
    }
    try {
      return await this.fetchFn(this.baseUrl + path + buildQuery(opts.query), {
        method: opts.method ?? 'GET',
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw abortError(opts.signal);
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, {});
    }
  }

  /** One request through XMLHttpRequest, reporting upload progress; answers like fetch would. */
  private sendWithProgress(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: BodyInit | undefined,
    opts: RequestOptions,
  ): Promise<Response> {
    const { signal, onUploadProgress } = opts;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const xhr = this.makeXhr();
      const onAbort = () => xhr.abort();
      const done = () => signal?.removeEventListener('abort', onAbort);
      xhr.open(method, url);
      xhr.withCredentials = false; // same-origin requests send cookies anyway
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e: ProgressEvent) => {
        if (e.lengthComputable && e.total > 0) onUploadProgress?.(Math.min(1, e.loaded / e.total));
      };
      xhr.onload = () => {
        done();
        onUploadProgress?.(1);
        const status = xhr.status;
        if (status < 200 || status > 599) {
          reject(new ApiError(0, {}));
          return;
        }
        const noBody = status === 204 || status === 205 || status === 304;
        const responseHeaders = new Headers();
        const retryAfter = xhr.getResponseHeader('Retry-After');
        if (retryAfter) responseHeaders.set('Retry-After', retryAfter);
        resolve(new Response(noBody ? null : xhr.responseText, { status, headers: responseHeaders }));
      };
      xhr.onerror = () => {
        done();
        reject(new ApiError(0, {}));
      };
      xhr.onabort = () => {
        done();
        reject(signal ? abortError(signal) : new DOMException('The operation was aborted.', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort);
      xhr.send((body ?? null) as XMLHttpRequestBodyInit | null);
    });
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

  /** The error an authenticated call ends with when the session could not be refreshed. */
  private sessionLost(cause: unknown): unknown {
    if (cause instanceof ApiError && cause.isNetwork) return cause;
    if (cause instanceof ApiError) return new ApiError(401, { code: 'auth.unauthenticated', detail: cause.detail, instance: cause.instance });
    return new ApiError(401, { code: 'auth.unauthenticated' });
  }

  async request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    if (opts.auth && !this.accessToken) {
      // No token in memory (e.g. right after a reload): try the refresh cookie first.
      try {
        await this.refresh();
      } catch (e) {
        throw this.sessionLost(e);
      }
      if (opts.signal?.aborted) throw abortError(opts.signal);
    }
    const res = await this.send(path, opts);
    if (res.status === 401 && opts.auth) {
      const usedToken = this.accessToken;
      // Drain the body so the connection can be reused.
      await res.text().catch(() => '');
      try {
        // Another call may have refreshed while this one was in flight.
        if (this.accessToken === usedToken) await this.refresh();
      } catch (e) {
        throw this.sessionLost(e);
      }
      if (opts.signal?.aborted) throw abortError(opts.signal);
      const retry = await this.send(path, opts);
      if (retry.status === 401) {
        this.dropSession();
      }
      return this.parse<T>(retry);
    }
    return this.parse<T>(res);
  }

  /** Forget the access token and tell the listeners the session is gone. */
  dropSession(): void {
    this.accessToken = null;
    this.emit(null);
  }

  /** Take over the session a login, refresh or password change returned. */
  adopt(t: TokenResponse): TokenResponse {
    this.accessToken = t.access_token;
    this.accessExpiresAt = this.now() + t.expires_in * 1000;
    this.emit(t);
    return t;
  }

  private emit(t: TokenResponse | null): void {
    for (const l of [...this.listeners]) l(t);
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

  /**
   * A usable access token for a connection that cannot refresh by itself (the WebSocket CONNECT frame):
   * the one in memory while it has more than `minValidityMs` left, else a fresh one (also when `fresh` is set,
   * e.g. after the broker refused the old one). Null when there is no session.
   */
  async accessTokenFor(opts: { fresh?: boolean; minValidityMs?: number } = {}): Promise<string | null> {
    const minValidity = opts.minValidityMs ?? 30_000;
    if (this.accessToken && !opts.fresh && this.accessExpiresAt - this.now() > minValidity) return this.accessToken;
    try {
      return (await this.refresh()).access_token;
    } catch {
      return null;
    }
  }
}
