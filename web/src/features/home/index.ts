import { lazyPage, type Feature } from '../../shared/feature';
import { homeDictionaries } from './i18n';

export const homeFeature: Feature = {
  name: 'home',
  dictionaries: homeDictionaries,
  routes: [{ path: '/', page: lazyPage(() => import('./pages/HomePage'), 'HomePage') }],
};
