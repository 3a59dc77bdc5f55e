import { describe, expect, it } from 'vitest';
import { en } from '../i18n/common.en';
import { ko } from '../i18n/common.ko';
import { errorText } from './errorText';
import { ApiError } from './problem';

describe('errorText', () => {
  it('shows the server’s localised detail as it is', () => {
    const err = new ApiError(409, { code: 'account.username_taken', detail: '이미 사용 중인 아이디입니다.' });
    expect(errorText(err, ko)).toBe('이미 사용 중인 아이디입니다.');
    expect(errorText(err, en)).toBe('이미 사용 중인 아이디입니다.');
  });

  it('uses the client’s own words only when no response arrived', () => {
    expect(errorText(new ApiError(0, {}), ko)).toBe(ko.errors.network);
    expect(errorText(new ApiError(0, {}), en)).toBe(en.errors.network);
  });

  it('names the status when a response had no problem body, with the wait for a 429', () => {
    expect(errorText(new ApiError(502, {}), en)).toContain('HTTP 502');
    expect(errorText(new ApiError(429, {}, 30), ko)).toContain('30초');
  });

  it('falls back to an error’s message, then to a generic text', () => {
    expect(errorText(new Error('boom'), ko)).toBe('boom');
    expect(errorText('??', ko)).toBe(ko.errors.unknown);
  });
});
