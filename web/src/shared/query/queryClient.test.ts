import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { fakeFetch, json, tokens, user } from '../api/testing';
import { Transport } from '../api/transport';
import { SessionStore } from '../auth/session';
import { connectQueryClient, createQueryClient, shouldRetry, userKey } from './queryClient';

describe('query client', () => {
  it('retries only calls that may pass on their own, at most twice', () => {
    expect(shouldRetry(0, new ApiError(0, {}))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, {}))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, {}))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, { code: 'plant.not_found' }))).toBe(false);
    expect(shouldRetry(0, new ApiError(401, {}))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });

  it('drops the user’s queries when the session ends, and keeps public ones', async () => {
    const { fn } = fakeFetch((c) => (c.url.endsWith('/auth/logout') ? new Response(null, { status: 204 }) : json(200, tokens('A'))));
    const transport = new Transport({ fetch: fn });
    const session = new SessionStore(transport);
    const client = createQueryClient();
    const langListeners: (() => void)[] = [];
    const off = connectQueryClient(client, session, (l) => {
      langListeners.push(l);
      return () => undefined;
    });
    await session.login('plantlover', 'pw12345678');
    client.setQueryData(userKey('profile'), user);
    client.setQueryData(['plants', 'detail', '1'], { id: '1' });
    session.setUser({ ...user, nickname: '새싹' }); // same user: kept
    expect(client.getQueryData(userKey('profile'))).toEqual(user);
    await session.logout();
    expect(client.getQueryData(userKey('profile'))).toBeUndefined();
    expect(client.getQueryData(['plants', 'detail', '1'])).toEqual({ id: '1' });
    expect(langListeners).toHaveLength(1);
    off();
  });

  it('asks failed queries again after a language switch', async () => {
    const client = createQueryClient();
    let lang = 'ko';
    let listener = () => {};
    const session = { subscribe: () => () => undefined, getSnapshot: () => ({ status: 'anonymous' as const, user: null, ended: null }) };
    connectQueryClient(client, session, (l) => {
      listener = l;
      return () => undefined;
    });
    const key = ['plants', 'detail', 'x'];
    const queryFn = () => Promise.reject(new ApiError(404, { code: 'plant.not_found', detail: lang }));
    const ok = ['plants', 'detail', 'y'];
    client.setQueryData(ok, { id: 'y' });
    // An observed query, as a mounted page has.
    const { QueryObserver } = await import('@tanstack/react-query');
    const observer = new QueryObserver(client, { queryKey: key, queryFn });
    const results: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((r) => results.push((r.error as ApiError | null)?.detail));
    await vi.waitFor(() => expect(results.at(-1)).toBe('ko'));
    lang = 'en';
    listener();
    await vi.waitFor(() => expect(results.at(-1)).toBe('en'));
    expect(client.getQueryState(ok)?.isInvalidated).toBe(false);
    unsubscribe();
  });
});
