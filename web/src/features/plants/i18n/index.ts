import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type PlantsDict } from './ko';

export type { PlantsDict };
/** What this feature's components see as `t`. */
export type PlantsTexts = CommonDict & PlantsDict;
export const plantsDictionaries: Dictionaries<PlantsDict> = { ko, en };
/** The common strings plus this feature's. */
export const usePlantsI18n = () => useI18n<PlantsDict>();
