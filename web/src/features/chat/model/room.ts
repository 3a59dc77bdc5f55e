// One open room's state, changed only by the actions below (the page's reducer): the timeline, both read
// marks, whether the room still takes messages, and what the other party is doing right now.
import type { ChatMessagePage, ChatRoomDetail } from '../../../shared/api/types';
import type { RoomEvent } from './events';
import {
  EMPTY_TIMELINE,
  addPending,
  confirmPending,
  discardPending,
  highestNotMine,
  mergeMessages,
  pendingFailed,
  pendingRetrying,
  pendingUploaded,
  withLatestPage,
  withOlderPage,
  type PendingMessage,
  type SendFailure,
  type Timeline,
} from './timeline';

/** How long "입력 중…" stays after the other party's last typing signal. */
export const TYPING_SHOWN_MS = 3000;

export interface RoomState {
  roomId: string;
  me: string;
  other: string;
  timeline: Timeline;
  /** The other party's read mark: my messages up to it are read. */
  otherReadSeq: number;
  /** My read mark as the server has it (or as I have just sent it). */
  readSeq: number;
  /** No new messages: the listing was sold or deleted (the room said so, or a live message did). */
  closed: boolean;
  /** The other party is typing until then (ms since the epoch); 0 when not. */
  typingUntil: number;
  /** The other party has the room open now. */
  otherPresent: boolean;
}

export type RoomAction =
  | { type: 'room'; room: ChatRoomDetail }
  | { type: 'latest'; page: Pick<ChatMessagePage, 'items' | 'more'> }
  | { type: 'older'; page: Pick<ChatMessagePage, 'items' | 'more'> }
  /** A page of `after=<highest>`: what was missed while not subscribed. */
  | { type: 'newer'; page: Pick<ChatMessagePage, 'items'> }
  | { type: 'event'; event: RoomEvent; now: number }
  | { type: 'send'; pending: PendingMessage }
  | { type: 'uploaded'; clientId: string; photo: { id: string; url: string } }
  | { type: 'sent'; clientId: string; seq: number }
  | { type: 'failed'; clientId: string; error: SendFailure }
  | { type: 'retry'; clientId: string }
  | { type: 'discard'; clientId: string }
  | { type: 'readSent'; seq: number };

export function createRoomState(roomId: string, me: string, other: string): RoomState {
  return { roomId, me, other, timeline: EMPTY_TIMELINE, otherReadSeq: 0, readSeq: 0, closed: false, typingUntil: 0, otherPresent: false };
}

function withTimeline(s: RoomState, timeline: Timeline): RoomState {
  return timeline === s.timeline ? s : { ...s, timeline };
}

function onEvent(s: RoomState, event: RoomEvent, now: number): RoomState {
  switch (event.type) {
    case 'message': {
      let next = withTimeline(s, mergeMessages(s.timeline, [event.message], s.me));
      if (event.message.sender_id === s.other && next.typingUntil) next = { ...next, typingUntil: 0 };
      if (event.roomClosed && !next.closed) next = { ...next, closed: true };
      return next;
    }
    case 'read':
      if (event.userId === s.other && event.seq > s.otherReadSeq) return { ...s, otherReadSeq: event.seq };
      if (event.userId === s.me && event.seq > s.readSeq) return { ...s, readSeq: event.seq };
      return s;
    case 'typing':
      return event.userId === s.other ? { ...s, typingUntil: now + TYPING_SHOWN_MS } : s;
    case 'presence':
      if (event.userId !== s.other || (s.otherPresent === event.present && (event.present || !s.typingUntil))) return s;
      return { ...s, otherPresent: event.present, typingUntil: event.present ? s.typingUntil : 0 };
  }
}

export function roomReducer(s: RoomState, a: RoomAction): RoomState {
  switch (a.type) {
    case 'room': {
      // A room read again (after a reconnect, a notice) never moves a mark back or reopens a closed room.
      const otherReadSeq = Math.max(s.otherReadSeq, a.room.other_read_seq);
      const readSeq = Math.max(s.readSeq, a.room.read_seq);
      const closed = s.closed || a.room.closed;
      const otherPresent = a.room.present.includes(s.other);
      if (otherReadSeq === s.otherReadSeq && readSeq === s.readSeq && closed === s.closed && otherPresent === s.otherPresent) return s;
      return { ...s, otherReadSeq, readSeq, closed, otherPresent };
    }
    case 'latest':
      return withTimeline(s, withLatestPage(s.timeline, a.page, s.me));
    case 'older':
      return withTimeline(s, withOlderPage(s.timeline, a.page, s.me));
    case 'newer':
      return withTimeline(s, mergeMessages(s.timeline, a.page.items, s.me));
    case 'event':
      return onEvent(s, a.event, a.now);
    case 'send':
      return withTimeline(s, addPending(s.timeline, a.pending));
    case 'uploaded':
      return withTimeline(s, pendingUploaded(s.timeline, a.clientId, a.photo));
    case 'sent': {
      const next = withTimeline(s, confirmPending(s.timeline, a.clientId, a.seq, s.roomId, s.me));
      // One's own message is read by one's self (the server moves the mark with it).
      return a.seq > next.readSeq ? { ...next, readSeq: a.seq } : next;
    }
    case 'failed': {
      const next = withTimeline(s, pendingFailed(s.timeline, a.clientId, a.error));
      return a.error === 'closed' && !next.closed ? { ...next, closed: true } : next;
    }
    case 'retry':
      return withTimeline(s, pendingRetrying(s.timeline, a.clientId));
    case 'discard':
      return withTimeline(s, discardPending(s.timeline, a.clientId));
    case 'readSent':
      return a.seq > s.readSeq ? { ...s, readSeq: a.seq } : s;
  }
}

/** The seq to send as my read mark now, or null when everything shown is read already. */
export function readMarkToSend(s: RoomState): number | null {
  const seq = highestNotMine(s.timeline, s.me);
  return seq > s.readSeq ? seq : null;
}

export function isTyping(s: RoomState, now: number): boolean {
  return s.typingUntil > now;
}
