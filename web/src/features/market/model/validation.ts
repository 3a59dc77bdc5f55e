// Client-side checks of a listing form, mirroring the server's limits (services/market/domain/listing.hpp).
// The server checks again and its per-field errors are shown on the same fields.
import type { ListingCategory } from '../../../shared/api/types';
import type { MarketDict } from '../i18n/ko';
import { MAX_PHOTOS, photoCounts, type DraftPhoto } from './photos';

export const LIMITS = {
  titleMin: 2,
  titleMax: 60,
  descriptionMax: 4000,
  tradeAreaMax: 40,
  priceMax: 100_000_000,
  photosMin: 1,
  photosMax: MAX_PHOTOS,
  keywordMax: 20,
} as const;

export type ValidationKey = keyof MarketDict['marketValidation'];

/** The form's fields, named like the API's (so the server's `errors[].field` lands on the same field). */
export type ListingField = 'title' | 'description' | 'price' | 'category' | 'photo_ids' | 'trade_area' | 'species_id';

export interface ListingDraft {
  title: string;
  description: string;
  /** What is typed in the price box (digits, maybe with separators). */
  priceText: string;
  free: boolean;
  category: ListingCategory | '';
  tradeArea: string;
  photos: readonly DraftPhoto[];
}

/** Characters as the server counts them (code points, so an emoji is one). */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The price to send: 0 for 나눔, a whole number of won, or null when the text is not one. */
export function parsePrice(text: string, free: boolean): number | null {
  if (free) return 0;
  const digits = text.replace(/[,\s원₩]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  return Number(digits);
}

export function validateListing(d: ListingDraft): Partial<Record<ListingField, ValidationKey>> {
  const errors: Partial<Record<ListingField, ValidationKey>> = {};
  const title = charCount(d.title.trim());
  if (title === 0) errors.title = 'titleRequired';
  else if (title < LIMITS.titleMin) errors.title = 'titleShort';
  else if (title > LIMITS.titleMax) errors.title = 'titleLong';

  if (charCount(d.description) > LIMITS.descriptionMax) errors.description = 'descriptionLong';

  if (!d.free) {
    if (d.priceText.trim() === '') errors.price = 'priceRequired';
    else {
      const price = parsePrice(d.priceText, false);
      if (price === null) errors.price = 'priceInvalid';
      else if (price > LIMITS.priceMax) errors.price = 'priceTooHigh';
    }
  }

  if (!d.category) errors.category = 'categoryRequired';
  if (charCount(d.tradeArea.trim()) > LIMITS.tradeAreaMax) errors.trade_area = 'tradeAreaLong';

  const { ready, pending, failed } = photoCounts(d.photos);
  if (d.photos.length > LIMITS.photosMax) errors.photo_ids = 'photosTooMany';
  else if (pending > 0) errors.photo_ids = 'photosPending';
  else if (failed > 0) errors.photo_ids = 'photosFailed';
  else if (ready < LIMITS.photosMin) errors.photo_ids = 'photosRequired';
  return errors;
}

export function validateKeyword(keyword: string): ValidationKey | null {
  const n = charCount(keyword.trim());
  if (n === 0) return 'keywordRequired';
  if (n > LIMITS.keywordMax) return 'keywordLong';
  return null;
}
