import { lazyPage, type Feature } from '../../shared/feature';
import { plantsDictionaries } from './i18n';

export const plantsFeature: Feature = {
  name: 'plants',
  dictionaries: plantsDictionaries,
  routes: [
    { path: '/plants', page: lazyPage(() => import('./pages/PlantListPage'), 'PlantListPage') },
    { path: '/plants/:id', page: lazyPage(() => import('./pages/PlantDetailPage'), 'PlantDetailPage') },
  ],
};
