import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { chatApi } from '.';
import { userKey } from '../../../shared/query/queryClient';

export const ROOMS_PAGE = 20;

export const chatKeys = {
  all: userKey('chat'),
  rooms: userKey('chat', 'rooms'),
  /** `listing`: the rooms of one listing (the seller's view of who asked), '' for all of mine. */
  roomList: (listing: string) => userKey('chat', 'rooms', listing),
  room: (id: string) => userKey('chat', 'room', id),
};

/** My rooms, most recent activity first, page by page. */
export function useRooms(listing: string) {
  return useInfiniteQuery({
    queryKey: chatKeys.roomList(listing),
    queryFn: ({ pageParam, signal }) =>
      chatApi.rooms({ listing_id: listing || undefined, cursor: pageParam, limit: ROOMS_PAGE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: 0,
  });
}

/** One room with who is in it now. */
export function useRoom(id: string) {
  return useQuery({ queryKey: chatKeys.room(id), queryFn: ({ signal }) => chatApi.room(id, signal), staleTime: 0 });
}
