// The i18n core: the current language (kept in localStorage, mirrored to <html lang> and sent as
// Accept-Language by the transport), one dictionary per language merged from the common part and every
// feature's part, and the useI18n hook that gives a component the merged dictionary.
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Lang } from '../api/types';
import type { CommonDict } from './common.ko';

export type { Lang };
export const LANGS: readonly Lang[] = ['ko', 'en'];
export const LANG_STORAGE_KEY = 'sikgu.lang';

/** One part's strings in each language (the common part, or one feature's). Top-level keys are namespaces. */
export interface Dictionaries<D extends object = object> {
  ko: D;
  en: D;
}

/** Fill {name} placeholders. Unknown placeholders are left as they are. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Look up a code in a flat map (e.g. t.codes.light), falling back to the code itself. */
export function label(map: Record<string, string>, code: string | null | undefined, fallback = ''): string {
  if (code === null || code === undefined || code === '') return fallback;
  return Object.prototype.hasOwnProperty.call(map, code) ? map[code] : code;
}

/**
 * Merge parts into one dictionary per language. Each namespace (top-level key) belongs to exactly one part:
 * two parts defining the same namespace is a programming error and throws.
 */
export function mergeDictionaries(parts: readonly Dictionaries[]): Dictionaries<Record<string, unknown>> {
  const out: Dictionaries<Record<string, unknown>> = { ko: {}, en: {} };
  for (const part of parts) {
    for (const lang of LANGS) {
      for (const [ns, value] of Object.entries(part[lang])) {
        if (ns in out[lang]) throw new Error(`i18n namespace "${ns}" is defined twice`);
        out[lang][ns] = value;
      }
    }
  }
  return out;
}

export function readStoredLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return v === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

// The current language lives outside React so that the transport can read it for every call.
let currentLang: Lang = readStoredLang();
const langListeners = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = currentLang;

export const getCurrentLang = (): Lang => currentLang;

export function subscribeLang(listener: () => void): () => void {
  langListeners.add(listener);
  return () => langListeners.delete(listener);
}

export function setCurrentLang(l: Lang): void {
  if (l === currentLang) return;
  currentLang = l;
  try {
    localStorage.setItem(LANG_STORAGE_KEY, l);
  } catch {
    /* storage unavailable: keep it for this page only */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l;
  for (const fn of [...langListeners]) fn();
}

export interface I18nValue<D extends object = object> {
  lang: Lang;
  /** The common strings plus the asking feature's (every registered part is there at run time). */
  t: CommonDict & D;
  setLang: (l: Lang) => void;
  toggle: () => void;
}

const I18nContext = createContext<Dictionaries<Record<string, unknown>> | null>(null);

/** Provides the merged dictionaries (see mergeDictionaries); the language itself is global. */
export function I18nProvider({ dictionaries, children }: { dictionaries: Dictionaries<Record<string, unknown>>; children: ReactNode }) {
  return <I18nContext.Provider value={dictionaries}>{children}</I18nContext.Provider>;
}

/**
 * The dictionary of the current language. A feature asks for its own part's type:
 * `useI18n<PlantsDict>()` (each feature wraps this in its own hook, e.g. usePlantsI18n).
 */
export function useI18n<D extends object = object>(): I18nValue<D> {
  const dictionaries = useContext(I18nContext);
  if (!dictionaries) throw new Error('useI18n outside I18nProvider');
  const lang = useSyncExternalStore(subscribeLang, getCurrentLang, getCurrentLang);
  const setLang = useCallback((l: Lang) => setCurrentLang(l), []);
  return useMemo(
    () => ({
      lang,
      t: dictionaries[lang] as unknown as CommonDict & D,
      setLang,
      toggle: () => setCurrentLang(lang === 'ko' ? 'en' : 'ko'),
    }),
    [dictionaries, lang, setLang],
  );
}
