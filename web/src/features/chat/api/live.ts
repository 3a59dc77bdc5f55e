// Sending into a room: over the STOMP connection when it is open (the RECEIPT says the message is stored and
// carries its seq), over HTTP when it is not (the same client id, so a message is stored once however it went).
import { ApiError } from '../../../shared/api/problem';
import type { ChatMessage } from '../../../shared/api/types';
import { PublishError, type ReceiptHeaders } from '../../../shared/realtime/types';
import type { SendFailure } from '../model/timeline';
import type { ChatApi, MessageContent } from './chatApi';

export const roomTopic = (roomId: string) => `/topic/rooms/${roomId}`;
const app = (roomId: string, action: 'messages' | 'read' | 'typing') => `/app/rooms/${roomId}/${action}`;

export interface RoomLinkDeps {
  publish(destination: string, body: unknown, headers?: Record<string, string>): Promise<ReceiptHeaders>;
  api: Pick<ChatApi, 'send' | 'markRead'>;
}

export interface Sent {
  seq: number;
  /** The stored message, when it went over HTTP (a RECEIPT carries only the seq). */
  message?: ChatMessage;
}

const notConnected = (e: unknown) => e instanceof PublishError && e.reason === 'not-connected';

export function createRoomLink(deps: RoomLinkDeps) {
  return {
    async send(roomId: string, content: MessageContent, clientId: string): Promise<Sent> {
      try {
        const receipt = await deps.publish(app(roomId, 'messages'), content, { 'client-message-id': clientId });
        const seq = Number(receipt.seq);
        if (!Number.isInteger(seq) || seq <= 0) throw new PublishError('closed', 'a RECEIPT without seq');
        return { seq };
      } catch (e) {
        if (!notConnected(e)) throw e;
        const message = await deps.api.send(roomId, content, clientId);
        return { seq: message.seq, message };
      }
    },

    async markRead(roomId: string, seq: number): Promise<void> {
      try {
        await deps.publish(app(roomId, 'read'), { seq });
      } catch (e) {
        if (!notConnected(e)) throw e;
        await deps.api.markRead(roomId, seq);
      }
    },

    /** "입력 중…" for the other party; only over an open connection, and losing one does not matter. */
    typing(roomId: string): void {
      deps.publish(app(roomId, 'typing'), {}).catch(() => {});
    },
  };
}

export type RoomLink = ReturnType<typeof createRoomLink>;

/** Why a send failed, in the words the page has for it. */
export function sendFailure(error: unknown): SendFailure {
  if (error instanceof PublishError) {
    if (error.reason === 'refused') return /room closed/.test(error.message) ? 'closed' : /bad photo/.test(error.message) ? 'photo' : 'failed';
    return 'offline'; // the connection ended (or stalled) before the RECEIPT: retry with the same id
  }
  if (error instanceof ApiError) {
    if (error.code === 'chat.room_closed') return 'closed';
    if (error.code.startsWith('chat.photo_') || error.code.startsWith('media.')) return 'photo';
    if (error.isNetwork || error.status >= 500) return 'offline';
  }
  return 'failed';
}
