import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type DevDict } from './ko';

export type { DevDict };
/** What this feature's components see as `t`. */
export type DevTexts = CommonDict & DevDict;
export const devDictionaries: Dictionaries<DevDict> = { ko, en };
/** The common strings plus this feature's. */
export const useDevI18n = () => useI18n<DevDict>();
