import { describe, expect, it } from 'vitest';
import { parseRoomEvent } from './events';

const message = { room_id: '3', seq: 2, kind: 'text', body: '안녕', sender_id: '7', client_id: 'c', created_at: '2026-12-02T03:00:00Z' };

describe('room events', () => {
  it('reads the four kinds the room topic carries', () => {
    expect(parseRoomEvent(JSON.stringify({ type: 'message', message, room_closed: false }))).toEqual({ type: 'message', message, roomClosed: false });
    const notice = { ...message, seq: 3, kind: 'system', body: 'sold', sender_id: null, client_id: null };
    expect(parseRoomEvent(JSON.stringify({ type: 'message', message: notice, room_closed: true }))).toEqual({ type: 'message', message: notice, roomClosed: true });
    expect(parseRoomEvent('{"type":"read","room_id":"3","user_id":"8","seq":2}')).toEqual({ type: 'read', userId: '8', seq: 2 });
    expect(parseRoomEvent('{"type":"typing","room_id":"3","user_id":"8"}')).toEqual({ type: 'typing', userId: '8' });
    expect(parseRoomEvent('{"type":"presence","room_id":"3","user_id":"8","present":false}')).toEqual({ type: 'presence', userId: '8', present: false });
  });

  it('ignores what it does not understand', () => {
    for (const body of [
      'not json',
      'null',
      '[]',
      '{"type":"dance"}',
      JSON.stringify({ type: 'message', message: { ...message, seq: 0 } }),
      JSON.stringify({ type: 'message', message: { ...message, kind: 'video' } }),
      JSON.stringify({ type: 'message', message: { ...message, body: 5 } }),
      '{"type":"read","user_id":8,"seq":2}',
      '{"type":"read","user_id":"8","seq":-1}',
      '{"type":"typing"}',
      '{"type":"presence","user_id":"8","present":"yes"}',
    ]) {
      expect(parseRoomEvent(body), body).toBeNull();
    }
  });
});
