// The chat endpoints (/api/v1/chat/rooms…). Opening a room is the marketplace's "채팅하기" (its own API module
// calls POST /chat/rooms); this feature reads rooms and history, and sends over HTTP only when STOMP is down.
import { uploadPhoto } from '../../../shared/api/photos';
import type { Transport } from '../../../shared/api/transport';
import type { ChatMessage, ChatMessagePage, ChatReadMark, ChatRoomDetail, ChatRoomPage } from '../../../shared/api/types';

/** What a message carries: a text, or a photo uploaded first (its media id). */
export type MessageContent = { text: string } | { photo_id: string };

const room = (id: string) => `/chat/rooms/${encodeURIComponent(id)}`;

export interface HistoryQuery {
  /** The messages after this seq, oldest first (a catch-up). */
  after?: number;
  /** The messages before this seq, newest first (older history). Neither: the newest, newest first. */
  before?: number;
  limit?: number;
}

export function createChatApi(http: Transport) {
  return {
    rooms: (query: { listing_id?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
      http.request<ChatRoomPage>('/chat/rooms', { query, auth: true, signal }),

    room: (id: string, signal?: AbortSignal) => http.request<ChatRoomDetail>(room(id), { auth: true, signal }),

    messages: (id: string, query: HistoryQuery, signal?: AbortSignal) =>
      http.request<ChatMessagePage>(`${room(id)}/messages`, { query: { ...query }, auth: true, signal }),

    /** The same as a STOMP SEND; a repeated client id answers the original message. */
    send: (id: string, content: MessageContent, clientId: string) =>
      http.request<ChatMessage>(`${room(id)}/messages`, { method: 'POST', body: { ...content, client_id: clientId }, auth: true }),

    uploadPhoto: (file: File, signal?: AbortSignal) => uploadPhoto(http, file, undefined, signal),

    markRead: (id: string, seq: number) =>
      http.request<ChatReadMark>(`${room(id)}/read`, { method: 'PUT', body: { seq }, auth: true }),
  };
}

export type ChatApi = ReturnType<typeof createChatApi>;
