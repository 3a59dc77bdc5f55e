import { useEffect, useState } from 'react';
import { isAbort } from '../../../shared/api/problem';
import { accountApi } from '.';
import type { AvailabilityField } from '../../../shared/api/types';

export type AvailabilityState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'available' }
  | { state: 'taken'; reason?: string }
  | { state: 'error' };

export const AVAILABILITY_DEBOUNCE_MS = 450;

/** Debounced GET /auth/availability; only runs when the value passes the local rules. */
export function useAvailability(field: AvailabilityField, value: string, locallyValid: boolean): AvailabilityState {
  const [result, setResult] = useState<AvailabilityState>({ state: 'idle' });

  useEffect(() => {
    if (!value || !locallyValid) {
      setResult({ state: 'idle' });
      return;
    }
    setResult({ state: 'checking' });
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      accountApi
        .availability(field, value, ctrl.signal)
        .then((r) => {
          if (ctrl.signal.aborted) return;
          setResult(r.available ? { state: 'available' } : { state: 'taken', reason: r.reason });
        })
        .catch((e: unknown) => {
          if (isAbort(e) || ctrl.signal.aborted) return;
          // A failed check is not shown as an error: the server checks again on submit.
          setResult({ state: 'error' });
        });
    }, AVAILABILITY_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [field, value, locallyValid]);

  return result;
}
