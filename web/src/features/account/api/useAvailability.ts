import { useQuery } from '@tanstack/react-query';
import { accountApi } from '.';
import type { AvailabilityField } from '../../../shared/api/types';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { accountKeys } from './queries';

export type AvailabilityState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'available' }
  | { state: 'taken'; reason?: string }
  | { state: 'error' };

export const AVAILABILITY_DEBOUNCE_MS = 450;

/** Debounced GET /auth/availability; only asks when the value passes the local rules. */
export function useAvailability(field: AvailabilityField, value: string, locallyValid: boolean): AvailabilityState {
  const settled = useDebouncedValue(value, AVAILABILITY_DEBOUNCE_MS);
  const wanted = value !== '' && locallyValid;
  const query = useQuery({
    queryKey: accountKeys.availability(field, settled),
    queryFn: ({ signal }) => accountApi.availability(field, settled, signal),
    enabled: wanted && settled === value,
    // Someone else may take the name at any time: always ask again, keep answers only briefly.
    staleTime: 0,
    gcTime: 30_000,
    retry: false,
  });

  if (!wanted) return { state: 'idle' };
  if (settled !== value) return { state: 'checking' };
  if (query.data) return query.data.available ? { state: 'available' } : { state: 'taken', reason: query.data.reason };
  // A failed check is not shown as an error: the server checks again on submit.
  if (query.isError) return { state: 'error' };
  return { state: 'checking' };
}
