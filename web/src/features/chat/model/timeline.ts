// A room's messages as the page shows them: the stored ones keyed by seq (so that a message that arrives twice,
// live and again in a catch-up page, is there once, and the order is the server's), plus my messages that are
// not stored yet (pending until their RECEIPT, or failed and waiting for a retry with the same client id).
//
// Every function returns a new timeline, or the same object when nothing changed (React skips the render).
import type { ChatMessage, ChatMessagePage } from '../../../shared/api/types';

export type SendFailure = 'closed' | 'offline' | 'failed' | 'photo';

/** A photo on its way: uploaded first (then `uploaded` is known), then sent by its id. */
export interface PendingPhoto {
  file: File;
  /** A local object URL of the file, shown until the stored message replaces the bubble. */
  previewUrl: string;
  uploaded?: { id: string; url: string };
}

export interface PendingMessage {
  /** The client message id: the same on every retry, so the server stores the message once. */
  clientId: string;
  /** The text; empty for a photo. */
  text: string;
  photo?: PendingPhoto;
  /** When it was written (ms since the epoch). */
  at: number;
  status: 'sending' | 'failed';
  error?: SendFailure;
}

export interface Timeline {
  /** Stored messages by seq. */
  readonly messages: ReadonlyMap<number, ChatMessage>;
  /** Their seqs, ascending. */
  readonly order: readonly number[];
  /** Messages older than the oldest loaded one exist (the latest or an older page said `more`). */
  readonly hasOlder: boolean;
  /** The newest page has been loaded once (before that, nothing is known of the room's history). */
  readonly loaded: boolean;
  /** My messages not stored yet, in the order written. */
  readonly pending: readonly PendingMessage[];
}

export const EMPTY_TIMELINE: Timeline = { messages: new Map(), order: [], hasOlder: false, loaded: false, pending: [] };

function same(a: ChatMessage, b: ChatMessage): boolean {
  return a.body === b.body && a.created_at === b.created_at && a.kind === b.kind && a.client_id === b.client_id;
}

/**
 * Take in stored messages in any order, from any source (a page, a live event, a RECEIPT). A seq already
 * there is kept once (the server's copy wins over one made here from a RECEIPT); my pending message with the
 * same client id is stored now and leaves the pending list.
 */
export function mergeMessages(t: Timeline, incoming: readonly ChatMessage[], me: string | null): Timeline {
  let messages: Map<number, ChatMessage> | null = null;
  let added = false;
  for (const m of incoming) {
    if (!Number.isInteger(m.seq) || m.seq <= 0) continue;
    const old = (messages ?? t.messages).get(m.seq);
    if (old && same(old, m)) continue;
    messages ??= new Map(t.messages);
    if (!old) added = true;
    messages.set(m.seq, m);
  }
  const stored = new Set(
    incoming.filter((m) => me !== null && m.sender_id === me && m.client_id).map((m) => m.client_id as string),
  );
  const pending = stored.size ? t.pending.filter((p) => !stored.has(p.clientId)) : t.pending;
  if (!messages && pending.length === t.pending.length) return t;
  const all = messages ?? t.messages;
  const order = added ? [...all.keys()].sort((a, b) => a - b) : t.order;
  return { ...t, messages: all, order, pending };
}

/** The newest page (GET …/messages without after/before). */
export function withLatestPage(t: Timeline, page: Pick<ChatMessagePage, 'items' | 'more'>, me: string | null): Timeline {
  const merged = mergeMessages(t, page.items, me);
  // Older pages already loaded say more about what lies before than the newest page does.
  const hasOlder = t.loaded ? merged.hasOlder : page.more;
  return merged.loaded && merged.hasOlder === hasOlder ? merged : { ...merged, loaded: true, hasOlder };
}

/** A page of `before=<lowest>`. */
export function withOlderPage(t: Timeline, page: Pick<ChatMessagePage, 'items' | 'more'>, me: string | null): Timeline {
  const merged = mergeMessages(t, page.items, me);
  return merged.hasOlder === page.more ? merged : { ...merged, hasOlder: page.more };
}

export function highestSeq(t: Timeline): number {
  return t.order.length ? t.order[t.order.length - 1] : 0;
}

/**
 * Where a catch-up starts: the highest seq up to which nothing is missing from the lowest loaded one. A room's
 * seqs are 1, 2, 3 … without holes, so a hole here is messages not seen yet — e.g. my message stored over HTTP
 * (or put in from its RECEIPT) while the room was not subscribed, above the ones sent meanwhile.
 */
export function contiguousSeq(t: Timeline): number {
  if (!t.order.length) return 0;
  let i = 0;
  while (i + 1 < t.order.length && t.order[i + 1] === t.order[i] + 1) i++;
  return t.order[i];
}

export function lowestSeq(t: Timeline): number | null {
  return t.order.length ? t.order[0] : null;
}

export function sortedMessages(t: Timeline): ChatMessage[] {
  return t.order.map((seq) => t.messages.get(seq) as ChatMessage);
}

/** The newest seq of a message that is not mine (the other party's, or a notice): what a read mark covers. */
export function highestNotMine(t: Timeline, me: string | null): number {
  for (let i = t.order.length - 1; i >= 0; i--) {
    const m = t.messages.get(t.order[i]) as ChatMessage;
    if (m.sender_id !== me) return m.seq;
  }
  return 0;
}

export function addPending(t: Timeline, p: PendingMessage): Timeline {
  if (t.pending.some((x) => x.clientId === p.clientId)) return t;
  return { ...t, pending: [...t.pending, p] };
}

function updatePending(t: Timeline, clientId: string, change: Partial<PendingMessage> | null): Timeline {
  const i = t.pending.findIndex((p) => p.clientId === clientId);
  if (i < 0) return t;
  const pending = [...t.pending];
  if (change === null) pending.splice(i, 1);
  else pending[i] = { ...pending[i], ...change };
  return { ...t, pending };
}

export const pendingFailed = (t: Timeline, clientId: string, error: SendFailure) =>
  updatePending(t, clientId, { status: 'failed', error });
export const pendingRetrying = (t: Timeline, clientId: string) =>
  updatePending(t, clientId, { status: 'sending', error: undefined });
export const discardPending = (t: Timeline, clientId: string) => updatePending(t, clientId, null);
/** A pending photo's upload is done: a retry sends this id instead of uploading again. */
export function pendingUploaded(t: Timeline, clientId: string, uploaded: { id: string; url: string }): Timeline {
  const photo = t.pending.find((p) => p.clientId === clientId)?.photo;
  return photo ? updatePending(t, clientId, { photo: { ...photo, uploaded } }) : t;
}

/**
 * The RECEIPT of my message said its seq. The live copy usually came first (the server broadcasts before it
 * answers); if not, the message is put in from what was sent, and the server's copy replaces it when it comes.
 */
export function confirmPending(t: Timeline, clientId: string, seq: number, roomId: string, me: string): Timeline {
  const p = t.pending.find((x) => x.clientId === clientId);
  if (!p) return t;
  if (t.messages.has(seq)) return discardPending(t, clientId);
  const message: ChatMessage = {
    room_id: roomId,
    seq,
    kind: p.photo ? 'photo' : 'text',
    body: p.text,
    ...(p.photo?.uploaded ? { photo_url: p.photo.uploaded.url } : {}),
    sender_id: me,
    client_id: clientId,
    created_at: new Date(p.at).toISOString(),
  };
  return mergeMessages(t, [message], me);
}
