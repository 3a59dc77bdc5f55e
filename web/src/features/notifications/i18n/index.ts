import { useI18n, type CommonDict, type Dictionaries } from '../../../shared/i18n';
import { en } from './en';
import { ko, type NotificationsDict } from './ko';

export type { NotificationsDict };
/** What this feature's components see as `t`. */
export type NotificationsTexts = CommonDict & NotificationsDict;
export const notificationsDictionaries: Dictionaries<NotificationsDict> = { ko, en };
/** The common strings plus this feature's. */
export const useNotificationsI18n = () => useI18n<NotificationsDict>();
