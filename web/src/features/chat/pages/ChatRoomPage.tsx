import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import type { ChatRoomDetail } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { formatPrice } from '../../../shared/format/listing';
import { fmt } from '../../../shared/i18n';
import { useRealtimeStatus } from '../../../shared/realtime/hooks';
import { useRoom } from '../api/queries';
import { Composer, type ComposerHandle } from '../components/Composer';
import { closedText, noticeText } from '../components/format';
import { MessageList } from '../components/MessageList';
import { StateTag } from '../components/StateTag';
import { useFillViewport } from '../hooks/useFillViewport';
import { useRoomSession } from '../hooks/useRoomSession';
import { useChatI18n } from '../i18n';
import { isTyping } from '../model/room';
import { buildRows } from '../model/rows';
import { sortedMessages } from '../model/timeline';
import '../chat.css';

/** "다시 연결하는 중…" once the live connection is lost, or when it takes a while to come up at all. */
function ConnectionHint() {
  const { t } = useChatI18n();
  const { stomp } = useRealtimeStatus();
  const [slow, setSlow] = useState(false);
  const [wasOpen, setWasOpen] = useState(false);
  useEffect(() => {
    if (stomp === 'open') {
      setWasOpen(true);
      setSlow(false);
      return;
    }
    const timer = window.setTimeout(() => setSlow(true), 2000);
    return () => window.clearTimeout(timer);
  }, [stomp]);
  const show = stomp !== 'open' && (stomp === 'retrying' || wasOpen || slow);
  return (
    <div className="chat-connection" role="status" data-testid="chat-connection">
      {show ? <span>{wasOpen || stomp === 'retrying' ? t.chatRoom.reconnecting : t.chatRoom.connecting}</span> : null}
    </div>
  );
}

function RoomView({ room, me, focusHeading }: { room: ChatRoomDetail; me: string; focusHeading: boolean }) {
  const { t, lang } = useChatI18n();
  const session = useRoomSession(room, me);
  const { state } = session;
  const composer = useRef<ComposerHandle>(null);
  const frame = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFillViewport(frame);
  // The layout focused the loading heading, which is gone now: the room's own takes its place.
  useEffect(() => {
    if (focusHeading && (!document.activeElement || document.activeElement === document.body)) {
      heading.current?.focus({ preventScroll: true });
    }
  }, [focusHeading]);

  const messages = useMemo(() => sortedMessages(state.timeline), [state.timeline]);
  const rows = useMemo(
    () => buildRows(messages, state.timeline.pending, { me, otherReadSeq: state.otherReadSeq }),
    [messages, state.timeline.pending, me, state.otherReadSeq],
  );

  // "입력 중…" ends by itself a few seconds after the last signal.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!state.typingUntil) return;
    const wait = state.typingUntil - Date.now();
    setNow(Date.now());
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setNow(Date.now()), wait + 20);
    return () => window.clearTimeout(timer);
  }, [state.typingUntil]);
  const typing = isTyping(state, now);

  // The live region says what the other party (or the listing) just said; pages of history stay quiet.
  const announcement = session.lastLive
    ? session.lastLive.kind === 'system'
      ? noticeText(session.lastLive.body, t)
      : fmt(t.chatRoom.announceMessage, { nickname: room.other.nickname, text: session.lastLive.body })
    : '';

  const closed = state.closed || room.closed;
  const listingUrl = `/market/${encodeURIComponent(room.listing.id)}`;

  return (
    <div className="chat-room" ref={frame} data-testid="chat-room-view">
      <header className="chat-room-head">
        <Link to="/chat" className="chat-back">
          <span aria-hidden="true">←</span>
          <span className="chat-back-text">{t.chatRoom.back}</span>
        </Link>
        <div className="chat-who">
          <h1 tabIndex={-1} ref={heading} data-testid="chat-other">
            {room.other.nickname}
          </h1>
          {state.otherPresent ? (
            <span className="chat-present" data-testid="chat-present">
              {t.chatRoom.present}
            </span>
          ) : null}
        </div>
      </header>
      <Link to={listingUrl} className="chat-listing" data-testid="chat-listing">
        <span className="chat-listing-thumb">{room.listing.thumbnail_url ? <img src={room.listing.thumbnail_url} alt="" width={48} height={48} /> : null}</span>
        <span className="chat-listing-body">
          <span className="visually-hidden">{t.chatRoom.listingLabel}: </span>
          <span className="chat-listing-title">
            <StateTag state={room.listing.state} />
            <span>{room.listing.title}</span>
          </span>
          <span className="chat-listing-price">{formatPrice(room.listing.price, t, lang)}</span>
        </span>
      </Link>
      <ConnectionHint />
      {session.loadError ? (
        <Notice tone="error">
          {t.chatRoom.loadFailed} {errorText(session.loadError, t)}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={session.retryLoad}>
            {t.common.retry}
          </button>
        </Notice>
      ) : null}
      {session.catchUpError ? (
        <Notice tone="error">
          {t.chatRoom.catchUpFailed}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={session.retryCatchUp}>
            {t.common.retry}
          </button>
        </Notice>
      ) : null}
      <MessageList
        rows={rows}
        otherName={room.other.nickname}
        loaded={state.timeline.loaded}
        hasOlder={state.timeline.hasOlder}
        loadingOlder={session.loadingOlder}
        olderError={session.olderError}
        onLoadOlder={session.loadOlder}
        onRetry={(p) => {
          session.retry(p);
          composer.current?.focus();
        }}
        onDiscard={(p) => {
          session.discard(p);
          composer.current?.focus();
        }}
        typing={typing}
      />
      <Composer ref={composer} closedReason={closed ? closedText(room.listing.state, t) : null} onSend={session.send}
        onSendPhoto={session.sendPhoto}
        onTyping={session.typing}
      />
      <p className="visually-hidden" aria-live="polite" data-testid="chat-live">
        {announcement}
      </p>
    </div>
  );
}

/** /chat/:id — one conversation. */
export function ChatRoomPage() {
  const { id = '' } = useParams();
  const { t } = useChatI18n();
  const { user } = useAuth();
  const room = useRoom(id);
  useTitle(room.data ? fmt(t.chatRoom.documentTitle, { nickname: room.data.other.nickname }) : t.chat.title);
  // Whether the layout moved the focus to the heading shown while loading (after a navigation).
  const [headingFocused, setHeadingFocused] = useState(false);

  if (room.isPending || !user) {
    return (
      <>
        <h1 tabIndex={-1} onFocus={() => setHeadingFocused(true)}>
          {t.chat.title}
        </h1>
        <p role="status">{t.common.loading}</p>
      </>
    );
  }
  if (room.error || !room.data) {
    const notFound = room.error instanceof ApiError && room.error.status === 404;
    return (
      <>
        <p className="back">
          <Link to="/chat">← {t.chatRoom.back}</Link>
        </p>
        <h1 tabIndex={-1}>{notFound ? t.chatRoom.notFound : t.common.errorTitle}</h1>
        <Notice tone="error">{errorText(room.error, t)}</Notice>
        {notFound ? <p>{t.chatRoom.notFoundBody}</p> : null}
      </>
    );
  }
  // A new room (another id) starts from a clean state.
  return <RoomView key={room.data.id} room={room.data} me={user.id} focusHeading={headingFocused} />;
}
