import { describe, expect, it } from 'vitest';
import { addPhotos, fromListingPhoto, movePhoto, photoCounts, photoIds, sameIds, updatePhoto, type DraftPhoto } from './photos';

const photo = (id: string) => ({ id, thumbnail_url: `/t/${id}`, large_url: `/l/${id}`, width: 10, height: 10 });

describe('photo order', () => {
  it('moves an item forwards and backwards', () => {
    expect(movePhoto(['a', 'b', 'c', 'd'], 2, 0)).toEqual(['c', 'a', 'b', 'd']);
    expect(movePhoto(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(movePhoto(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
  });

  it('clamps the target and ignores a bad source', () => {
    expect(movePhoto(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(movePhoto(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(movePhoto(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
    expect(movePhoto(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('does not change the list it was given', () => {
    const list = ['a', 'b'];
    movePhoto(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });

  it('keeps at most ten and says how many did not fit', () => {
    const eight = Array.from({ length: 8 }, (_, i) => i);
    expect(addPhotos(eight, [8, 9, 10, 11])).toEqual({ list: [...eight, 8, 9], dropped: 2 });
    expect(addPhotos([], [1, 2])).toEqual({ list: [1, 2], dropped: 0 });
  });
});

describe('photo ids and counts', () => {
  it('sends only uploaded photos, in display order', () => {
    const list: DraftPhoto[] = [
      fromListingPhoto(photo('3')),
      { key: 'f1', status: 'uploading', progress: 40, photo: null, file: null, localUrl: null, error: null, retryable: false },
      fromListingPhoto(photo('1')),
      { key: 'f2', status: 'failed', progress: 0, photo: null, file: null, localUrl: null, error: 'no', retryable: false },
    ];
    expect(photoIds(list)).toEqual(['3', '1']);
    expect(photoCounts(list)).toEqual({ ready: 2, pending: 1, failed: 1 });
    const done = updatePhoto(list, 'f1', { status: 'ready', photo: photo('9') });
    expect(photoIds(movePhoto(done, 1, 0))).toEqual(['9', '3', '1']);
    expect(sameIds(['1', '2'], ['1', '2'])).toBe(true);
    expect(sameIds(['1', '2'], ['2', '1'])).toBe(false);
  });
});
