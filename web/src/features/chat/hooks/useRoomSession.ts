// One open room, live: its history (newest page, then older pages on demand), the room topic, a catch-up
// after every (re)subscription, read marks while the page is visible, typing signals, and sending with a
// pending bubble until the RECEIPT.
//
// No duplicate and no gap across a reconnect: the topic is subscribed first; once the broker has confirmed
// the subscription, `GET …/messages?after=<seq up to which nothing is missing>` brings what was sent while not
// subscribed; everything meets in the timeline keyed by seq (model/timeline.ts).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ChatMessage, ChatRoomDetail } from '../../../shared/api/types';
import { useStompDestination } from '../../../shared/realtime/hooks';
import { chatApi, roomLink } from '../api';
import type { MessageContent } from '../api/chatApi';
import { roomTopic, sendFailure } from '../api/live';
import { chatKeys } from '../api/queries';
import { newClientId, createTypingThrottle } from '../model/draft';
import { parseRoomEvent } from '../model/events';
import { createRoomState, readMarkToSend, roomReducer, type RoomState } from '../model/room';
import { contiguousSeq, lowestSeq, type PendingMessage } from '../model/timeline';

const LATEST_PAGE = 50;
const OLDER_PAGE = 50;
const CATCH_UP_PAGE = 200;
/** A catch-up longer than this many pages gives up (the user can reload); it never loops for ever. */
const CATCH_UP_MAX_PAGES = 20;

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => typeof document === 'undefined' || document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export interface RoomSession {
  state: RoomState;
  /** The newest page failed; `retryLoad` asks again. */
  loadError: unknown;
  retryLoad: () => void;
  loadingOlder: boolean;
  olderError: unknown;
  loadOlder: () => void;
  catchUpError: unknown;
  retryCatchUp: () => void;
  send: (text: string) => void;
  /** Uploads the photo (media), then sends it; a pending bubble shows it meanwhile. */
  sendPhoto: (file: File) => void;
  retry: (p: PendingMessage) => void;
  discard: (p: PendingMessage) => void;
  typing: () => void;
  /** The latest message that arrived live from the other party or the system (for the live region). */
  lastLive: ChatMessage | null;
}

export function useRoomSession(room: ChatRoomDetail, me: string): RoomSession {
  const roomId = room.id;
  const qc = useQueryClient();
  const [state, dispatch] = useReducer(roomReducer, undefined, () => createRoomState(roomId, me, room.other.id));
  const stateRef = useRef(state);
  stateRef.current = state;
  const visible = usePageVisible();

  useEffect(() => dispatch({ type: 'room', room }), [room]);

  // The newest page.
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loadTry, setLoadTry] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    chatApi.messages(roomId, { limit: LATEST_PAGE }, abort.signal).then(
      (page) => dispatch({ type: 'latest', page }),
      (e: unknown) => {
        if (!abort.signal.aborted) setLoadError(e);
      },
    );
    return () => abort.abort();
  }, [roomId, loadTry]);

  // Live: the topic, and a catch-up each time the subscription is confirmed (again).
  const [lastLive, setLastLive] = useState<ChatMessage | null>(null);
  const [subscriptions, setSubscriptions] = useState(0);
  useStompDestination(
    roomTopic(roomId),
    (message) => {
      const event = parseRoomEvent(message.body);
      if (!event) return;
      dispatch({ type: 'event', event, now: Date.now() });
      if (event.type !== 'message') return;
      const m = event.message;
      if (m.sender_id !== me) setLastLive(m);
      // A notice means the listing changed (state, price…): the room says how it is now.
      if (m.kind === 'system') void qc.invalidateQueries({ queryKey: chatKeys.room(roomId) });
    },
    () => setSubscriptions((n) => n + 1),
  );

  const [catchUpError, setCatchUpError] = useState<unknown>(null);
  const [caughtUp, setCaughtUp] = useState(0);
  const [catchUpTry, setCatchUpTry] = useState(0);
  const loaded = state.timeline.loaded;
  useEffect(() => {
    if (!loaded || subscriptions === 0 || caughtUp >= subscriptions) return;
    const target = subscriptions;
    const abort = new AbortController();
    setCatchUpError(null);
    void (async () => {
      try {
        // Everything after the first hole, page by page to the end (pages of `after` are oldest first).
        let after = contiguousSeq(stateRef.current.timeline);
        for (let i = 0; i < CATCH_UP_MAX_PAGES; i++) {
          const page = await chatApi.messages(roomId, { after, limit: CATCH_UP_PAGE }, abort.signal);
          dispatch({ type: 'newer', page });
          const last = page.items.at(-1);
          if (!page.more || !last) break;
          after = last.seq;
        }
        if (abort.signal.aborted) return;
        setCaughtUp(target);
        // After a reconnect the marks and presence may have moved too.
        if (target > 1) void qc.invalidateQueries({ queryKey: chatKeys.room(roomId) });
      } catch (e) {
        if (!abort.signal.aborted) setCatchUpError(e);
      }
    })();
    return () => abort.abort();
  }, [loaded, subscriptions, caughtUp, catchUpTry, roomId, qc]);

  // Older history.
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const loadOlder = useCallback(() => {
    const before = lowestSeq(stateRef.current.timeline);
    if (before === null || before <= 1) return;
    setLoadingOlder(true);
    setOlderError(null);
    chatApi
      .messages(roomId, { before, limit: OLDER_PAGE })
      .then(
        (page) => dispatch({ type: 'older', page }),
        (e: unknown) => setOlderError(e),
      )
      .finally(() => setLoadingOlder(false));
  }, [roomId]);

  // Read marks: what is shown is read while the page is visible.
  const readInFlight = useRef(0);
  const toRead = readMarkToSend(state);
  useEffect(() => {
    if (!visible || toRead === null || readInFlight.current >= toRead) return;
    readInFlight.current = toRead;
    roomLink.markRead(roomId, toRead).then(
      () => dispatch({ type: 'readSent', seq: toRead }),
      () => {
        readInFlight.current = 0; // the next message or visibility change tries again
      },
    );
  }, [visible, toRead, roomId]);

  // Sending. A photo is uploaded once (a retry after the upload sends the same id).
  const deliver = useCallback(
    (p: PendingMessage) => {
      const clientId = p.clientId;
      const content = async (): Promise<MessageContent> => {
        if (!p.photo) return { text: p.text };
        let uploaded = p.photo.uploaded;
        if (!uploaded) {
          const stored = await chatApi.uploadPhoto(p.photo.file);
          const photo = stored.items[0];
          uploaded = { id: photo.id, url: photo.large_url };
          dispatch({ type: 'uploaded', clientId, photo: uploaded });
        }
        return { photo_id: uploaded.id };
      };
      content().then((c) => roomLink.send(roomId, c, clientId)).then(
        (sent) => {
          if (sent.message) dispatch({ type: 'newer', page: { items: [sent.message] } });
          dispatch({ type: 'sent', clientId, seq: sent.seq });
          void qc.invalidateQueries({ queryKey: chatKeys.rooms });
        },
        (e: unknown) => {
          const error = sendFailure(e);
          dispatch({ type: 'failed', clientId, error });
          if (error === 'closed') void qc.invalidateQueries({ queryKey: chatKeys.room(roomId) });
        },
      );
    },
    [roomId, qc],
  );
  const throttle = useRef(createTypingThrottle());
  const send = useCallback(
    (text: string) => {
      const pending: PendingMessage = { clientId: newClientId(), text, at: Date.now(), status: 'sending' };
      dispatch({ type: 'send', pending });
      throttle.current.reset();
      deliver(pending);
    },
    [deliver],
  );
  const sendPhoto = useCallback(
    (file: File) => {
      const pending: PendingMessage = {
        clientId: newClientId(),
        text: '',
        at: Date.now(),
        status: 'sending',
        photo: { file, previewUrl: URL.createObjectURL(file) },
      };
      dispatch({ type: 'send', pending });
      deliver(pending);
    },
    [deliver],
  );
  const retry = useCallback(
    (p: PendingMessage) => {
      dispatch({ type: 'retry', clientId: p.clientId });
      // The pending as the timeline has it now: it knows an upload that finished before the failure.
      deliver(stateRef.current.timeline.pending.find((x) => x.clientId === p.clientId) ?? p);
    },
    [deliver],
  );
  const discard = useCallback((p: PendingMessage) => dispatch({ type: 'discard', clientId: p.clientId }), []);
  // A photo's local preview is let go once its bubble is gone (stored, or discarded).
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const shown = new Set(state.timeline.pending.flatMap((p) => (p.photo ? [p.photo.previewUrl] : [])));
    for (const url of previews.current) if (!shown.has(url)) URL.revokeObjectURL(url);
    previews.current = shown;
  }, [state.timeline.pending]);
  useEffect(() => {
    const held = previews;
    return () => held.current.forEach((url) => URL.revokeObjectURL(url));
  }, []);
  // The server takes typing only from a subscriber of the room (and ends the connection otherwise).
  const subscribed = subscriptions > 0;
  const typing = useCallback(() => {
    if (!subscribed || stateRef.current.closed || !throttle.current.shouldSend()) return;
    roomLink.typing(roomId);
  }, [roomId, subscribed]);

  return {
    state,
    loadError,
    retryLoad: () => setLoadTry((n) => n + 1),
    loadingOlder,
    olderError,
    loadOlder,
    catchUpError,
    retryCatchUp: () => setCatchUpTry((n) => n + 1),
    send,
    sendPhoto,
    retry,
    discard,
    typing,
    lastLive,
  };
}
