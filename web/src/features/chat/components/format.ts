// How chat times, day lines, notices and previews read.
import type { ChatMessage, Lang } from '../../../shared/api/types';
import type { ChatTexts } from '../i18n';

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/** "오후 3:05" / "3:05 PM". */
export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(LOCALES[lang], { hour: 'numeric', minute: '2-digit' });
}

/** A day line: "2026년 12월 2일 수요일" / "Wednesday, December 2, 2026" (`day` is YYYY-MM-DD). */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString(LOCALES[lang], {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  });
}

/** A system notice's words (its body names it: reserved, selling, sold, deleted). */
export function noticeText(body: string, t: ChatTexts): string {
  const known = t.chatNotice as Record<string, string>;
  return body !== 'other' && Object.prototype.hasOwnProperty.call(known, body) ? known[body] : t.chatNotice.other;
}

/** The room list's one line of the last message. */
export function previewText(m: ChatMessage | null | undefined, t: ChatTexts): string {
  if (!m) return t.chat.noMessages;
  if (m.kind === 'system') return noticeText(m.body, t);
  if (m.kind === 'photo') return t.chat.photo;
  return m.body.replace(/\s+/g, ' ');
}

/** Why the composer is off, from the listing's state. */
export function closedText(state: string, t: ChatTexts): string {
  if (state === 'sold') return t.chatRoom.closedSold;
  if (state === 'deleted') return t.chatRoom.closedDeleted;
  return t.chatRoom.closedOther;
}
