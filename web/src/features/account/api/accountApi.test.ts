import { describe, expect, it } from 'vitest';
import { fakeFetch, json, tokens, unauthorized, user } from '../../../shared/api/testing';
import { Transport } from '../../../shared/api/transport';
import { SessionStore } from '../../../shared/auth/session';
import { createAccountApi } from './accountApi';

function setup(handler: Parameters<typeof fakeFetch>[0]) {
  const { fn, calls } = fakeFetch(handler);
  const transport = new Transport({ fetch: fn });
  const session = new SessionStore(transport);
  return { transport, session, account: createAccountApi(transport, session), calls };
}

describe('account API', () => {
  it('carries on with the new session a password change returns, without a refresh', async () => {
    const { session, account, calls } = setup((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('before'));
      if (c.url.endsWith('/me/password')) return json(200, tokens('after'));
      return c.headers['Authorization'] === 'Bearer after' ? json(200, user) : unauthorized();
    });
    await session.login('plantlover', 'pw12345678');
    await account.changePassword('pw12345678', 'garden789');
    expect(calls[1].body).toEqual({ current_password: 'pw12345678', new_password: 'garden789', session: 'cookie' });
    expect(calls[1].headers['Authorization']).toBe('Bearer before');
    await account.me();
    expect(calls[2].headers['Authorization']).toBe('Bearer after');
    expect(calls.some((c) => c.url.endsWith('/auth/refresh'))).toBe(false);
    expect(session.getSnapshot().status).toBe('authenticated');
  });

  it('profile reads and updates refresh the session’s user', async () => {
    const { session, account, calls } = setup((c) => {
      if (c.url.endsWith('/auth/login')) return json(200, tokens('A'));
      return json(200, { ...user, nickname: c.method === 'PATCH' ? '새싹' : '초록이' });
    });
    await session.login('plantlover', 'pw12345678');
    await account.updateNickname('새싹');
    expect(calls[1]).toMatchObject({ method: 'PATCH', url: '/api/v1/me', body: { nickname: '새싹' } });
    expect(session.getSnapshot().user?.nickname).toBe('새싹');
    await account.me();
    expect(session.getSnapshot().user?.nickname).toBe('초록이');
  });

  it('deleting the account ends the session as deleted', async () => {
    const { transport, session, account, calls } = setup((c) =>
      c.url.endsWith('/auth/login') ? json(200, tokens('A')) : new Response(null, { status: 204 }),
    );
    await session.login('plantlover', 'pw12345678');
    await account.deleteAccount('pw12345678');
    expect(calls[1]).toMatchObject({ method: 'DELETE', url: '/api/v1/me', body: { password: 'pw12345678' } });
    expect(calls[1].headers['Authorization']).toBe('Bearer A');
    expect(transport.token).toBeNull();
    expect(session.getSnapshot()).toMatchObject({ status: 'anonymous', ended: 'deleted' });
  });

  it('asks for availability with the field and value in the query', async () => {
    const { account, calls } = setup(() => json(200, { field: 'username', value: 'plant_kim', available: true }));
    const r = await account.availability('username', 'plant_kim');
    expect(r.available).toBe(true);
    expect(calls[0].url).toBe('/api/v1/auth/availability?field=username&value=plant_kim');
  });
});
