import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorText } from '../../../shared/api/errorText';
import type { Lang } from '../../../shared/api/types';
import { fmt } from '../../../shared/i18n';
import type { Row } from '../model/rows';
import type { PendingMessage, SendFailure } from '../model/timeline';
import { useChatI18n, type ChatTexts } from '../i18n';
import { formatDay, formatTime, noticeText } from './format';

/** Within this many pixels of the bottom counts as "reading the latest": new messages keep it in view. */
const STICK_PX = 72;

function PendingBubble({
  pending,
  t,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage;
  t: ChatTexts;
  onRetry: (p: PendingMessage) => void;
  onDiscard: (p: PendingMessage) => void;
}) {
  const failed = pending.status === 'failed';
  const reasons: Record<SendFailure, string> = {
    closed: t.chatRoom.failedClosed,
    offline: t.chatRoom.failedOffline,
    photo: t.chatRoom.failedPhoto,
    failed: t.chatRoom.failed,
  };
  const why = reasons[pending.error ?? 'failed'];
  return (
    <li className={`msg is-mine is-first is-pending${failed ? ' is-failed' : ''}`} data-testid="chat-pending" data-status={pending.status}>
      <div className="msg-line">
        {pending.photo ? (
          <p className="bubble bubble-photo">
            <img src={pending.photo.previewUrl} alt={t.chatRoom.photoMine} />
          </p>
        ) : (
          <p className="bubble">
            <span className="visually-hidden">{fmt(t.chatRoom.said, { who: t.chatRoom.me })} </span>
            {pending.text}
          </p>
        )}
      </div>
      {failed ? (
        <div className="msg-failed" role="alert">
          <span>{why}</span>
          {pending.error !== 'closed' && pending.error !== 'photo' ? (
            <button type="button" className="btn btn-secondary btn-small" data-testid="chat-retry" onClick={() => onRetry(pending)}>
              {t.chatRoom.retry}
            </button>
          ) : null}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onDiscard(pending)}>
            {t.chatRoom.discard}
          </button>
        </div>
      ) : (
        <p className="msg-meta">
          <span className="msg-sending">{t.chatRoom.sending}</span>
        </p>
      )}
    </li>
  );
}

function RowView({
  row,
  t,
  lang,
  otherName,
  onRetry,
  onDiscard,
}: {
  row: Row;
  t: ChatTexts;
  lang: Lang;
  otherName: string;
  onRetry: (p: PendingMessage) => void;
  onDiscard: (p: PendingMessage) => void;
}) {
  switch (row.kind) {
    case 'day':
      return (
        <li className="chat-day">
          <time dateTime={row.day}>{formatDay(row.day, lang)}</time>
        </li>
      );
    case 'notice':
      return (
        <li className="chat-notice" data-testid="chat-notice" data-notice={row.message.body}>
          <span>{noticeText(row.message.body, t)}</span>
        </li>
      );
    case 'pending':
      return <PendingBubble pending={row.pending} t={t} onRetry={onRetry} onDiscard={onDiscard} />;
    case 'message': {
      const m = row.message;
      const cls = `msg ${row.mine ? 'is-mine' : 'is-theirs'}${row.first ? ' is-first' : ''}`;
      return (
        <li className={cls} data-testid="chat-message" data-seq={m.seq} data-mine={row.mine || undefined}>
          {!row.mine && row.first ? (
            <p className="msg-name" aria-hidden="true">
              {otherName}
            </p>
          ) : null}
          <div className="msg-line">
            {m.kind === 'photo' && m.photo_url ? (
              // A square crop in the list (no jump when it loads); the whole photo opens on its own.
              <a className="bubble bubble-photo" href={m.photo_url} target="_blank" rel="noopener noreferrer" title={t.chatRoom.openPhoto}>
                <img
                  src={m.photo_url}
                  alt={row.mine ? t.chatRoom.photoMine : fmt(t.chatRoom.photoAlt, { who: otherName })}
                  loading="lazy"
                  decoding="async"
                  data-testid="chat-photo"
                />
              </a>
            ) : (
              <p className="bubble">
                <span className="visually-hidden">{fmt(t.chatRoom.said, { who: row.mine ? t.chatRoom.me : otherName })} </span>
                {m.kind === 'photo' ? t.chat.photo : m.body}
              </p>
            )}
            {row.showTime ? (
              <p className="msg-meta">
                <time dateTime={m.created_at}>{formatTime(m.created_at, lang)}</time>
              </p>
            ) : null}
          </div>
          {row.read ? (
            <p className="msg-status" data-testid="chat-read">
              {t.chatRoom.read}
            </p>
          ) : null}
        </li>
      );
    }
  }
}

/**
 * The conversation: a scrolling, focusable region that keeps the newest message in view while the reader is
 * at the bottom, keeps its place when older messages are put above, and offers a jump when something new
 * arrives while the reader is further up.
 */
export function MessageList({
  rows,
  otherName,
  loaded,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
  onRetry,
  onDiscard,
  typing,
}: {
  rows: Row[];
  otherName: string;
  loaded: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  onLoadOlder: () => void;
  onRetry: (p: PendingMessage) => void;
  onDiscard: (p: PendingMessage) => void;
  typing: boolean;
}) {
  const { t, lang } = useChatI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const before = useRef<{ firstKey: string | undefined; lastKey: string | undefined; height: number } | null>(null);
  const [newBelow, setNewBelow] = useState(false);

  const firstKey = rows.find((r) => r.kind !== 'day')?.key;
  const last = rows.at(-1);
  const lastKey = last?.key;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const prev = before.current;
    const grewAbove = !!prev && !!prev.firstKey && prev.firstKey !== firstKey && prev.lastKey === lastKey;
    const mineLast = last?.kind === 'pending' || (last?.kind === 'message' && last.mine);
    if (grewAbove) {
      el.scrollTop += el.scrollHeight - prev.height; // older messages above: stay where the reader was
    } else if (stick.current || (mineLast && prev?.lastKey !== lastKey)) {
      el.scrollTop = el.scrollHeight;
      stick.current = true;
      setNewBelow(false);
    } else if (prev && prev.lastKey !== lastKey) {
      setNewBelow(true);
    }
    before.current = { firstKey, lastKey, height: el.scrollHeight };
  }, [rows, firstKey, lastKey, last, typing]);

  // A keyboard opening or the window changing size: the newest message stays in view for one reading it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    if (stick.current) setNewBelow(false);
  };

  const empty = loaded && rows.length === 0;

  return (
    <div className="chat-scroll-wrap">
      <div
        ref={scroller}
        className="chat-scroller"
        tabIndex={0}
        role="region"
        aria-label={fmt(t.chatRoom.historyLabel, { nickname: otherName })}
        onScroll={onScroll}
        data-testid="chat-messages"
      >
        {hasOlder ? (
          <div className="chat-older">
            <button type="button" className="btn btn-ghost btn-small" data-testid="chat-older" onClick={onLoadOlder} disabled={loadingOlder}>
              {loadingOlder ? t.chatRoom.loadingOlder : t.chatRoom.older}
            </button>
            {olderError ? <p className="field-error">{errorText(olderError, t)}</p> : null}
          </div>
        ) : null}
        {empty ? <p className="chat-start">{t.chatRoom.start}</p> : null}
        {!loaded ? (
          <p className="chat-start" role="status">
            {t.common.loading}
          </p>
        ) : null}
        <ol className="chat-rows">
          {rows.map((row) => (
            <RowView key={row.key} row={row} t={t} lang={lang} otherName={otherName} onRetry={onRetry} onDiscard={onDiscard} />
          ))}
        </ol>
        {typing ? (
          <p className="chat-typing" data-testid="chat-typing">
            <span className="typing-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {fmt(t.chatRoom.typing, { nickname: otherName })}
          </p>
        ) : null}
      </div>
      {newBelow ? (
        <button
          type="button"
          className="btn btn-primary btn-small chat-jump"
          onClick={() => {
            const el = scroller.current;
            if (el) el.scrollTop = el.scrollHeight;
            stick.current = true;
            setNewBelow(false);
          }}
        >
          {t.chatRoom.jumpToLatest} ↓
        </button>
      ) : null}
    </div>
  );
}
