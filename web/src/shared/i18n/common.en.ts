// English strings of the app shell and shared components (header, footer, form fields, error texts). Same keys as the Korean file.
import type { CommonDict } from './common.ko';

export const en: CommonDict = {
  meta: {
    siteName: 'sikgu',
    siteNameLatin: '식구하자',
    tagline: 'A household for people who live with plants',
    skipToContent: 'Skip to main content',
  },
  nav: {
    label: 'Main menu',
    home: 'Home',
    plants: 'Plant encyclopedia',
    login: 'Log in',
    signup: 'Sign up',
    me: 'My page',
    langToggle: '한국어',
    langToggleLabel: '한국어로 보기',
  },
  footer: {
    attribution: 'Source: Rural Development Administration (RDA), Nongsaro',
    attributionNote: 'Encyclopedia data is based on the indoor garden plant data of the RDA Nongsaro service.',
    apiDocs: 'API docs',
    devMailbox: 'Dev mailbox',
    linksLabel: 'Footer links',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    save: 'Save',
    backHome: 'Back to home',
    required: 'required',
    unknown: 'No data',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    errorTitle: 'Something went wrong',
    successTitle: 'Done',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address has changed or the page does not exist.',
    pageLoadFailed: 'The page could not be loaded. A new version may have been deployed, or the connection dropped.',
    reload: 'Reload',
  },
  errors: {
    network: 'Cannot reach the server. Please try again shortly.',
    noDetail: 'The request could not be completed (HTTP {status}). Please try again shortly.',
    retryAfter: 'Please try again in {seconds} s.',
    unknown: 'An unknown error occurred.',
  },
};
