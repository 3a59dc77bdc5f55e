import { lazyPage, type Feature } from '../../shared/feature';
import { marketDictionaries } from './i18n';

export const marketFeature: Feature = {
  name: 'market',
  dictionaries: marketDictionaries,
  routes: [
    { path: '/market', page: lazyPage(() => import('./pages/MarketFeedPage'), 'MarketFeedPage') },
    { path: '/market/new', page: lazyPage(() => import('./pages/ListingNewPage'), 'ListingNewPage'), requiresAuth: true },
    { path: '/market/me', page: lazyPage(() => import('./pages/MarketMePage'), 'MarketMePage'), requiresAuth: true },
    { path: '/market/:id', page: lazyPage(() => import('./pages/ListingDetailPage'), 'ListingDetailPage') },
    { path: '/market/:id/edit', page: lazyPage(() => import('./pages/ListingEditPage'), 'ListingEditPage'), requiresAuth: true },
  ],
};
