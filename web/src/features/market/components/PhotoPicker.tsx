import { useEffect, useRef, useState, type Dispatch, type DragEvent, type SetStateAction } from 'react';
import { errorText } from '../../../shared/api/errorText';
import { ApiError, isAbort } from '../../../shared/api/problem';
import { fmt } from '../../../shared/i18n';
import { marketApi } from '../api';
import { useMarketI18n } from '../i18n';
import { MAX_PHOTOS, addPhotos, movePhoto, updatePhoto, type DraftPhoto } from '../model/photos';
import { PhotoIcon } from './Icons';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,image/avif';
/** Uploads running at once: enough to keep a phone's uplink busy without starving the first photo. */
const PARALLEL_UPLOADS = 2;

/** Side of the local preview, in CSS pixels times two for sharp tiles. */
const PREVIEW_SIDE = 208;

/**
 * A small JPEG data URL of the picked file, shown until the server's thumbnail arrives (the app's Content
 * Security Policy allows data: images, not blob: URLs). Null when the browser cannot decode the file (HEIC in
 * most browsers): the tile then waits for the server's rendition.
 */
async function makePreview(file: File): Promise<string | null> {
  if (typeof createImageBitmap === 'undefined') return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = PREVIEW_SIDE / Math.min(bitmap.width, bitmap.height);
    const w = Math.max(1, Math.round(bitmap.width * Math.min(1, scale)));
    const h = Math.max(1, Math.round(bitmap.height * Math.min(1, scale)));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return null;
  }
}

let nextKey = 0;
const newKey = () => `f${Date.now().toString(36)}${(nextKey++).toString(36)}`;

/**
 * Picking, uploading (one request per photo, with progress), reordering (buttons, and drag and drop where the
 * device has it) and removing the photos of a listing. The list itself is the form's state.
 */
export function PhotoPicker({
  photos,
  setPhotos,
  error,
  describedBy,
}: {
  photos: DraftPhoto[];
  setPhotos: Dispatch<SetStateAction<DraftPhoto[]>>;
  error: string | null;
  describedBy: string;
}) {
  const { t } = useMarketI18n();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const uploads = useRef(new Map<string, AbortController>());
  const [announce, setAnnounce] = useState('');
  const [dropNote, setDropNote] = useState('');
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [overKey, setOverKey] = useState<string | null>(null);

  // Start queued uploads, a few at a time.
  useEffect(() => {
    const running = photos.filter((p) => p.status === 'uploading').length;
    const queued = photos.filter((p) => p.status === 'queued' && p.file && !uploads.current.has(p.key)).slice(0, Math.max(0, PARALLEL_UPLOADS - running));
    for (const p of queued) {
      const ctl = new AbortController();
      uploads.current.set(p.key, ctl);
      setPhotos((l) => updatePhoto(l, p.key, { status: 'uploading', progress: 0, error: null }));
      marketApi
        .uploadPhoto(p.file!, (f) => setPhotos((l) => updatePhoto(l, p.key, { progress: Math.round(f * 100) })), ctl.signal)
        .then((res) => {
          const stored = res.items[0];
          // A listing keeps only what it shows; the rest of the media record stays with media.
          const photo = stored && {
            id: stored.id,
            thumbnail_url: stored.thumbnail_url,
            large_url: stored.large_url,
            width: stored.width,
            height: stored.height,
          };
          setPhotos((l) => updatePhoto(l, p.key, photo ? { status: 'ready', progress: 100, photo } : { status: 'failed', error: t.errors.unknown }));
        })
        .catch((e: unknown) => {
          if (isAbort(e)) return;
          // Trying the same file again helps only when the failure was not about the file itself.
          const retryable = !(e instanceof ApiError) || e.isNetwork || e.status === 429 || e.status >= 500;
          setPhotos((l) => updatePhoto(l, p.key, { status: 'failed', progress: 0, error: errorText(e, t), retryable }));
        })
        .finally(() => uploads.current.delete(p.key));
    }
  }, [photos, setPhotos, t]);

  // Leaving the page stops what is still uploading.
  useEffect(
    () => () => {
      for (const ctl of uploads.current.values()) ctl.abort();
    },
    [],
  );

  const pick = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const added: DraftPhoto[] = [...files].map((file) => ({
      key: newKey(),
      status: 'queued',
      progress: 0,
      photo: null,
      file,
      localUrl: null,
      error: null,
      retryable: false,
    }));
    const { list: next, dropped } = addPhotos(photos, added);
    for (const p of next.slice(photos.length)) {
      void makePreview(p.file!).then((url) => {
        if (url) setPhotos((l) => updatePhoto(l, p.key, { localUrl: url }));
      });
    }
    setDropNote(dropped ? fmt(t.marketWrite.tooManyPhotos, { n: dropped }) : '');
    setPhotos(next);
    if (input.current) input.current.value = '';
  };

  // After a move the photo's button may be disabled (it reached an end): then its other move button takes focus.
  const focusTool = (key: string, tool: 'before' | 'after') =>
    requestAnimationFrame(() => {
      const tile = list.current?.querySelector(`[data-key="${key}"]`);
      const other = tool === 'before' ? 'after' : 'before';
      (
        tile?.querySelector<HTMLButtonElement>(`[data-tool="${tool}"]:not(:disabled)`) ??
        tile?.querySelector<HTMLButtonElement>(`[data-tool="${other}"]:not(:disabled)`)
      )?.focus();
    });

  const move = (from: number, to: number, tool?: 'before' | 'after') => {
    const key = photos[from]?.key;
    setPhotos((l) => movePhoto(l, from, to));
    const target = Math.max(0, Math.min(photos.length - 1, to));
    setAnnounce(fmt(t.marketWrite.moved, { n: target + 1 }));
    if (key && tool) focusTool(key, tool);
  };

  const remove = (index: number) => {
    const p = photos[index];
    if (!p) return;
    uploads.current.get(p.key)?.abort();
    setPhotos((l) => l.filter((x) => x.key !== p.key));
    setAnnounce(t.marketWrite.removed);
    const neighbour = photos[index + 1] ?? photos[index - 1];
    requestAnimationFrame(() => {
      const el = neighbour
        ? list.current?.querySelector<HTMLButtonElement>(`[data-key="${neighbour.key}"] [data-tool="remove"]`)
        : document.getElementById('photo-add');
      el?.focus();
    });
  };

  const retry = (key: string) => setPhotos((l) => updatePhoto(l, key, { status: 'queued', error: null, progress: 0 }));

  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    const from = photos.findIndex((p) => p.key === dragKey);
    if (from >= 0) move(from, to);
    setDragKey(null);
    setOverKey(null);
  };

  const full = photos.length >= MAX_PHOTOS;

  return (
    <div className={`field photo-field${error ? ' has-error' : ''}`}>
      <span className="range-label" id="photos-label">
        {t.marketWrite.photos} <span className="req" aria-hidden="true">*</span>
        <span className="counter">{fmt(t.marketWrite.photoCount, { n: photos.length })}</span>
      </span>
      <p className="hint" id="photos-hint">
        {t.marketWrite.photosHint}
      </p>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        name="photo-input"
        data-testid="photo-input"
        onChange={(e) => pick(e.target.files)}
        tabIndex={-1}
      />
      <ul className="photo-grid" ref={list} aria-labelledby="photos-label" aria-describedby={describedBy}>
        {photos.map((p, i) => {
          const src = p.photo?.thumbnail_url ?? p.localUrl;
          const n = i + 1;
          return (
            <li
              key={p.key}
              data-key={p.key}
              data-testid="photo-tile"
              data-photo-id={p.photo?.id}
              data-status={p.status}
              className={`photo-tile is-${p.status}${dragKey === p.key ? ' is-dragging' : ''}${overKey === p.key && dragKey !== p.key ? ' is-drop-target' : ''}`}
              draggable
              onDragStart={(e) => {
                setDragKey(p.key);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', p.key);
              }}
              onDragEnd={() => {
                setDragKey(null);
                setOverKey(null);
              }}
              onDragOver={(e) => {
                if (!dragKey) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (overKey !== p.key) setOverKey(p.key);
              }}
              onDrop={(e) => onDrop(e, i)}
            >
              <span className="preview">
                {src ? <img src={src} alt={fmt(t.marketWrite.photoAlt, { n })} width={104} height={104} draggable={false} /> : null}
                {i === 0 ? <span className="photo-cover">{t.marketWrite.cover}</span> : null}
                {p.status === 'uploading' || p.status === 'queued' ? (
                  <span className="photo-status" role="status">
                    {p.status === 'queued' ? t.marketWrite.uploadWaiting : fmt(t.marketWrite.uploading, { pct: p.progress })}
                    <span className="photo-progress" aria-hidden="true">
                      <span style={{ width: `${p.progress}%` }} />
                    </span>
                  </span>
                ) : null}
                {p.status === 'failed' ? <span className="photo-status">{t.marketWrite.uploadFailed}</span> : null}
              </span>
              {p.status === 'failed' ? (
                <p className="photo-error" role="alert" data-testid="photo-error">
                  {p.error}{' '}
                  {p.file && p.retryable ? (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => retry(p.key)}>
                      {t.marketWrite.retryUpload}
                    </button>
                  ) : null}
                </p>
              ) : null}
              <span className="photo-tools">
                <button
                  type="button"
                  className="icon-btn"
                  data-tool="before"
                  aria-label={fmt(t.marketWrite.moveBefore, { n })}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1, 'before')}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  data-tool="after"
                  aria-label={fmt(t.marketWrite.moveAfter, { n })}
                  disabled={i === photos.length - 1}
                  onClick={() => move(i, i + 1, 'after')}
                >
                  →
                </button>
                <button type="button" className="icon-btn" data-tool="remove" aria-label={fmt(t.marketWrite.removePhoto, { n })} onClick={() => remove(i)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
        {!full ? (
          <li>
            <button
              type="button"
              id="photo-add"
              className="photo-add"
              data-testid="photo-add"
              onClick={() => input.current?.click()}
              aria-describedby="photos-hint"
            >
              <PhotoIcon />
              {t.marketWrite.addPhotos}
            </button>
          </li>
        ) : null}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <p className="hint" role="status">
        {dropNote}
      </p>
      {error ? (
        <p id="photos-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
