import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, charCount, checkDraft, cleanText, createTypingThrottle, newClientId } from './draft';

describe('the composer text', () => {
  it('is sent as the server takes it: trimmed, \\n line breaks, no control characters', () => {
    expect(cleanText('  안녕하세요\r\n내일 가능할까요?\r\n\n ')).toBe('안녕하세요\n내일 가능할까요?');
    expect(cleanText('a\u0000b\u0007c\u007fd\te')).toBe('abcd\te');
    expect(cleanText('\u00a0nbsp\u00a0')).toBe('\u00a0nbsp\u00a0');
    expect(cleanText('broken \ud83d pair 🌿')).toBe('broken  pair 🌿');
    expect(cleanText('old\rmac')).toBe('old\nmac');
  });

  it('counts code points and refuses empty and too long texts', () => {
    expect(charCount('몬스테라🌿')).toBe(5);
    expect(checkDraft(' \n\t ')).toEqual({ text: '', length: 0, problem: 'empty' });
    expect(checkDraft('네')).toEqual({ text: '네', length: 1, problem: null });
    expect(checkDraft('🌿'.repeat(MAX_MESSAGE_CHARS)).problem).toBeNull();
    expect(checkDraft(`${'가'.repeat(MAX_MESSAGE_CHARS)}나`)).toMatchObject({ length: 1001, problem: 'too_long' });
    expect(checkDraft(`   ${'가'.repeat(MAX_MESSAGE_CHARS)}   `).problem).toBeNull();
  });

  it('client ids are UUIDs the server accepts', () => {
    const a = newClientId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newClientId()).not.toBe(a);
  });

  it('signals typing at most once per interval while typing, and at once after a send', () => {
    let now = 1000;
    const throttle = createTypingThrottle(2000, () => now);
    expect(throttle.shouldSend()).toBe(true);
    now += 1999;
    expect(throttle.shouldSend()).toBe(false);
    now += 1;
    expect(throttle.shouldSend()).toBe(true);
    now += 10;
    throttle.reset();
    expect(throttle.shouldSend()).toBe(true);
  });
});
