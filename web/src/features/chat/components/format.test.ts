import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/api/types';
import { commonDictionaries } from '../../../shared/i18n';
import { chatDictionaries, type ChatTexts } from '../i18n';
import { closedText, formatDay, noticeText, previewText } from './format';

const ko: ChatTexts = { ...commonDictionaries.ko, ...chatDictionaries.ko };
const en: ChatTexts = { ...commonDictionaries.en, ...chatDictionaries.en };
const message = (over: Partial<ChatMessage>): ChatMessage => ({
  room_id: '1', seq: 1, kind: 'text', body: '', sender_id: '7', client_id: 'c', created_at: '2026-12-02T03:00:00Z', ...over,
});

describe('chat texts', () => {
  it('notices in words, with a fallback for one this client does not know', () => {
    expect(noticeText('reserved', ko)).toBe('예약중으로 변경되었어요');
    expect(noticeText('sold', ko)).toBe('거래가 완료되었어요');
    expect(noticeText('deleted', en)).toBe('The listing was deleted');
    expect(noticeText('repainted', ko)).toBe('판매글의 상태가 바뀌었어요');
    expect(noticeText('toString', ko)).toBe('판매글의 상태가 바뀌었어요');
  });

  it('the room list’s preview: one line of text, a notice, a photo, or nothing yet', () => {
    expect(previewText(message({ body: '토요일\n3시   괜찮아요' }), ko)).toBe('토요일 3시 괜찮아요');
    expect(previewText(message({ kind: 'system', body: 'selling', sender_id: null }), ko)).toBe('다시 판매중으로 변경되었어요');
    expect(previewText(message({ kind: 'photo', body: '' }), en)).toBe('Photo');
    expect(previewText(null, ko)).toBe('아직 주고받은 메시지가 없어요');
  });

  it('why a room is closed, and day lines in each language', () => {
    expect(closedText('sold', ko)).toBe('거래가 완료되어 더 이상 메시지를 보낼 수 없어요.');
    expect(closedText('deleted', ko)).toBe('판매글이 삭제되어 더 이상 메시지를 보낼 수 없어요.');
    expect(closedText('selling', en)).toBe('This chat has ended; no new messages can be sent.');
    expect(formatDay('2026-12-02', 'ko')).toBe('2026년 12월 2일 수요일');
    expect(formatDay('2026-12-02', 'en')).toBe('Wednesday, December 2, 2026');
  });
});
