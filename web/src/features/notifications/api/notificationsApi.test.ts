import { describe, expect, it } from 'vitest';
import { fakeFetch, json, tokens } from '../../../shared/api/testing';
import { Transport } from '../../../shared/api/transport';
import { SessionStore } from '../../../shared/auth/session';
import { createNotificationsApi } from './notificationsApi';

async function setup(handler: Parameters<typeof fakeFetch>[0]) {
  const { fn, calls } = fakeFetch((c, n) => (c.url.endsWith('/auth/login') ? json(200, tokens('A')) : handler(c, n)));
  const transport = new Transport({ fetch: fn });
  await new SessionStore(transport).login('plantlover', 'pw12345678');
  calls.length = 0;
  return { api: createNotificationsApi(transport), calls };
}

describe('notifications API', () => {
  it('pages the list with the cursor, as the signed-in user', async () => {
    const { api, calls } = await setup(() => json(200, { items: [], unread: 0, next_cursor: null }));
    await api.list(null, 20);
    await api.list('17', 20);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/notifications?limit=20', '/api/v1/notifications?cursor=17&limit=20']);
    expect(calls[0].headers['Authorization']).toBe('Bearer A');
  });

  it('marks one read, all up to the newest seen, deletes one and saves the mutes', async () => {
    const { api, calls } = await setup((c) =>
      c.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : c.url.endsWith('/settings')
          ? json(200, { types: ['wish', 'keyword'], muted: ['keyword'] })
          : json(200, { unread: 2 }),
    );
    expect(await api.markRead('5')).toEqual({ unread: 2 });
    await api.readAll('9');
    await api.readAll(null);
    await api.remove('5');
    expect(await api.saveSettings(['keyword'])).toEqual({ types: ['wish', 'keyword'], muted: ['keyword'] });
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['PUT', '/api/v1/notifications/5/read', undefined],
      ['POST', '/api/v1/notifications/read-all', { up_to: '9' }],
      ['POST', '/api/v1/notifications/read-all', {}],
      ['DELETE', '/api/v1/notifications/5', undefined],
      ['PUT', '/api/v1/notifications/settings', { muted: ['keyword'] }],
    ]);
  });
});
