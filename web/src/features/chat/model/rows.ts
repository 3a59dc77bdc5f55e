// The timeline laid out as rows: a date line where the day changes, centred notices, and bubbles grouped
// by sender (the name starts a group of theirs, the time ends a run within one minute), "읽음" under my last
// message the other party has read, and my unsent messages at the end.
import type { ChatMessage } from '../../../shared/api/types';
import type { PendingMessage } from './timeline';

export type Row =
  | { kind: 'day'; key: string; day: string; at: string }
  | { kind: 'notice'; key: string; message: ChatMessage }
  | {
      kind: 'message';
      key: string;
      message: ChatMessage;
      mine: boolean;
      /** The first of a run of one sender's messages (theirs show the name there). */
      first: boolean;
      /** The last of a run within one minute: the time goes here. */
      showTime: boolean;
      /** My last message the other party has read. */
      read: boolean;
    }
  | { kind: 'pending'; key: string; pending: PendingMessage };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone (the browser's when not given), as YYYY-MM-DD. */
export function dayKey(at: string | number, timeZone?: string): string {
  const zone = timeZone ?? '';
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, f);
  }
  return f.format(typeof at === 'number' ? at : Date.parse(at));
}

const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/** My newest message at or before the other party's read mark. */
export function lastReadOfMine(messages: readonly ChatMessage[], me: string, otherReadSeq: number): number | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.seq <= otherReadSeq && m.sender_id === me && m.kind !== 'system') return m.seq;
  }
  return null;
}

export function buildRows(
  messages: readonly ChatMessage[],
  pending: readonly PendingMessage[],
  options: { me: string; otherReadSeq: number; timeZone?: string },
): Row[] {
  const { me, otherReadSeq, timeZone } = options;
  const rows: Row[] = [];
  const readSeq = lastReadOfMine(messages, me, otherReadSeq);
  let day = '';
  const dayLine = (at: string) => {
    const d = dayKey(at, timeZone);
    if (d === day) return;
    day = d;
    rows.push({ kind: 'day', key: `day-${d}`, day: d, at });
  };
  messages.forEach((m, i) => {
    const prev = messages[i - 1];
    const next = messages[i + 1];
    const newDay = dayKey(m.created_at, timeZone) !== day;
    dayLine(m.created_at);
    if (m.kind === 'system') {
      rows.push({ kind: 'notice', key: `m-${m.seq}`, message: m });
      return;
    }
    const sameAsPrev = !newDay && !!prev && prev.kind !== 'system' && prev.sender_id === m.sender_id;
    const nextJoins =
      !!next &&
      next.kind !== 'system' &&
      next.sender_id === m.sender_id &&
      minute(next.created_at) === minute(m.created_at) &&
      dayKey(next.created_at, timeZone) === dayKey(m.created_at, timeZone);
    rows.push({
      kind: 'message',
      key: `m-${m.seq}`,
      message: m,
      mine: m.sender_id === me,
      first: !sameAsPrev,
      showTime: !nextJoins,
      read: m.seq === readSeq,
    });
  });
  for (const p of pending) {
    dayLine(new Date(p.at).toISOString());
    rows.push({ kind: 'pending', key: `p-${p.clientId}`, pending: p });
  }
  return rows;
}
