import { describe, expect, it } from 'vitest';
import { checkCode, checkEmail, checkNickname, checkPassword, checkUsername } from './validation';

describe('client-side signup rules', () => {
  it('username: 4-20 of [a-z0-9_]', () => {
    expect(checkUsername('abc')).toBe('usernameLength');
    expect(checkUsername('abcd')).toBeNull();
    expect(checkUsername('a_b_1234')).toBeNull();
    expect(checkUsername('a'.repeat(21))).toBe('usernameLength');
    expect(checkUsername('Abcd')).toBe('usernameChars');
    expect(checkUsername('ab-cd')).toBe('usernameChars');
    expect(checkUsername('')).toBe('required');
  });

  it('nickname: 2-16 characters incl. Hangul, no control characters', () => {
    expect(checkNickname('초록')).toBeNull();
    expect(checkNickname('초')).toBe('nicknameLength');
    expect(checkNickname('가'.repeat(16))).toBeNull();
    expect(checkNickname('가'.repeat(17))).toBe('nicknameLength');
    expect(checkNickname('ab\u0007')).toBe('nicknameControl');
  });

  it('email', () => {
    expect(checkEmail('a@example.com')).toBeNull();
    expect(checkEmail('nope')).toBe('emailInvalid');
    expect(checkEmail(`${'a'.repeat(250)}@b.co`)).toBe('emailTooLong');
  });

  it('password: 8-64, two of letters/digits/symbols, not the username', () => {
    expect(checkPassword('short1')).toBe('passwordLength');
    expect(checkPassword('abcdefgh')).toBe('passwordClasses');
    expect(checkPassword('12345678')).toBe('passwordClasses');
    expect(checkPassword('abcd1234')).toBeNull();
    expect(checkPassword('비밀번호!!!!')).toBeNull();
    expect(checkPassword('plant_01', 'plant_01')).toBe('passwordSameAsUsername');
    expect(checkPassword('x1'.repeat(33))).toBe('passwordLength');
  });

  it('code: 6 digits', () => {
    expect(checkCode('123456')).toBeNull();
    expect(checkCode('12345')).toBe('codeFormat');
    expect(checkCode('12a456')).toBe('codeFormat');
  });
});
