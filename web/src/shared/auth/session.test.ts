import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { fakeFetch, json, tokens, unauthorized, user } from '../api/testing';
import { Transport } from '../api/transport';
import { safeNext } from './next';
import { SessionStore } from './session';

function setup(handler: Parameters<typeof fakeFetch>[0], getLang?: () => 'ko' | 'en') {
  const { fn, calls } = fakeFetch(handler);
  const transport = new Transport({ fetch: fn, getLang });
  const session = new SessionStore(transport);
  return { transport, session, calls };
}

describe('SessionStore', () => {
  it('logs in with the cookie session and sends the token and language on later calls', async () => {
    let lang: 'ko' | 'en' = 'ko';
    const { transport, session, calls } = setup(
      (c) => (c.url.endsWith('/auth/login') ? json(200, tokens('A1')) : json(200, user)),
      () => lang,
    );
    const u = await session.login('plantlover', 'pw12345678');
    expect(u).toEqual(user);
    expect(calls[0].body).toEqual({ username: 'plantlover', password: 'pw12345678', session: 'cookie' });
    expect(calls[0].headers['Accept-Language']).toBe('ko');
    expect(session.getSnapshot()).toMatchObject({ status: 'authenticated', user, ended: null });
    lang = 'en';
    await transport.request('/me', { auth: true });
    expect(calls[1].headers['Authorization']).toBe('Bearer A1');
    expect(calls[1].headers['Accept-Language']).toBe('en');
  });

  it('does not refresh on a 401 from login (wrong password) and stays anonymous', async () => {
    const { session, calls } = setup(() =>
      json(401, { status: 401, code: 'auth.invalid_credentials', detail: '아이디 또는 비밀번호가 올바르지 않습니다.' }),
    );
    const err = await session.login('a', 'b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('auth.invalid_credentials');
    expect((err as ApiError).message).toBe('아이디 또는 비밀번호가 올바르지 않습니다.');
    expect(calls).toHaveLength(1);
    expect(session.getSnapshot().status).toBe('loading');
  });

  it('logout sends the CSRF header and clears the token even if the call fails', async () => {
    const { transport, session, calls } = setup((c) => (c.url.endsWith('/auth/login') ? json(200, tokens('A')) : json(500, {})));
    await session.login('plantlover', 'pw12345678');
    await session.logout().catch(() => undefined);
    expect(calls[1].url).toBe('/api/v1/auth/logout');
    expect(calls[1].headers['X-Sikgu-Csrf']).toBe('1');
    expect(transport.token).toBeNull();
    expect(session.getSnapshot()).toMatchObject({ status: 'anonymous', user: null, ended: 'logout' });
  });

  it('restores once per page load, however many callers ask', async () => {
    const { session, calls } = setup(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return json(200, tokens('R'));
    });
    expect(session.getSnapshot().status).toBe('loading');
    const [a, b] = await Promise.all([session.restore(), session.restore()]);
    expect(a).toEqual(user);
    expect(b).toEqual(user);
    await session.restore();
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(session.getSnapshot().status).toBe('authenticated');
  });

  it('a failed restore leaves the visitor anonymous, with no session that ended', async () => {
    const { session } = setup(() => json(401, { status: 401, code: 'auth.refresh_invalid' }));
    expect(await session.restore()).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: 'anonymous', user: null, ended: null });
  });

  it('a session the server no longer accepts ends as expired', async () => {
    const { transport, session } = setup((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('old'));
      if (c.url.endsWith('/auth/refresh')) return json(401, { status: 401, code: 'auth.refresh_reused' });
      return unauthorized();
    });
    await session.login('plantlover', 'pw12345678');
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getSnapshot().status));
    await expect(transport.request('/me', { auth: true })).rejects.toMatchObject({ status: 401 });
    expect(session.getSnapshot()).toMatchObject({ status: 'anonymous', ended: 'expired' });
    expect(seen).toEqual(['anonymous']);
  });

  it('profile updates replace the user only while logged in', async () => {
    const { session } = setup(() => json(200, tokens('A')));
    session.setUser({ ...user, nickname: '없음' });
    expect(session.getSnapshot().user).toBeNull();
    await session.login('plantlover', 'pw12345678');
    session.setUser({ ...user, nickname: '새싹' });
    expect(session.getSnapshot().user?.nickname).toBe('새싹');
  });
});

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/plants?q=a')).toBe('/plants?q=a');
    expect(safeNext(null)).toBe('/me');
    expect(safeNext('https://evil.example/')).toBe('/me');
    expect(safeNext('//evil.example/')).toBe('/me');
    expect(safeNext('/\\evil.example/')).toBe('/me');
  });
});
