// The photos of a listing being written: each picked file is uploaded on its own (so one failure does not
// sink the rest), and the list can be reordered; its order is the order of `photo_ids`.
import type { ListingPhoto } from '../../../shared/api/types';

export const MAX_PHOTOS = 10;

export type PhotoStatus = 'queued' | 'uploading' | 'ready' | 'failed';

export interface DraftPhoto {
  /** Stable React key (not the photo id: a photo has none until its upload is done). */
  key: string;
  status: PhotoStatus;
  /** 0–100 while uploading. */
  progress: number;
  /** The stored photo, once uploaded (or the listing's photo when editing). */
  photo: ListingPhoto | null;
  /** The picked file (kept to retry a failed upload). */
  file: File | null;
  /** A small local preview (data URL) until the server's thumbnail is known. */
  localUrl: string | null;
  /** The server's problem text for a failed upload. */
  error: string | null;
  /** Whether sending the same file again may succeed (no answer, overload, a server fault). */
  retryable: boolean;
}

export function fromListingPhoto(photo: ListingPhoto): DraftPhoto {
  return { key: `p${photo.id}`, status: 'ready', progress: 100, photo, file: null, localUrl: null, error: null, retryable: false };
}

/** Move the item at `from` to `to` (both clamped); the same list when nothing moves. */
export function movePhoto<T>(list: readonly T[], from: number, to: number): T[] {
  const n = list.length;
  if (from < 0 || from >= n) return [...list];
  const target = Math.max(0, Math.min(n - 1, to));
  if (target === from) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

/** Append new items, keeping at most `max` in all; says how many did not fit. */
export function addPhotos<T>(list: readonly T[], added: readonly T[], max = MAX_PHOTOS): { list: T[]; dropped: number } {
  const room = Math.max(0, max - list.length);
  return { list: [...list, ...added.slice(0, room)], dropped: Math.max(0, added.length - room) };
}

export function updatePhoto(list: readonly DraftPhoto[], key: string, patch: Partial<DraftPhoto>): DraftPhoto[] {
  return list.map((p) => (p.key === key ? { ...p, ...patch } : p));
}

/** The ids to send as `photo_ids`, in display order (uploaded ones only). */
export function photoIds(list: readonly DraftPhoto[]): string[] {
  return list.flatMap((p) => (p.status === 'ready' && p.photo ? [p.photo.id] : []));
}

export function photoCounts(list: readonly DraftPhoto[]): { ready: number; pending: number; failed: number } {
  let ready = 0;
  let pending = 0;
  let failed = 0;
  for (const p of list) {
    if (p.status === 'ready') ready++;
    else if (p.status === 'failed') failed++;
    else pending++;
  }
  return { ready, pending, failed };
}

/** The same ids in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
