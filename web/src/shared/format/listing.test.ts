import { describe, expect, it } from 'vitest';
import { en } from '../i18n/common.en';
import { ko } from '../i18n/common.ko';
import { formatCount, formatPrice, formatWon, relativeTime } from './listing';

describe('prices', () => {
  it('writes won with separators, 0 as 나눔', () => {
    expect(formatPrice(25000, ko, 'ko')).toBe('25,000원');
    expect(formatPrice(100_000_000, ko, 'ko')).toBe('100,000,000원');
    expect(formatPrice(500, ko, 'ko')).toBe('500원');
    expect(formatPrice(0, ko, 'ko')).toBe('나눔');
    expect(formatPrice(0, en, 'en')).toBe('Free');
    expect(formatPrice(1234567, en, 'en')).toBe('₩1,234,567');
    expect(formatWon(0, ko, 'ko')).toBe('0원');
  });
});

describe('counts', () => {
  it('group digits the way the language does', () => {
    expect(formatCount(1000, 'ko')).toBe('1,000');
    expect(formatCount(12345.4, 'en')).toBe('12,345');
  });
});

describe('relative time', () => {
  // 2026-03-10 15:00 in Seoul.
  const now = Date.parse('2026-03-10T06:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const MIN = 60_000;
  const HOUR = 60 * MIN;

  it('counts minutes and hours of the same day', () => {
    expect(relativeTime(ago(10_000), now, ko)).toBe('방금 전');
    expect(relativeTime(ago(3 * MIN + 5000), now, ko)).toBe('3분 전');
    expect(relativeTime(ago(59 * MIN), now, ko)).toBe('59분 전');
    expect(relativeTime(ago(2 * HOUR + MIN), now, ko)).toBe('2시간 전');
    expect(relativeTime(ago(14 * HOUR), now, ko)).toBe('14시간 전');
  });

  it('says 어제 for the previous day in Korea, then days, weeks, months, years', () => {
    expect(relativeTime(ago(16 * HOUR), now, ko)).toBe('어제'); // 23:00 the day before
    expect(relativeTime(ago(38 * HOUR), now, ko)).toBe('어제'); // 01:00 the day before
    expect(relativeTime(ago(40 * HOUR), now, ko)).toBe('2일 전');
    expect(relativeTime(ago(6 * 24 * HOUR), now, ko)).toBe('6일 전');
    expect(relativeTime(ago(14 * 24 * HOUR), now, ko)).toBe('2주 전');
    expect(relativeTime(ago(65 * 24 * HOUR), now, ko)).toBe('2달 전');
    expect(relativeTime(ago(400 * 24 * HOUR), now, ko)).toBe('1년 전');
  });

  it('reads shortly after midnight as hours, not 어제', () => {
    const justAfterMidnight = Date.parse('2026-03-09T15:10:00Z'); // 00:10 in Seoul
    expect(relativeTime('2026-03-09T14:50:00Z', justAfterMidnight, ko)).toBe('20분 전');
    expect(relativeTime('2026-03-09T13:00:00Z', justAfterMidnight, ko)).toBe('2시간 전');
  });

  it('treats a time in the future as just now, and bad input as nothing', () => {
    expect(relativeTime(new Date(now + 5000).toISOString(), now, ko)).toBe('방금 전');
    expect(relativeTime('nope', now, ko)).toBe('');
    expect(relativeTime(ago(3 * MIN), now, en)).toBe('3 min ago');
    expect(relativeTime(ago(30 * HOUR), now, en)).toBe('yesterday');
  });
});
