import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type AccountDict } from './ko';

export type { AccountDict };
/** What this feature's components see as `t`. */
export type AccountTexts = CommonDict & AccountDict;
export const accountDictionaries: Dictionaries<AccountDict> = { ko, en };
/** The common strings plus this feature's. */
export const useAccountI18n = () => useI18n<AccountDict>();
