import { fmt } from '../i18n/core';
import type { CommonDict } from '../i18n/common.ko';
import { ApiError } from './problem';

/** Human text for an error: the server's detail, else our translation of the code, else the code. */
export function errorText(err: unknown, t: CommonDict): string {
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
