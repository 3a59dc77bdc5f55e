import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, buildQuery } from './client';
import type { TokenResponse, User } from '../shared/api/types';

const user: User = {
  id: '7273482348923',
  username: 'plantlover',
  nickname: '초록이',
  email: 'p@example.com',
  email_verified: true,
  created_at: '2024-01-01T00:00:00Z',
  providers: [],
};

function tokens(access: string): TokenResponse {
  return { access_token: access, token_type: 'Bearer', expires_in: 900, user };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const ct = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': ct, ...headers },
  });
}

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials?: RequestCredentials;
}

/** A fake fetch driven by a handler; records every call. */
function fakeFetch(handler: (c: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const c: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      credentials: init?.credentials,
    };
    calls.push(c);
    return handler(c, calls.length);
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

const unauthorized = () => json(401, { status: 401, code: 'auth.token_expired', detail: '만료' });

describe('ApiClient', () => {
  it('logs in with the cookie session and sends the token and language on later calls', async () => {
    let lang: 'ko' | 'en' = 'ko';
    const { fn, calls } = fakeFetch((c) => (c.url.endsWith('/auth/login') ? json(200, tokens('A1')) : json(200, user)));
    const api = new ApiClient({ fetch: fn, getLang: () => lang });
    await api.login('plantlover', 'pw12345678');
    expect(calls[0].body).toEqual({ username: 'plantlover', password: 'pw12345678', session: 'cookie' });
    expect(calls[0].headers['Accept-Language']).toBe('ko');
    lang = 'en';
    await api.me();
    expect(calls[1].url).toBe('/api/v1/me');
    expect(calls[1].headers['Authorization']).toBe('Bearer A1');
    expect(calls[1].headers['Accept-Language']).toBe('en');
    expect(calls[1].credentials).toBe('same-origin');
  });

  it('carries on with the new session a password change returns, without a refresh', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('before'));
      if (c.url.endsWith('/me/password')) return json(200, tokens('after'));
      return c.headers['Authorization'] === 'Bearer after' ? json(200, user) : unauthorized();
    });
    const api = new ApiClient({ fetch: fn });
    await api.login('plantlover', 'pw12345678');
    await api.changePassword('pw12345678', 'garden789');
    expect(calls[1].body).toEqual({ current_password: 'pw12345678', new_password: 'garden789', session: 'cookie' });
    expect(calls[1].headers['Authorization']).toBe('Bearer before');
    await api.me();
    expect(calls[2].headers['Authorization']).toBe('Bearer after');
    expect(calls.some((c) => c.url.endsWith('/auth/refresh'))).toBe(false);
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(200, tokens('new'));
      return c.headers['Authorization'] === 'Bearer new' ? json(200, { ...user, nickname: '새싹' }) : unauthorized();
    });
    const sessions: (User | null)[] = [];
    const api = new ApiClient({ fetch: fn, onSession: (u) => sessions.push(u) });
    await api.login('plantlover', 'pw12345678');
    const me = await api.me();
    expect(me.nickname).toBe('새싹');
    const paths = calls.map((c) => `${c.method} ${c.url}`);
    expect(paths).toEqual(['POST /api/v1/auth/login', 'GET /api/v1/me', 'POST /api/v1/auth/refresh', 'GET /api/v1/me']);
    expect(calls[2].headers['X-Sikgu-Csrf']).toBe('1');
    expect(calls[2].credentials).toBe('same-origin');
    expect(api.token).toBe('new');
    expect(sessions.at(-1)).not.toBeNull();
  });

  it('drops the session when the refresh fails', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(401, { status: 401, code: 'auth.refresh_invalid' });
      return unauthorized();
    });
    const sessions: (User | null)[] = [];
    const api = new ApiClient({ fetch: fn, onSession: (u) => sessions.push(u) });
    await api.login('plantlover', 'pw12345678');
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
    expect(api.token).toBeNull();
    expect(sessions.at(-1)).toBeNull();
  });

  it('does not loop: a 401 after the retry ends the session', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(200, tokens('new'));
      return unauthorized();
    });
    const api = new ApiClient({ fetch: fn });
    await api.login('plantlover', 'pw12345678');
    await expect(api.me()).rejects.toBeInstanceOf(ApiError);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(calls).toHaveLength(4);
    expect(api.token).toBeNull();
  });

  it('shares one refresh between concurrent 401s (the refresh token rotates)', async () => {
    const { fn, calls } = fakeFetch(async (c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) {
        await new Promise((r) => setTimeout(r, 5));
        return json(200, tokens('new'));
      }
      return c.headers['Authorization'] === 'Bearer new' ? json(200, user) : unauthorized();
    });
    const api = new ApiClient({ fetch: fn });
    await api.login('plantlover', 'pw12345678');
    await Promise.all([api.me(), api.me(), api.me()]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('does not refresh on a 401 from login (wrong password)', async () => {
    const { fn, calls } = fakeFetch(() =>
      json(401, { status: 401, code: 'auth.invalid_credentials', detail: '아이디 또는 비밀번호가 올바르지 않습니다.' }),
    );
    const api = new ApiClient({ fetch: fn });
    const err = await api.login('a', 'b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('auth.invalid_credentials');
    expect((err as ApiError).message).toBe('아이디 또는 비밀번호가 올바르지 않습니다.');
    expect(calls).toHaveLength(1);
  });

  it('restores a session from the cookie before an authenticated call without a token', async () => {
    const { fn, calls } = fakeFetch((c) => (c.url.endsWith('/auth/refresh') ? json(200, tokens('R')) : json(200, user)));
    const api = new ApiClient({ fetch: fn });
    await api.me();
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
    expect(calls[1].headers['Authorization']).toBe('Bearer R');
  });

  it('parses problem details, field errors and Retry-After', async () => {
    const { fn } = fakeFetch(() =>
      json(
        422,
        {
          status: 422,
          code: 'validation.failed',
          detail: 'invalid',
          errors: [{ field: 'password', code: 'validation.too_short', detail: 'too short' }],
        },
        { 'Retry-After': '30' },
      ),
    );
    const api = new ApiClient({ fetch: fn });
    const err = (await api.signup({ username: 'abcd', nickname: 'ab', email: 'a@b.co', password: 'x' }).catch((e) => e)) as ApiError;
    expect(err.status).toBe(422);
    expect(err.errors[0]).toEqual({ field: 'password', code: 'validation.too_short', detail: 'too short' });
    expect(err.retryAfter).toBe(30);
  });

  it('falls back to the code when there is no detail, and reports network failures', async () => {
    const api1 = new ApiClient({ fetch: fakeFetch(() => new Response('oops', { status: 500 })).fn });
    const e1 = (await api1.plants({}).catch((e) => e)) as ApiError;
    expect(e1.code).toBe('http.500');
    const api2 = new ApiClient({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    const e2 = (await api2.plants({}).catch((e) => e)) as ApiError;
    expect(e2.status).toBe(0);
    expect(e2.code).toBe('network.unreachable');
  });

  it('logout sends the CSRF header and clears the token even if the call fails', async () => {
    const { fn, calls } = fakeFetch((c) => (c.url.endsWith('/auth/login') ? json(200, tokens('A')) : json(500, {})));
    const api = new ApiClient({ fetch: fn });
    await api.login('plantlover', 'pw12345678');
    await api.logout().catch(() => undefined);
    expect(calls[1].url).toBe('/api/v1/auth/logout');
    expect(calls[1].headers['X-Sikgu-Csrf']).toBe('1');
    expect(api.token).toBeNull();
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ q: '몬스', category: '', cursor: undefined, limit: 20 })).toBe('?q=%EB%AA%AC%EC%8A%A4&limit=20');
    expect(buildQuery({})).toBe('');
  });
});
