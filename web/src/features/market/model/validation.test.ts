import { describe, expect, it } from 'vitest';
import { fromListingPhoto, type DraftPhoto } from './photos';
import { charCount, parsePrice, validateKeyword, validateListing, type ListingDraft } from './validation';

const ready = fromListingPhoto({ id: '1', thumbnail_url: '/t', large_url: '/l', width: 1, height: 1 });
const base: ListingDraft = {
  title: '몬스테라 분양',
  description: '',
  priceText: '25,000',
  free: false,
  category: 'plant',
  tradeArea: '',
  photos: [ready],
};
const uploading: DraftPhoto = { ...ready, key: 'u', status: 'uploading', photo: null };
const failed: DraftPhoto = { ...ready, key: 'f', status: 'failed', photo: null, error: 'x' };

describe('listing validation', () => {
  it('accepts a complete draft', () => {
    expect(validateListing(base)).toEqual({});
    expect(validateListing({ ...base, free: true, priceText: '' })).toEqual({});
  });

  it('checks the title length in characters like the server', () => {
    expect(validateListing({ ...base, title: '  ' }).title).toBe('titleRequired');
    expect(validateListing({ ...base, title: '꽃' }).title).toBe('titleShort');
    expect(validateListing({ ...base, title: '꽃꽃' }).title).toBeUndefined();
    expect(validateListing({ ...base, title: '가'.repeat(60) }).title).toBeUndefined();
    expect(validateListing({ ...base, title: '가'.repeat(61) }).title).toBe('titleLong');
    // Sixty emoji are sixty characters even though they are 120 UTF-16 units.
    expect(validateListing({ ...base, title: '🌱'.repeat(60) }).title).toBeUndefined();
  });

  it('checks the description and trade area', () => {
    expect(validateListing({ ...base, description: 'a'.repeat(4000) }).description).toBeUndefined();
    expect(validateListing({ ...base, description: 'a'.repeat(4001) }).description).toBe('descriptionLong');
    expect(validateListing({ ...base, tradeArea: '동'.repeat(41) }).trade_area).toBe('tradeAreaLong');
  });

  it('checks the price: required, whole won, at most 100,000,000', () => {
    expect(validateListing({ ...base, priceText: '' }).price).toBe('priceRequired');
    expect(validateListing({ ...base, priceText: '1.5' }).price).toBe('priceInvalid');
    expect(validateListing({ ...base, priceText: '-3' }).price).toBe('priceInvalid');
    expect(validateListing({ ...base, priceText: '100,000,000' }).price).toBeUndefined();
    expect(validateListing({ ...base, priceText: '100000001' }).price).toBe('priceTooHigh');
    expect(validateListing({ ...base, priceText: '0' }).price).toBeUndefined();
  });

  it('needs a category', () => {
    expect(validateListing({ ...base, category: '' }).category).toBe('categoryRequired');
  });

  it('needs 1–10 uploaded photos and none pending or failed', () => {
    expect(validateListing({ ...base, photos: [] }).photo_ids).toBe('photosRequired');
    expect(validateListing({ ...base, photos: [ready, uploading] }).photo_ids).toBe('photosPending');
    expect(validateListing({ ...base, photos: [ready, failed] }).photo_ids).toBe('photosFailed');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ...ready, key: String(i) }));
    expect(validateListing({ ...base, photos: eleven }).photo_ids).toBe('photosTooMany');
    expect(validateListing({ ...base, photos: eleven.slice(1) }).photo_ids).toBeUndefined();
  });
});

describe('helpers', () => {
  it('parses prices', () => {
    expect(parsePrice('25,000원', false)).toBe(25000);
    expect(parsePrice('', true)).toBe(0);
    expect(parsePrice('abc', false)).toBeNull();
    expect(charCount('🌱a')).toBe(2);
  });

  it('checks keywords', () => {
    expect(validateKeyword(' ')).toBe('keywordRequired');
    expect(validateKeyword('알보')).toBeNull();
    expect(validateKeyword('가'.repeat(21))).toBe('keywordLong');
  });
});
