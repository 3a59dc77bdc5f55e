import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type MarketDict } from './ko';

export type { MarketDict };
/** What this feature's components see as `t`. */
export type MarketTexts = CommonDict & MarketDict;
export const marketDictionaries: Dictionaries<MarketDict> = { ko, en };
/** The common strings plus this feature's. */
export const useMarketI18n = () => useI18n<MarketDict>();
