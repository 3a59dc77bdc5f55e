import type { CommonDict } from '../i18n/common.ko';
import { fmt } from '../i18n/core';
import { ApiError } from './problem';

/**
 * What the UI says about a failed call. The server's `detail` (already in the language the call asked for)
 * is shown as it is; the client has wording of its own only for a call that got no response at all, and a
 * fallback for a response without a problem body (a proxy's error page, say).
 */
export function errorText(err: unknown, t: CommonDict): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return t.errors.network;
    if (err.detail) return err.detail;
    let msg = fmt(t.errors.noDetail, { status: err.status });
    if (err.status === 429 && err.retryAfter !== undefined) msg += ' ' + fmt(t.errors.retryAfter, { seconds: err.retryAfter });
    return msg;
  }
  if (err instanceof Error && err.message) return err.message;
  return t.errors.unknown;
}
