// Remembers when a verification code was last mailed, per address, so the resend cooldown
// survives page changes and reloads within the tab.
export const RESEND_COOLDOWN_S = 60;
const KEY = 'sikgu.codeSentAt.';

export function markCodeSent(email: string, at = Date.now()): void {
  try {
    sessionStorage.setItem(KEY + email.toLowerCase(), String(at));
  } catch {
    /* ignore */
  }
}

export function cooldownLeft(email: string, now = Date.now()): number {
  try {
    const v = Number(sessionStorage.getItem(KEY + email.toLowerCase()));
    if (!v) return 0;
    return Math.max(0, Math.ceil(RESEND_COOLDOWN_S - (now - v) / 1000));
  } catch {
    return 0;
  }
}
