import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/api/types';
import { buildRows, dayKey, lastReadOfMine } from './rows';

const ME = '7';
const THEM = '8';

function msg(seq: number, sender: string | null, at: string, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    room_id: '1',
    seq,
    kind: sender === null ? 'system' : 'text',
    body: sender === null ? 'reserved' : `m${seq}`,
    sender_id: sender,
    client_id: null,
    created_at: at,
    ...over,
  };
}

describe('room rows', () => {
  it('days are calendar days in the given time zone', () => {
    expect(dayKey('2026-12-01T15:30:00Z', 'Asia/Seoul')).toBe('2026-12-02');
    expect(dayKey('2026-12-01T15:30:00Z', 'UTC')).toBe('2026-12-01');
  });

  it('a date line per day, notices apart, names at the start of their runs, times at the end of a minute’s run, 읽음 once', () => {
    const messages = [
      msg(1, THEM, '2026-12-01T14:00:00Z'), // 23:00 in Seoul, 1 Dec
      msg(2, THEM, '2026-12-01T14:00:30Z'),
      msg(3, ME, '2026-12-01T15:10:00Z'), // 00:10, 2 Dec
      msg(4, ME, '2026-12-01T15:10:20Z'),
      msg(5, ME, '2026-12-01T15:11:00Z'),
      msg(6, null, '2026-12-01T15:12:00Z'),
      msg(7, ME, '2026-12-01T15:13:00Z'),
      msg(8, THEM, '2026-12-01T15:14:00Z'),
    ];
    const rows = buildRows(messages, [{ clientId: 'p', text: '곧 갈게요', at: Date.parse('2026-12-02T01:00:00Z'), status: 'sending' }], {
      me: ME,
      otherReadSeq: 5,
      timeZone: 'Asia/Seoul',
    });
    expect(
      rows.map((r) =>
        r.kind === 'day'
          ? `day ${r.day}`
          : r.kind === 'notice'
            ? `notice ${r.message.seq}`
            : r.kind === 'pending'
              ? `pending ${r.pending.clientId}`
              : `${r.message.seq}${r.mine ? ' mine' : ''}${r.first ? ' first' : ''}${r.showTime ? ' time' : ''}${r.read ? ' read' : ''}`,
      ),
    ).toEqual([
      'day 2026-12-01',
      '1 first',
      '2 time',
      'day 2026-12-02',
      '3 mine first',
      '4 mine time',
      '5 mine time read',
      'notice 6',
      '7 mine first time',
      '8 first time',
      'pending p',
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('a run breaks at a new day even between the same sender’s messages in the same minute', () => {
    const rows = buildRows([msg(1, THEM, '2026-12-01T14:59:59Z'), msg(2, THEM, '2026-12-01T15:00:01Z')], [], {
      me: ME,
      otherReadSeq: 0,
      timeZone: 'Asia/Seoul',
    });
    expect(rows.filter((r) => r.kind === 'message').map((r) => r.kind === 'message' && [r.first, r.showTime])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('읽음 goes under my newest message the other party has read', () => {
    const m = [msg(1, ME, 'x'), msg(2, THEM, 'x'), msg(3, ME, 'x'), msg(4, ME, 'x')];
    expect(lastReadOfMine(m, ME, 0)).toBeNull();
    expect(lastReadOfMine(m, ME, 2)).toBe(1);
    expect(lastReadOfMine(m, ME, 3)).toBe(3);
    expect(lastReadOfMine(m, ME, 99)).toBe(4);
  });
});
