import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ListingPhoto } from '../../../shared/api/types';
import { fmt } from '../../../shared/i18n';
import { useMarketI18n } from '../i18n';
import { PhotoIcon } from './Icons';

/**
 * The listing's photos: a swipeable strip (CSS scroll snapping), previous/next buttons, arrow keys on the
 * focused strip, and thumbnails that jump to a photo. The strip is square, so nothing moves as images load.
 */
export function PhotoGallery({ photos, title }: { photos: ListingPhoto[]; title: string }) {
  const { t } = useMarketI18n();
  const track = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const total = photos.length;

  const go = useCallback(
    (i: number) => {
      const el = track.current;
      const next = Math.max(0, Math.min(total - 1, i));
      setIndex(next);
      if (el) el.scrollTo({ left: next * el.clientWidth });
    },
    [total],
  );

  // Follow swipes: the photo most in view is the current one.
  useEffect(() => {
    const el = track.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (el.clientWidth > 0) setIndex(Math.round(el.scrollLeft / el.clientWidth));
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      go(index + 1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      go(index - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      go(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      go(total - 1);
    }
  };

  if (total === 0) {
    return (
      <div className="gallery-stage">
        <div className="gallery-track">
          <div className="gallery-slide listing-thumb-empty">
            <PhotoIcon />
            <span className="visually-hidden">{t.market.noPhoto}</span>
          </div>
        </div>
      </div>
    );
  }

  return (
    <section className="gallery" aria-roledescription="carousel" aria-label={t.marketListing.gallery} data-testid="gallery">
      <div className="gallery-stage">
        <div
          className="gallery-track"
          ref={track}
          tabIndex={0}
          onKeyDown={onKey}
          aria-label={fmt(t.marketListing.photoOf, { n: index + 1, total })}
          role="group"
        >
          {photos.map((p, i) => (
            <figure
              key={p.id}
              className="gallery-slide"
              aria-roledescription="slide"
              aria-label={fmt(t.marketListing.photoOf, { n: i + 1, total })}
              aria-hidden={i !== index ? true : undefined}
            >
              <img
                src={p.large_url}
                alt={total > 1 ? `${title} (${i + 1}/${total})` : title}
                width={p.width}
                height={p.height}
                loading={i === 0 ? 'eager' : 'lazy'}
                decoding="async"
              />
            </figure>
          ))}
        </div>
        {total > 1 ? (
          <>
            <button type="button" className="gallery-nav gallery-prev" onClick={() => go(index - 1)} disabled={index === 0} aria-label={t.marketListing.prevPhoto}>
              ‹
            </button>
            <button
              type="button"
              className="gallery-nav gallery-next"
              onClick={() => go(index + 1)}
              disabled={index === total - 1}
              aria-label={t.marketListing.nextPhoto}
            >
              ›
            </button>
            <span className="gallery-counter" aria-live="polite">
              {index + 1} / {total}
            </span>
          </>
        ) : null}
      </div>
      {total > 1 ? (
        <ul className="gallery-thumbs">
          {photos.map((p, i) => (
            <li key={p.id}>
              <button type="button" onClick={() => go(i)} aria-current={i === index ? 'true' : undefined} aria-label={fmt(t.marketListing.showPhoto, { n: i + 1 })}>
                <img src={p.thumbnail_url} alt="" width={60} height={60} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
