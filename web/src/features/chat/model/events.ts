// What arrives on a room's topic (/topic/rooms/<id>), as docs/openapi.yaml (/ws) describes it:
//   {"type":"message","message":ChatMessage,"room_closed":bool}
//   {"type":"read","user_id","seq"}      a read mark moved (the other party's: my messages show 읽음)
//   {"type":"typing","user_id"}          never sent back to the one typing
//   {"type":"presence","user_id","present"}
// Anything else, or anything malformed, is ignored.
import type { ChatMessage } from '../../../shared/api/types';

export type RoomEvent =
  | { type: 'message'; message: ChatMessage; roomClosed: boolean }
  | { type: 'read'; userId: string; seq: number }
  | { type: 'typing'; userId: string }
  | { type: 'presence'; userId: string; present: boolean };

const KINDS = new Set(['text', 'photo', 'system']);

function isMessage(v: unknown): v is ChatMessage {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  return (
    typeof m.room_id === 'string' &&
    Number.isInteger(m.seq) &&
    (m.seq as number) > 0 &&
    typeof m.kind === 'string' &&
    KINDS.has(m.kind) &&
    typeof m.body === 'string' &&
    (m.sender_id === null || typeof m.sender_id === 'string') &&
    (m.client_id === null || m.client_id === undefined || typeof m.client_id === 'string') &&
    typeof m.created_at === 'string'
  );
}

export function parseRoomEvent(body: string): RoomEvent | null {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  switch (e.type) {
    case 'message':
      return isMessage(e.message) ? { type: 'message', message: e.message, roomClosed: e.room_closed === true } : null;
    case 'read':
      return typeof e.user_id === 'string' && Number.isInteger(e.seq) && (e.seq as number) >= 0
        ? { type: 'read', userId: e.user_id, seq: e.seq as number }
        : null;
    case 'typing':
      return typeof e.user_id === 'string' ? { type: 'typing', userId: e.user_id } : null;
    case 'presence':
      return typeof e.user_id === 'string' && typeof e.present === 'boolean'
        ? { type: 'presence', userId: e.user_id, present: e.present }
        : null;
    default:
      return null;
  }
}
