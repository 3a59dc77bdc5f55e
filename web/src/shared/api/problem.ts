// RFC 9457 problems as an error type.
import type { FieldProblem, Problem } from './types';

/** The code of the error made when no response arrived at all (offline, DNS, connection refused). */
export const NETWORK_CODE = 'network.unreachable';

/**
 * A failed API call. `status` 0 means no response arrived (see {@link ApiError.isNetwork}); otherwise `code`,
 * `detail` (already in the language asked for with Accept-Language) and `errors` come from the server's problem body.
 */
export class ApiError extends Error {
  readonly status: number;
  /** The stable machine code: the problem's `code`, else `http.<status>`, else `network.unreachable`. */
  readonly code: string;
  /** The server's localised explanation; undefined when the response carried none. */
  readonly detail: string | undefined;
  /** Per-field problems of a validation failure. */
  readonly errors: FieldProblem[];
  /** Seconds from Retry-After, if the response had one. */
  readonly retryAfter: number | undefined;
  /** The request id (`instance`), for support. */
  readonly instance: string | undefined;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    const code = problem.code ?? (status === 0 ? NETWORK_CODE : `http.${status}`);
    super(problem.detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = problem.detail || undefined;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
    this.instance = problem.instance || undefined;
  }

  /** No response arrived: the only case in which the client's own wording is shown. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** The server's texts for one field (joined), or null when the field has no problem. */
  fieldDetail(field: string): string | null {
    const list = this.errors.filter((e) => e.field === field);
    return list.length ? list.map((e) => e.detail || e.code || field).join(' ') : null;
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

export function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.ceil((t - Date.now()) / 1000));
}
