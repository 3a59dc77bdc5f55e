import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/api/types';
import {
  EMPTY_TIMELINE,
  addPending,
  confirmPending,
  contiguousSeq,
  discardPending,
  highestNotMine,
  highestSeq,
  lowestSeq,
  mergeMessages,
  pendingFailed,
  pendingRetrying,
  pendingUploaded,
  sortedMessages,
  withLatestPage,
  withOlderPage,
  type Timeline,
} from './timeline';

const ME = '7';
const THEM = '8';

function msg(seq: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    room_id: '1',
    seq,
    kind: 'text',
    body: `m${seq}`,
    sender_id: seq % 2 ? THEM : ME,
    client_id: `c${seq}`,
    created_at: new Date(Date.UTC(2026, 11, 2, 3, 0, seq)).toISOString(),
    ...over,
  };
}
const seqs = (t: Timeline) => sortedMessages(t).map((m) => m.seq);

describe('the timeline', () => {
  it('keeps every seq once, in order, whatever order and however often messages arrive', () => {
    let t = mergeMessages(EMPTY_TIMELINE, [msg(5), msg(3), msg(4)], ME);
    expect(seqs(t)).toEqual([3, 4, 5]);
    // A live message that a catch-up page brings again, and one that arrives out of order.
    t = mergeMessages(t, [msg(7)], ME);
    t = mergeMessages(t, [msg(5), msg(6), msg(7)], ME);
    expect(seqs(t)).toEqual([3, 4, 5, 6, 7]);
    expect(highestSeq(t)).toBe(7);
    expect(lowestSeq(t)).toBe(3);
    // Nothing new: the same object (no re-render).
    expect(mergeMessages(t, [msg(4), msg(6)], ME)).toBe(t);
    expect(mergeMessages(t, [], ME)).toBe(t);
    // Nonsense seqs are ignored.
    expect(mergeMessages(t, [msg(0), { ...msg(9), seq: 1.5 }], ME)).toBe(t);
    expect(highestSeq(EMPTY_TIMELINE)).toBe(0);
    expect(lowestSeq(EMPTY_TIMELINE)).toBeNull();
  });

  it('pages: the newest page says whether older ones exist, older pages extend it backwards', () => {
    let t = withLatestPage(EMPTY_TIMELINE, { items: [msg(60), msg(59), msg(58)], more: true }, ME);
    expect(t.loaded).toBe(true);
    expect(t.hasOlder).toBe(true);
    expect(seqs(t)).toEqual([58, 59, 60]);
    t = withOlderPage(t, { items: [msg(57), msg(56)], more: true }, ME);
    expect(seqs(t)).toEqual([56, 57, 58, 59, 60]);
    t = withOlderPage(t, { items: [msg(55)], more: false }, ME);
    expect(t.hasOlder).toBe(false);
    // The newest page again (a reload) does not bring back "older" once the start is reached.
    t = withLatestPage(t, { items: [msg(61), msg(60)], more: true }, ME);
    expect(t.hasOlder).toBe(false);
    expect(seqs(t)).toEqual([55, 56, 57, 58, 59, 60, 61]);
    const empty = withLatestPage(EMPTY_TIMELINE, { items: [], more: false }, ME);
    expect(empty.loaded).toBe(true);
    expect(empty.hasOlder).toBe(false);
  });

  it('a reconnect gap: the live message after the drop and the catch-up page merge into one run without holes or repeats', () => {
    let t = withLatestPage(EMPTY_TIMELINE, { items: [msg(3), msg(2), msg(1)], more: false }, ME);
    // Offline while 4–9 were sent; after resubscribing, 10 arrives live before the catch-up answers.
    t = mergeMessages(t, [msg(10)], ME);
    t = mergeMessages(t, [4, 5, 6, 7, 8, 9, 10].map((n) => msg(n)), ME);
    expect(seqs(t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a catch-up starts below the first hole: my message stored over HTTP while offline sits above unseen ones', () => {
    expect(contiguousSeq(EMPTY_TIMELINE)).toBe(0);
    let t = withLatestPage(EMPTY_TIMELINE, { items: [msg(4), msg(3)], more: true }, ME);
    expect(contiguousSeq(t)).toBe(4);
    // 5 and 6 were sent while the socket was down; mine came back from POST as 7.
    t = mergeMessages(t, [msg(7, { sender_id: ME })], ME);
    expect(highestSeq(t)).toBe(7);
    expect(contiguousSeq(t)).toBe(4);
    t = mergeMessages(t, [msg(5), msg(6), msg(7, { sender_id: ME })], ME);
    expect(contiguousSeq(t)).toBe(7);
  });

  it('the newest message not mine is what a read mark covers', () => {
    const t = mergeMessages(EMPTY_TIMELINE, [msg(1), msg(2), msg(3, { sender_id: null, kind: 'system', body: 'reserved' }), msg(4)], ME);
    expect(highestNotMine(t, ME)).toBe(3);
    expect(highestNotMine(mergeMessages(EMPTY_TIMELINE, [msg(2)], ME), ME)).toBe(0);
  });
});

describe('my pending messages', () => {
  const pending = (clientId: string, text = '안녕하세요') => ({ clientId, text, at: Date.UTC(2026, 11, 2, 3, 1), status: 'sending' as const });

  it('wait until the stored copy (live or from a page) with the same client id arrives', () => {
    let t = addPending(EMPTY_TIMELINE, pending('a'));
    t = addPending(t, pending('b'));
    expect(addPending(t, pending('a'))).toBe(t);
    expect(t.pending.map((p) => p.clientId)).toEqual(['a', 'b']);
    t = mergeMessages(t, [msg(2, { client_id: 'b', sender_id: ME })], ME);
    expect(t.pending.map((p) => p.clientId)).toEqual(['a']);
    // The other party's message with the same client id is not mine.
    t = mergeMessages(t, [msg(3, { client_id: 'a', sender_id: THEM })], ME);
    expect(t.pending.map((p) => p.clientId)).toEqual(['a']);
  });

  it('fail, retry with the same client id, and can be discarded', () => {
    let t = addPending(EMPTY_TIMELINE, pending('a'));
    t = pendingFailed(t, 'a', 'offline');
    expect(t.pending[0]).toMatchObject({ clientId: 'a', status: 'failed', error: 'offline' });
    t = pendingRetrying(t, 'a');
    expect(t.pending[0]).toMatchObject({ clientId: 'a', status: 'sending', error: undefined });
    expect(pendingFailed(t, 'zzz', 'failed')).toBe(t);
    expect(discardPending(t, 'a').pending).toEqual([]);
  });

  it('a RECEIPT stores the message even when its live copy did not come, and the server copy replaces it', () => {
    let t = addPending(EMPTY_TIMELINE, pending('a', '네, 있어요'));
    t = confirmPending(t, 'a', 4, '1', ME);
    expect(t.pending).toEqual([]);
    expect(sortedMessages(t)).toEqual([
      { room_id: '1', seq: 4, kind: 'text', body: '네, 있어요', sender_id: ME, client_id: 'a', created_at: '2026-12-02T03:01:00.000Z' },
    ]);
    const server = msg(4, { body: '네, 있어요', sender_id: ME, client_id: 'a', created_at: '2026-12-02T03:01:00.250Z' });
    t = mergeMessages(t, [server], ME);
    expect(sortedMessages(t)).toEqual([server]);
    // The live copy first, then the RECEIPT: nothing more to do than forget the pending one.
    let u = addPending(EMPTY_TIMELINE, pending('b'));
    u = mergeMessages(u, [msg(5, { client_id: 'b', sender_id: ME })], ME);
    expect(confirmPending(u, 'b', 5, '1', ME)).toBe(u);
    let v = addPending(EMPTY_TIMELINE, pending('c'));
    v = mergeMessages(v, [msg(6, { client_id: 'x', sender_id: THEM })], ME);
    v = confirmPending(v, 'c', 6, '1', ME);
    expect(v.pending).toEqual([]);
    expect(sortedMessages(v)[0].client_id).toBe('x');
  });

  it('a photo: the upload is kept for a retry, and its RECEIPT stores a photo message at the uploaded URL', () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'leaf.png', { type: 'image/png' });
    let t = addPending(EMPTY_TIMELINE, { ...pending('p', ''), photo: { file, previewUrl: 'blob:local/1' } });
    expect(pendingUploaded(t, 'zzz', { id: '9', url: '/media/p/x/1080.webp' })).toBe(t);
    t = pendingUploaded(t, 'p', { id: '9', url: '/media/p/x/1080.webp' });
    t = pendingFailed(t, 'p', 'offline');
    expect(t.pending[0].photo).toEqual({ file, previewUrl: 'blob:local/1', uploaded: { id: '9', url: '/media/p/x/1080.webp' } });
    t = confirmPending(pendingRetrying(t, 'p'), 'p', 7, '1', ME);
    expect(t.pending).toEqual([]);
    expect(sortedMessages(t)[0]).toMatchObject({ seq: 7, kind: 'photo', body: '', photo_url: '/media/p/x/1080.webp', client_id: 'p' });
  });
});
