import { lazyPage, type Feature } from '../../shared/feature';
import { accountDictionaries } from './i18n';

export const accountFeature: Feature = {
  name: 'account',
  dictionaries: accountDictionaries,
  routes: [
    { path: '/signup', page: lazyPage(() => import('./pages/SignupPage'), 'SignupPage') },
    { path: '/verify-email', page: lazyPage(() => import('./pages/VerifyEmailPage'), 'VerifyEmailPage') },
    { path: '/login', page: lazyPage(() => import('./pages/LoginPage'), 'LoginPage') },
    { path: '/auth/kakao/done', page: lazyPage(() => import('./pages/KakaoDonePage'), 'KakaoDonePage') },
    { path: '/find-username', page: lazyPage(() => import('./pages/FindUsernamePage'), 'FindUsernamePage') },
    { path: '/reset-password', page: lazyPage(() => import('./pages/ResetPasswordPage'), 'ResetPasswordPage') },
    {
      path: '/reset-password/confirm',
      page: lazyPage(() => import('./pages/ResetPasswordConfirmPage'), 'ResetPasswordConfirmPage'),
    },
    { path: '/me', page: lazyPage(() => import('./pages/MePage'), 'MePage'), requiresAuth: true },
  ],
};
