import { describe, expect, it } from 'vitest';
import { ApiError, isAbort } from './problem';
import { fakeFetch, json, tokens, unauthorized, user } from './testing';
import { Transport, buildQuery } from './transport';
import type { TokenResponse } from './types';

const login = (t: Transport) =>
  t.request<TokenResponse>('/auth/login', { method: 'POST', body: { username: 'plantlover', password: 'pw12345678', session: 'cookie' } }).then((r) => t.adopt(r));
const me = (t: Transport) => t.request('/me', { auth: true });

describe('Transport', () => {
  it('sends the token, the language and same-origin credentials; JSON bodies get a JSON content type', async () => {
    let lang: 'ko' | 'en' = 'ko';
    const { fn, calls } = fakeFetch((c) => (c.url.endsWith('/auth/login') ? json(200, tokens('A1')) : json(200, user)));
    const t = new Transport({ fetch: fn, getLang: () => lang });
    await login(t);
    expect(calls[0].headers['Accept-Language']).toBe('ko');
    expect(calls[0].headers['Content-Type']).toBe('application/json');
    expect(calls[0].headers['Authorization']).toBeUndefined();
    lang = 'en';
    await me(t);
    expect(calls[1].url).toBe('/api/v1/me');
    expect(calls[1].headers['Authorization']).toBe('Bearer A1');
    expect(calls[1].headers['Accept-Language']).toBe('en');
    expect(calls[1].credentials).toBe('same-origin');
    expect(calls[1].headers['Content-Type']).toBeUndefined();
  });

  it('sends FormData as it is, without a content type, so the browser sets the multipart boundary', async () => {
    const { fn, calls } = fakeFetch(() => json(201, { id: '1' }));
    const t = new Transport({ fetch: fn });
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), 'a.jpg');
    await t.request('/media/photos', { method: 'POST', body: form });
    expect(calls[0].body).toBe(form);
    expect(calls[0].headers['Content-Type']).toBeUndefined();
    expect(calls[0].headers['Accept-Language']).toBe('ko');
  });

  it('adds extra headers and the Idempotency-Key, and keeps the key on the retry after a refresh', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/refresh')) return json(200, tokens('new'));
      return c.headers['Authorization'] === 'Bearer new' ? json(200, { ok: true }) : unauthorized();
    });
    const t = new Transport({ fetch: fn });
    t.adopt(tokens('old'));
    await t.request('/pay/transfers', {
      method: 'POST',
      body: { amount: 3000 },
      auth: true,
      idempotencyKey: 'k-123',
      headers: { 'X-Trace': 'abc', 'Accept-Language': 'xx' },
    });
    const transfers = calls.filter((c) => c.url.endsWith('/pay/transfers'));
    expect(transfers).toHaveLength(2);
    for (const c of transfers) {
      expect(c.headers['Idempotency-Key']).toBe('k-123');
      expect(c.headers['X-Trace']).toBe('abc');
      expect(c.headers['Accept-Language']).toBe('ko');
      expect(c.body).toEqual({ amount: 3000 });
    }
  });

  it('refreshes once on 401 with the CSRF header and the cookie, and retries with the new token', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(200, tokens('new'));
      return c.headers['Authorization'] === 'Bearer new' ? json(200, { ...user, nickname: '새싹' }) : unauthorized();
    });
    const sessions: (TokenResponse | null)[] = [];
    const t = new Transport({ fetch: fn });
    t.onSession((s) => sessions.push(s));
    await login(t);
    const got = await t.request<typeof user>('/me', { auth: true });
    expect(got.nickname).toBe('새싹');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/auth/login',
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    expect(calls[2].headers['X-Sikgu-Csrf']).toBe('1');
    expect(calls[2].credentials).toBe('same-origin');
    expect(t.token).toBe('new');
    expect(sessions.at(-1)?.access_token).toBe('new');
  });

  it('drops the session when the refresh fails, with the refresh problem’s detail', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(401, { status: 401, code: 'auth.refresh_invalid', detail: '세션 만료' });
      return unauthorized();
    });
    const sessions: (TokenResponse | null)[] = [];
    const t = new Transport({ fetch: fn });
    t.onSession((s) => sessions.push(s));
    await login(t);
    const err = (await me(t).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'auth.unauthenticated', detail: '세션 만료' });
    expect(calls).toHaveLength(3);
    expect(t.token).toBeNull();
    expect(sessions.at(-1)).toBeNull();
  });

  it('does not loop: a 401 after the retry ends the session', async () => {
    const { fn, calls } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(200, tokens('new'));
      return unauthorized();
    });
    const t = new Transport({ fetch: fn });
    await login(t);
    await expect(me(t)).rejects.toBeInstanceOf(ApiError);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(calls).toHaveLength(4);
    expect(t.token).toBeNull();
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
    const t = new Transport({ fetch: fn });
    await login(t);
    await Promise.all([me(t), me(t), me(t), t.accessTokenFor({ fresh: true })]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('does not refresh on a 401 from a call without auth (wrong password)', async () => {
    const { fn, calls } = fakeFetch(() =>
      json(401, { status: 401, code: 'auth.invalid_credentials', detail: '아이디 또는 비밀번호가 올바르지 않습니다.' }),
    );
    const t = new Transport({ fetch: fn });
    const err = await login(t).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('auth.invalid_credentials');
    expect((err as ApiError).message).toBe('아이디 또는 비밀번호가 올바르지 않습니다.');
    expect(calls).toHaveLength(1);
  });

  it('restores a session from the cookie before an authenticated call without a token', async () => {
    const { fn, calls } = fakeFetch((c) => (c.url.endsWith('/auth/refresh') ? json(200, tokens('R')) : json(200, user)));
    const t = new Transport({ fetch: fn });
    await me(t);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
    expect(calls[1].headers['Authorization']).toBe('Bearer R');
  });

  it('parses problem details, field errors, the request id and Retry-After', async () => {
    const { fn } = fakeFetch(() =>
      json(
        422,
        {
          status: 422,
          code: 'validation.failed',
          detail: 'invalid',
          instance: 'req-1',
          errors: [
            { field: 'password', code: 'validation.too_short', detail: 'too short' },
            { field: 'password', code: 'validation.password_weak', detail: 'weak' },
          ],
        },
        { 'Retry-After': '30' },
      ),
    );
    const t = new Transport({ fetch: fn });
    const err = (await t.request('/auth/signup', { method: 'POST', body: { username: 'abcd' } }).catch((e) => e)) as ApiError;
    expect(err.status).toBe(422);
    expect(err.detail).toBe('invalid');
    expect(err.instance).toBe('req-1');
    expect(err.errors[0]).toEqual({ field: 'password', code: 'validation.too_short', detail: 'too short' });
    expect(err.fieldDetail('password')).toBe('too short weak');
    expect(err.fieldDetail('username')).toBeNull();
    expect(err.retryAfter).toBe(30);
    expect(err.isNetwork).toBe(false);
  });

  it('falls back to the status code when there is no problem body, and reports network failures as status 0', async () => {
    const t1 = new Transport({ fetch: fakeFetch(() => new Response('oops', { status: 500 })).fn });
    const e1 = (await t1.request('/plants').catch((e) => e)) as ApiError;
    expect(e1.code).toBe('http.500');
    expect(e1.detail).toBeUndefined();
    const t2 = new Transport({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    const e2 = (await t2.request('/plants').catch((e) => e)) as ApiError;
    expect(e2.status).toBe(0);
    expect(e2.isNetwork).toBe(true);
    expect(e2.code).toBe('network.unreachable');
  });

  it('passes the AbortSignal to fetch and rejects with the abort, also when aborted while a refresh runs', async () => {
    const { fn, calls } = fakeFetch(async (c) => {
      if (c.url.endsWith('/auth/refresh')) {
        await new Promise((r) => setTimeout(r, 5));
        return json(200, tokens('R'));
      }
      return json(200, user);
    });
    const t = new Transport({ fetch: fn });
    const ctrl = new AbortController();
    const pending = t.request('/me', { auth: true, signal: ctrl.signal });
    ctrl.abort();
    const err = await pending.catch((e: unknown) => e);
    expect(isAbort(err)).toBe(true);
    // The shared refresh still completed for everyone else; the aborted call was never sent.
    expect(t.token).toBe('R');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/refresh']);

    const aborting: typeof fetch = async (_input, init) => {
      throw init?.signal?.reason ?? new DOMException('aborted', 'AbortError');
    };
    const c2 = new AbortController();
    c2.abort();
    expect(isAbort(await new Transport({ fetch: aborting }).request('/plants', { signal: c2.signal }).catch((e) => e))).toBe(true);
  });

  it('accessTokenFor gives the token in memory while it lasts, a fresh one near its end or on request, and null without a session', async () => {
    let n = 0;
    let now = 1_000_000;
    const { fn, calls } = fakeFetch((c) =>
      c.url.endsWith('/auth/refresh') ? (++n <= 2 ? json(200, tokens(`R${n}`)) : json(401, { code: 'auth.refresh_invalid' })) : json(200, user),
    );
    const t = new Transport({ fetch: fn, now: () => now });
    expect(await t.accessTokenFor()).toBe('R1');
    now += 800_000; // 100 s of 900 left
    expect(await t.accessTokenFor()).toBe('R1');
    now += 80_000; // 20 s left: too little for a connection
    expect(await t.accessTokenFor()).toBe('R2');
    expect(await t.accessTokenFor({ fresh: true })).toBeNull();
    expect(t.authenticated).toBe(false);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(3);
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ q: '몬스', category: '', cursor: undefined, limit: 20 })).toBe('?q=%EB%AA%AC%EC%8A%A4&limit=20');
    expect(buildQuery({})).toBe('');
  });
});
