import { lazyPage, type Feature } from '../../shared/feature';
import { devDictionaries } from './i18n';

export const devFeature: Feature = {
  name: 'dev',
  dictionaries: devDictionaries,
  routes: [{ path: '/dev/mailbox', page: lazyPage(() => import('./pages/DevMailboxPage'), 'DevMailboxPage') }],
};
