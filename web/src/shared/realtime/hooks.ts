// What components use. Each hook listens only while the component is mounted and someone is logged in.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { realtime } from '.';
import { useAuth } from '../auth/useAuth';
import type { StompMessage } from './types';

/** Unread notifications, live over SSE. */
export function useUnreadNotifications(): number {
  const { status } = useAuth();
  useEffect(() => (status === 'authenticated' ? realtime.unread.watchNotifications() : undefined), [status]);
  const { state } = realtime.unread;
  return useSyncExternalStore(state.subscribe, () => state.get().notifications, () => 0);
}

/** Unread messages of one chat room, live over STOMP. */
export function useRoomUnread(roomId: string): number {
  const { status } = useAuth();
  useEffect(() => (status === 'authenticated' ? realtime.unread.watchRooms() : undefined), [status]);
  const { state } = realtime.unread;
  return useSyncExternalStore(state.subscribe, () => state.get().rooms[roomId] ?? 0, () => 0);
}

/**
 * Messages of a STOMP destination (e.g. a chat room's topic) while mounted; the handlers may change freely.
 * `onSubscribed` runs each time the broker has confirmed the subscription (after every reconnect too): the
 * moment to ask over HTTP for what was sent while not subscribed.
 */
export function useStompDestination(
  destination: string | null,
  onMessage: (message: StompMessage) => void,
  onSubscribed?: () => void,
): void {
  const { status } = useAuth();
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const subscribed = useRef(onSubscribed);
  subscribed.current = onSubscribed;
  useEffect(() => {
    if (!destination || status !== 'authenticated') return;
    return realtime.manager.subscribe(destination, (m) => handler.current(m), () => subscribed.current?.());
  }, [destination, status]);
}

/**
 * Events of one type of the notification stream (e.g. "notification", "resync") while mounted and logged in;
 * the handler may change freely. The stream is the one the unread counter uses: listening opens no other.
 */
export function useServerEvent(type: string, onEvent: (event: MessageEvent<string>) => void): void {
  const { status } = useAuth();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (status !== 'authenticated') return;
    return realtime.manager.onEvent(type, (e) => handler.current(e));
  }, [type, status]);
}

/** The state of both connections, for an "offline" hint. */
export function useRealtimeStatus() {
  const { status } = realtime.manager;
  return useSyncExternalStore(status.subscribe, status.get, status.get);
}

/** Unread messages of every chat room the counters know of (room id → count), live over STOMP. */
export function useRoomUnreads(): Readonly<Record<string, number>> {
  const { status } = useAuth();
  useEffect(() => (status === 'authenticated' ? realtime.unread.watchRooms() : undefined), [status]);
  const { state } = realtime.unread;
  return useSyncExternalStore(state.subscribe, () => state.get().rooms, () => EMPTY_ROOMS);
}

const EMPTY_ROOMS: Readonly<Record<string, number>> = {};

/** Unread chat messages over all rooms, for the header's badge. */
export function useChatUnreadTotal(): number {
  const rooms = useRoomUnreads();
  return Object.values(rooms).reduce((sum, n) => sum + n, 0);
}
