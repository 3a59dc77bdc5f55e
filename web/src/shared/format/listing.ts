// How a marketplace listing's price and age read. Shared because the encyclopedia's species page shows
// listings and a price guide too (a feature may not import another feature).
import type { CommonDict } from '../i18n/common.ko';
import { fmt, type Lang } from '../i18n/core';

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/** 1000 → "1,000", with the language's digit grouping. */
export function formatCount(n: number, lang: Lang): string {
  return Math.round(n).toLocaleString(LOCALES[lang]);
}

/** 25000 → "25,000원" / "₩25,000" (whole won; the API has no fractions). */
export function formatWon(amount: number, t: Pick<CommonDict, 'price'>, lang: Lang): string {
  return fmt(t.price.won, { amount: formatCount(amount, lang) });
}

/** A listing's price: 0 is 나눔 (free), anything else in won. */
export function formatPrice(price: number, t: Pick<CommonDict, 'price'>, lang: Lang): string {
  return price === 0 ? t.price.free : formatWon(price, t, lang);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The calendar day of `ms` in Korea (UTC+9, no daylight saving), as a day number. */
function seoulDay(ms: number): number {
  return Math.floor((ms + 9 * HOUR) / DAY);
}

/**
 * "방금 전", "3분 전", "2시간 전", "어제", "3일 전", "2주 전", "5달 전", "1년 전" — how long ago `iso` was, seen at
 * `now`. Within the same day hours are counted; "어제" is the previous calendar day in Korea. A time slightly in
 * the future (clock skew) reads as just now.
 */
export function relativeTime(iso: string, now: number, t: Pick<CommonDict, 'when'>): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = now - then;
  if (diff < MINUTE) return t.when.justNow;
  if (diff < HOUR) return fmt(t.when.minutes, { n: Math.floor(diff / MINUTE) });
  const days = seoulDay(now) - seoulDay(then);
  if (days <= 0 || diff < 6 * HOUR) return fmt(t.when.hours, { n: Math.floor(diff / HOUR) });
  if (days === 1) return t.when.yesterday;
  if (days < 7) return fmt(t.when.days, { n: days });
  if (days < 30) return fmt(t.when.weeks, { n: Math.floor(days / 7) });
  if (days < 365) return fmt(t.when.months, { n: Math.floor(days / 30) });
  return fmt(t.when.years, { n: Math.floor(days / 365) });
}
