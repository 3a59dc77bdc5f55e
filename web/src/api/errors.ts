import type { Dict } from '../i18n/ko';
import { fmt } from '../i18n';
import { ApiError } from './client';

/** Human text for an error: the server's detail, else our translation of the code, else the code. */
export function errorText(err: unknown, t: Dict): string {
  if (err instanceof ApiError) {
    const known = (t.errors as Record<string, string>)[err.code];
    let msg = err.detail || known || err.code;
    if (err.retryAfter !== undefined && err.status === 429 && !err.detail) {
      msg += ' ' + fmt(t.errors.retryAfter, { seconds: err.retryAfter });
    }
    return msg;
  }
  if (err instanceof Error && err.message) return err.message;
  return t.errors.unknown;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
