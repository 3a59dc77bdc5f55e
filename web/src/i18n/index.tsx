import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../shared/api/types';
import { en } from './en';
import { ko, type Dict } from './ko';

export type { Dict };
export const dictionaries: Record<Lang, Dict> = { ko, en };
export const LANG_STORAGE_KEY = 'sikgu.lang';

/** Fill {name} placeholders. Unknown placeholders are left as they are. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Look up a code in a flat map (e.g. t.codes.light), falling back to the code itself. */
export function label(map: Record<string, string>, code: string | null | undefined, fallback = ''): string {
  if (code === null || code === undefined || code === '') return fallback;
  return Object.prototype.hasOwnProperty.call(map, code) ? map[code] : code;
}

export function readStoredLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return v === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

// The API client reads the current language from here so every call sends Accept-Language.
let currentLang: Lang = readStoredLang();
if (typeof document !== 'undefined') document.documentElement.lang = currentLang;
export const getCurrentLang = (): Lang => currentLang;

interface I18nValue {
  lang: Lang;
  t: Dict;
  setLang: (l: Lang) => void;
  toggle: () => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);

  const setLang = useCallback((l: Lang) => {
    currentLang = l;
    try {
      localStorage.setItem(LANG_STORAGE_KEY, l);
    } catch {
      /* storage unavailable: keep it for this page only */
    }
    setLangState(l);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18nValue>(
    () => ({ lang, t: dictionaries[lang], setLang, toggle: () => setLang(lang === 'ko' ? 'en' : 'ko') }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
