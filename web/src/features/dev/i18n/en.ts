// English strings of development tools (the dev mailbox). Same keys as the Korean file.
import type { DevDict } from './ko';

export const en: DevDict = {
  mailbox: {
    title: 'Dev mailbox',
    lead: 'Mail sent by a development server (verification codes, reset links). Newest first.',
    refresh: 'Refresh',
    empty: 'No mail has been sent yet.',
    notAvailable: 'The dev mailbox is not available on this server: it has a mail (SMTP) server configured or is not in development mode.',
    to: 'To',
    sentAt: 'Sent',
  },
};
