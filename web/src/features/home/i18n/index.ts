import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type HomeDict } from './ko';

export type { HomeDict };
/** What this feature's components see as `t`. */
export type HomeTexts = CommonDict & HomeDict;
export const homeDictionaries: Dictionaries<HomeDict> = { ko, en };
/** The common strings plus this feature's. */
export const useHomeI18n = () => useI18n<HomeDict>();
