// The composer's text as the server will take it. The server refuses (and, over STOMP, ends the connection
// for) a text that is empty after trimming, longer than 1000 characters (code points), or holds control
// characters other than newline and tab; so the client sends only what passes the same rules.

export const MAX_MESSAGE_CHARS = 1000;
/** The counter appears from here on. */
export const COUNTER_FROM = 900;

// C0 controls but tab and newline, and DEL; lone UTF-16 surrogates (they would not survive UTF-8).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// The server trims exactly these.
const EDGE_SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;

/** Line breaks as \n, no control characters, no spaces or blank lines around it. */
export function cleanText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '').replace(EDGE_SPACE, '');
}

/** Characters as the server counts them (code points: an emoji is one, as is each Hangul syllable). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

export interface Draft {
  /** What would be sent. */
  text: string;
  length: number;
  problem: 'empty' | 'too_long' | null;
}

export function checkDraft(raw: string): Draft {
  const text = cleanText(raw);
  const length = charCount(text);
  return { text, length, problem: length === 0 ? 'empty' : length > MAX_MESSAGE_CHARS ? 'too_long' : null };
}

/** A client message id: a UUID (printable ASCII, as the server requires), also where randomUUID is missing. */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < b.length; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** At most one typing signal per `intervalMs` while the user types. */
export function createTypingThrottle(intervalMs = 2000, now: () => number = Date.now) {
  let last = -Infinity;
  return {
    /** True when a signal should go now (and counts it as sent). */
    shouldSend(): boolean {
      const t = now();
      if (t - last < intervalMs) return false;
      last = t;
      return true;
    },
    /** After sending a message: the next keystroke may signal again at once. */
    reset(): void {
      last = -Infinity;
    },
  };
}
