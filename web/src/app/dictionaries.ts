import { commonDictionaries, mergeDictionaries, type Dictionaries } from '../shared/i18n';
import { FEATURES } from './features';

/** Every part's strings: the common part first, then each feature's. */
export const DICTIONARY_PARTS: readonly Dictionaries[] = [commonDictionaries, ...FEATURES.map((f) => f.dictionaries)];

export const dictionaries = mergeDictionaries(DICTIONARY_PARTS);
