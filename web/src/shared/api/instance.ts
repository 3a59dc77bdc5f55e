import { getCurrentLang } from '../i18n/core';
import { Transport } from './transport';

/** The app-wide transport: every feature's API module sends through it. */
export const transport = new Transport({ getLang: getCurrentLang });
