// The query cache: one QueryClient per page load, with defaults that suit this API.
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import type { SessionStore } from '../auth/session';
import { subscribeLang } from '../i18n/core';

/**
 * Queries whose data belongs to the signed-in user have keys that start with this (the API's /me, and
 * later wallet, coupons, chat rooms…). They are dropped when the session ends or changes hands.
 */
export const USER_SCOPE = 'me';

export const userKey = (...parts: readonly unknown[]): QueryKey => [USER_SCOPE, ...parts];

/** Retry only what may pass on its own: no response, or a gateway / overload answer. Never a 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const transient = error.isNetwork || error.status === 502 || error.status === 503 || error.status === 504;
  return transient && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        // Live data will come through the realtime manager; focus refetches would only repeat list pages.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Keeps the cache in step with the session and the language: the user's queries go when the user does,
 * and failed queries are asked again after a language switch so that the server's detail is in the new language.
 * Returns the function that undoes the wiring.
 */
export function connectQueryClient(
  client: QueryClient,
  session: Pick<SessionStore, 'subscribe' | 'getSnapshot'>,
  onLangChange: (listener: () => void) => () => void = subscribeLang,
): () => void {
  let userId = session.getSnapshot().user?.id ?? null;
  const offSession = session.subscribe(() => {
    const next = session.getSnapshot().user?.id ?? null;
    if (next !== userId) client.removeQueries({ queryKey: [USER_SCOPE] });
    userId = next;
  });
  const offLang = onLangChange(() => {
    // Active ones are fetched again at once, the others when next shown.
    void client.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
  });
  return () => {
    offSession();
    offLang();
  };
}
