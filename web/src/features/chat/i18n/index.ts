import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type ChatDict } from './ko';

export type { ChatDict };
/** What this feature's components see as `t`. */
export type ChatTexts = CommonDict & ChatDict;
export const chatDictionaries: Dictionaries<ChatDict> = { ko, en };
/** The common strings plus this feature's. */
export const useChatI18n = () => useI18n<ChatDict>();
