import { useQuery } from '@tanstack/react-query';
import { devApi } from '.';

export const devKeys = {
  mailbox: ['dev', 'mailbox'] as const,
};

/** The dev mailbox, read fresh whenever the page opens (mail arrives at any time). */
export function useMailbox() {
  return useQuery({
    queryKey: devKeys.mailbox,
    queryFn: ({ signal }) => devApi.mailbox(signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
