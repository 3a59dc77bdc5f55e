import { accountDictionaries } from '../features/account/i18n';
import { devDictionaries } from '../features/dev/i18n';
import { homeDictionaries } from '../features/home/i18n';
import { plantsDictionaries } from '../features/plants/i18n';
import { commonDictionaries, mergeDictionaries, type Dictionaries } from '../shared/i18n';

/** Every part's strings: the common part first, then each feature's. */
export const DICTIONARY_PARTS: readonly Dictionaries[] = [
  commonDictionaries,
  homeDictionaries,
  accountDictionaries,
  plantsDictionaries,
  devDictionaries,
];

export const dictionaries = mergeDictionaries(DICTIONARY_PARTS);
