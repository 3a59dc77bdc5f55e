import { lazyPage, type Feature } from '../../shared/feature';
import { chatDictionaries } from './i18n';

export const chatFeature: Feature = {
  name: 'chat',
  dictionaries: chatDictionaries,
  routes: [
    { path: '/chat', page: lazyPage(() => import('./pages/ChatListPage'), 'ChatListPage'), requiresAuth: true },
    { path: '/chat/:id', page: lazyPage(() => import('./pages/ChatRoomPage'), 'ChatRoomPage'), requiresAuth: true },
  ],
};
