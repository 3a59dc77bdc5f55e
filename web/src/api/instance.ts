import { getCurrentLang } from '../i18n';
import { ApiClient } from './client';

/** The app-wide API client. */
export const api = new ApiClient({ getLang: getCurrentLang });
