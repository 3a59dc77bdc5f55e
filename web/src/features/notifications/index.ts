import { lazyPage, type Feature } from '../../shared/feature';
import { notificationsDictionaries } from './i18n';

export const notificationsFeature: Feature = {
  name: 'notifications',
  dictionaries: notificationsDictionaries,
  routes: [
    { path: '/notifications', page: lazyPage(() => import('./pages/NotificationsPage'), 'NotificationsPage'), requiresAuth: true },
  ],
};
