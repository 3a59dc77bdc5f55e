import type { Transport } from '../../../shared/api/transport';
import type { Mailbox } from '../../../shared/api/types';

/** Development tools: the dev mailbox (404 on servers with SMTP or outside dev mode). */
export function createDevApi(http: Transport) {
  return {
    mailbox: (signal?: AbortSignal) => http.request<Mailbox>('/dev/mailbox', { signal }),
  };
}
