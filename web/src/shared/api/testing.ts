// Test helpers: a fake fetch that records every call, and canned responses.
import { vi } from 'vitest';
import type { TokenResponse, User } from './types';

export const user: User = {
  id: '7273482348923',
  username: 'plantlover',
  nickname: '초록이',
  email: 'p@example.com',
  email_verified: true,
  created_at: '2024-01-01T00:00:00Z',
  providers: [],
};

export function tokens(access: string, u: User = user): TokenResponse {
  return { access_token: access, token_type: 'Bearer', expires_in: 900, user: u };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const ct = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': ct, ...headers },
  });
}

export const unauthorized = () => json(401, { status: 401, code: 'auth.token_expired', detail: '만료' });

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw body when it is not a string (FormData, Blob, …). */
  body: unknown;
  credentials?: RequestCredentials;
  signal?: AbortSignal | null;
}

/** A fake fetch driven by a handler; records every call. */
export function fakeFetch(handler: (c: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = init?.body;
    const c: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof raw === 'string' ? JSON.parse(raw) : (raw ?? undefined),
      credentials: init?.credentials,
      signal: init?.signal,
    };
    calls.push(c);
    return handler(c, calls.length);
  });
  return { fn: fn as unknown as typeof fetch, calls };
}
