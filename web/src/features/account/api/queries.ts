import { useQuery } from '@tanstack/react-query';
import { accountApi } from '.';
import type { AvailabilityField } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth';
import { userKey } from '../../../shared/query/queryClient';

export const accountKeys = {
  /** The signed-in user's profile (user-scoped: dropped at logout). */
  me: userKey('profile'),
  availability: (field: AvailabilityField, value: string) => ['account', 'availability', field, value] as const,
};

/** A fresh copy of the signed-in user's profile (it also updates the session's user). */
export function useMe() {
  const { status } = useAuth();
  return useQuery({
    queryKey: accountKeys.me,
    queryFn: ({ signal }) => accountApi.me(signal),
    enabled: status === 'authenticated',
    staleTime: 0,
  });
}
