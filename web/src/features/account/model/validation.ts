// Client-side checks mirroring the server's signup rules (api.md). The server stays authoritative.
import type { AccountDict as Dict } from '../i18n/ko';

export type ValidationKey = keyof Dict['validation'];

const CONTROL = /\p{Cc}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{Nd}\s]/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const USERNAME = /^[a-z0-9_]+$/;

/** Length in Unicode code points (what users see as characters, for Hangul too). */
export function charLength(s: string): number {
  return Array.from(s).length;
}

export function checkUsername(v: string): ValidationKey | null {
  if (!v) return 'required';
  const n = charLength(v);
  if (!USERNAME.test(v)) return 'usernameChars';
  if (n < 4 || n > 20) return 'usernameLength';
  return null;
}

export function checkNickname(v: string): ValidationKey | null {
  if (!v) return 'required';
  if (CONTROL.test(v)) return 'nicknameControl';
  const n = charLength(v);
  if (n < 2 || n > 16) return 'nicknameLength';
  return null;
}

export function checkEmail(v: string): ValidationKey | null {
  if (!v) return 'required';
  if (v.length > 254) return 'emailTooLong';
  if (!EMAIL.test(v)) return 'emailInvalid';
  return null;
}

export function passwordClassCount(v: string): number {
  return [LETTER, DIGIT, SYMBOL].filter((re) => re.test(v)).length;
}

export function checkPassword(v: string, username?: string): ValidationKey | null {
  if (!v) return 'required';
  const n = charLength(v);
  if (n < 8 || n > 64) return 'passwordLength';
  if (passwordClassCount(v) < 2) return 'passwordClasses';
  if (username && v.toLowerCase() === username.toLowerCase()) return 'passwordSameAsUsername';
  return null;
}

export function checkCode(v: string): ValidationKey | null {
  if (!v) return 'required';
  return /^\d{6}$/.test(v) ? null : 'codeFormat';
}
