import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRoomDetail } from '../../../shared/api/types';
import { TYPING_SHOWN_MS, createRoomState, isTyping, readMarkToSend, roomReducer, type RoomAction, type RoomState } from './room';
import { sortedMessages } from './timeline';

const ME = '7';
const THEM = '8';

function msg(seq: number, sender: string | null = THEM, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    room_id: '1',
    seq,
    kind: sender === null ? 'system' : 'text',
    body: sender === null ? 'reserved' : `m${seq}`,
    sender_id: sender,
    client_id: sender === null ? null : `c${seq}`,
    created_at: '2026-12-02T03:00:00Z',
    ...over,
  };
}

function room(over: Partial<ChatRoomDetail> = {}): ChatRoomDetail {
  return {
    id: '1',
    listing: { id: '40', title: '몬스테라', price: 15000, state: 'selling', thumbnail_url: '/media/x.webp' },
    seller_id: THEM,
    buyer_id: ME,
    role: 'buyer',
    other: { id: THEM, nickname: '초록손' },
    unread: 0,
    last_seq: 0,
    read_seq: 0,
    other_read_seq: 0,
    closed: false,
    created_at: '2026-12-02T03:00:00Z',
    last_message: null,
    present: [],
    ...over,
  };
}

const run = (actions: RoomAction[], s: RoomState = createRoomState('1', ME, THEM)) => actions.reduce(roomReducer, s);

describe('the room state', () => {
  it('takes the room: read marks never go back, a closed room stays closed, presence of the other party', () => {
    let s = run([{ type: 'room', room: room({ read_seq: 4, other_read_seq: 3, present: [ME, THEM] }) }]);
    expect(s).toMatchObject({ readSeq: 4, otherReadSeq: 3, otherPresent: true, closed: false });
    s = run([{ type: 'room', room: room({ read_seq: 2, other_read_seq: 1, closed: true, present: [ME] }) }], s);
    expect(s).toMatchObject({ readSeq: 4, otherReadSeq: 3, otherPresent: false, closed: true });
    expect(run([{ type: 'room', room: room({ read_seq: 2, other_read_seq: 1, closed: false, present: [ME] }) }], s)).toBe(s);
  });

  it('live events: messages merge by seq, read marks of each party, typing for a while, presence', () => {
    const now = 1_000_000;
    let s = run([
      { type: 'latest', page: { items: [msg(2, ME), msg(1)], more: false } },
      { type: 'event', now, event: { type: 'typing', userId: THEM } },
    ]);
    expect(isTyping(s, now + TYPING_SHOWN_MS - 1)).toBe(true);
    expect(isTyping(s, now + TYPING_SHOWN_MS)).toBe(false);
    // Their message ends "typing"; the same message again changes nothing.
    s = run([{ type: 'event', now, event: { type: 'message', message: msg(3), roomClosed: false } }], s);
    expect(isTyping(s, now)).toBe(false);
    expect(run([{ type: 'event', now, event: { type: 'message', message: msg(3), roomClosed: false } }], s)).toBe(s);
    // My own typing never comes back, but if it did it would not show.
    expect(run([{ type: 'event', now, event: { type: 'typing', userId: ME } }], s)).toBe(s);

    s = run([{ type: 'event', now, event: { type: 'read', userId: THEM, seq: 2 } }], s);
    expect(s.otherReadSeq).toBe(2);
    s = run([{ type: 'event', now, event: { type: 'read', userId: THEM, seq: 1 } }], s);
    expect(s.otherReadSeq).toBe(2);
    s = run([{ type: 'event', now, event: { type: 'read', userId: ME, seq: 3 } }], s);
    expect(s.readSeq).toBe(3);

    s = run([{ type: 'event', now, event: { type: 'presence', userId: THEM, present: true } }, { type: 'event', now, event: { type: 'typing', userId: THEM } }], s);
    expect(s.otherPresent).toBe(true);
    s = run([{ type: 'event', now, event: { type: 'presence', userId: THEM, present: false } }], s);
    expect(s.otherPresent).toBe(false);
    expect(isTyping(s, now)).toBe(false);
    expect(sortedMessages(s.timeline).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('a live message that closes the room, or a send refused as closed, stops the composer', () => {
    const s = run([{ type: 'event', now: 0, event: { type: 'message', message: msg(5, null, { body: 'sold' }), roomClosed: true } }]);
    expect(s.closed).toBe(true);
    const t = run([
      { type: 'send', pending: { clientId: 'p', text: 'x', at: 0, status: 'sending' } },
      { type: 'failed', clientId: 'p', error: 'closed' },
    ]);
    expect(t.closed).toBe(true);
    expect(t.timeline.pending[0].status).toBe('failed');
    const u = run([
      { type: 'send', pending: { clientId: 'p', text: 'x', at: 0, status: 'sending' } },
      { type: 'failed', clientId: 'p', error: 'offline' },
    ]);
    expect(u.closed).toBe(false);
  });

  it('sending: pending until the RECEIPT, which also moves my own read mark; a failed one is retried with its client id', () => {
    let s = run([
      { type: 'latest', page: { items: [msg(1)], more: false } },
      { type: 'send', pending: { clientId: 'p1', text: '네!', at: Date.UTC(2026, 11, 2), status: 'sending' } },
    ]);
    expect(s.timeline.pending).toHaveLength(1);
    s = run([{ type: 'failed', clientId: 'p1', error: 'offline' }, { type: 'retry', clientId: 'p1' }], s);
    expect(s.timeline.pending[0]).toMatchObject({ clientId: 'p1', status: 'sending' });
    s = run([{ type: 'sent', clientId: 'p1', seq: 2 }], s);
    expect(s.timeline.pending).toEqual([]);
    expect(sortedMessages(s.timeline).map((m) => [m.seq, m.body, m.sender_id])).toEqual([[1, 'm1', THEM], [2, '네!', ME]]);
    expect(s.readSeq).toBe(2);
    s = run([{ type: 'send', pending: { clientId: 'p2', text: 'x', at: 0, status: 'sending' } }, { type: 'discard', clientId: 'p2' }], s);
    expect(s.timeline.pending).toEqual([]);
  });

  it('sends a read mark only for messages not mine beyond the mark', () => {
    let s = run([{ type: 'latest', page: { items: [msg(3, ME), msg(2), msg(1)], more: false } }]);
    expect(readMarkToSend(s)).toBe(2);
    s = run([{ type: 'readSent', seq: 2 }], s);
    expect(readMarkToSend(s)).toBeNull();
    s = run([{ type: 'newer', page: { items: [msg(4, null), msg(5, ME)] } }], s);
    expect(readMarkToSend(s)).toBe(4);
    s = run([{ type: 'readSent', seq: 1 }], s);
    expect(s.readSeq).toBe(2);
  });
});
