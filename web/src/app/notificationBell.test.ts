import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/common.en';
import { ko } from '../shared/i18n/common.ko';
import { badgeText, bellLabel } from './notificationBell';

describe('the notification bell', () => {
  it('shows no badge at 0, the count up to 99, then 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(12345)).toBe('99+');
  });

  it('says how many are unread, in each language', () => {
    expect(bellLabel(0, ko)).toBe('알림');
    expect(bellLabel(3, ko)).toBe('알림 3개 안 읽음');
    expect(bellLabel(150, ko)).toBe('알림 150개 안 읽음');
    expect(bellLabel(0, en)).toBe('Notifications');
    expect(bellLabel(3, en)).toBe('Notifications, 3 unread');
  });
});
