import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/problem';
import { PublishError } from '../../../shared/realtime/types';
import type { MessageContent } from './chatApi';
import { createRoomLink, sendFailure } from './live';

function setup(publish: (d: string, b: unknown, h?: Record<string, string>) => Promise<Record<string, string>>) {
  const api = {
    send: vi.fn(async (room: string, content: MessageContent, clientId: string) => ({
      room_id: room, seq: 9, kind: 'text' as const, body: 'text' in content ? content.text : '', sender_id: '7', client_id: clientId,
      created_at: '2026-12-02T03:00:00Z',
    })),
    markRead: vi.fn(async () => ({ read_seq: 3, unread: 0 })),
  };
  const pub = vi.fn(publish);
  return { link: createRoomLink({ publish: pub, api }), api, pub };
}

describe('the room link', () => {
  it('sends over STOMP with the client id and takes the seq from the RECEIPT', async () => {
    const { link, pub, api } = setup(async () => ({ 'receipt-id': 'r1', seq: '4' }));
    await expect(link.send('12', { text: '안녕하세요' }, 'c-1')).resolves.toEqual({ seq: 4 });
    expect(pub).toHaveBeenCalledWith('/app/rooms/12/messages', { text: '안녕하세요' }, { 'client-message-id': 'c-1' });
    expect(api.send).not.toHaveBeenCalled();
  });

  it('sends over HTTP with the same client id when there is no connection', async () => {
    const { link, api } = setup(async () => {
      throw new PublishError('not-connected');
    });
    const sent = await link.send('12', { text: '안녕하세요' }, 'c-1');
    expect(sent.seq).toBe(9);
    expect(sent.message?.client_id).toBe('c-1');
    expect(api.send).toHaveBeenCalledWith('12', { text: '안녕하세요' }, 'c-1');
    await link.markRead('12', 3);
    expect(api.markRead).toHaveBeenCalledWith('12', 3);
  });

  it('sends a photo by its media id, over STOMP or HTTP alike', async () => {
    const { link, pub } = setup(async () => ({ 'receipt-id': 'r1', seq: '5' }));
    await link.send('12', { photo_id: '88' }, 'c-9');
    expect(pub).toHaveBeenCalledWith('/app/rooms/12/messages', { photo_id: '88' }, { 'client-message-id': 'c-9' });
    const offline = setup(async () => {
      throw new PublishError('not-connected');
    });
    await offline.link.send('12', { photo_id: '88' }, 'c-9');
    expect(offline.api.send).toHaveBeenCalledWith('12', { photo_id: '88' }, 'c-9');
  });

  it('does not send twice when the connection ended after the frame went: the retry (same id) decides', async () => {
    const { link, api } = setup(async () => {
      throw new PublishError('closed');
    });
    await expect(link.send('12', { text: 'x' }, 'c-2')).rejects.toMatchObject({ reason: 'closed' });
    expect(api.send).not.toHaveBeenCalled();
    const bad = setup(async () => ({ 'receipt-id': 'r' }));
    await expect(bad.link.send('12', { text: 'x' }, 'c-3')).rejects.toBeInstanceOf(PublishError);
  });

  it('signals typing over STOMP only, and never fails', async () => {
    const { link, pub, api } = setup(async () => {
      throw new PublishError('not-connected');
    });
    link.typing('12');
    await Promise.resolve();
    expect(pub).toHaveBeenCalledWith('/app/rooms/12/typing', {});
    expect(api.send).not.toHaveBeenCalled();
  });

  it('names why a send failed', () => {
    expect(sendFailure(new PublishError('refused', 'room closed'))).toBe('closed');
    expect(sendFailure(new PublishError('refused', 'forbidden'))).toBe('failed');
    expect(sendFailure(new PublishError('refused', 'bad photo'))).toBe('photo');
    expect(sendFailure(new ApiError(422, { code: 'chat.photo_in_use' }))).toBe('photo');
    expect(sendFailure(new ApiError(415, { code: 'media.unsupported_type' }))).toBe('photo');
    expect(sendFailure(new PublishError('closed'))).toBe('offline');
    expect(sendFailure(new PublishError('timeout'))).toBe('offline');
    expect(sendFailure(new ApiError(409, { code: 'chat.room_closed' }))).toBe('closed');
    expect(sendFailure(new ApiError(0, {}))).toBe('offline');
    expect(sendFailure(new ApiError(503, {}))).toBe('offline');
    expect(sendFailure(new ApiError(422, { code: 'validation.failed' }))).toBe('failed');
    expect(sendFailure(new Error('?'))).toBe('failed');
  });
});
