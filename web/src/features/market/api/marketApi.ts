// The marketplace endpoints (/api/v1/market/…), the photo upload (media), the encyclopedia search used by
// the species picker, and opening a chat about a listing (the chat feature shows the room at /chat/<id>).
// Reads that a visitor may make without an account take `auth`: the signed-in user's token goes along when
// there is one (the answer then says is_owner / wished).
import { uploadPhoto } from '../../../shared/api/photos';
import type { Transport } from '../../../shared/api/transport';
import type {
  ChangeStateRequest,
  ChatPartnerList,
  ChatRoom,
  ChatRoomPage,
  CreateListingRequest,
  Keyword,
  KeywordList,
  ListingDetail,
  ListingPage,
  ListingQuery,
  ListingState,
  PlantPage,
  PriceGuide,
  UpdateListingRequest,
  WishState,
} from '../../../shared/api/types';

const listing = (id: string) => `/market/listings/${encodeURIComponent(id)}`;

export function createMarketApi(http: Transport) {
  return {
    feed: (query: ListingQuery, auth: boolean, signal?: AbortSignal) =>
      http.request<ListingPage>('/market/listings', { query, auth, signal }),

    get: (id: string, auth: boolean, signal?: AbortSignal) => http.request<ListingDetail>(listing(id), { auth, signal }),

    create: (body: CreateListingRequest, idempotencyKey: string) =>
      http.request<ListingDetail>('/market/listings', { method: 'POST', body, auth: true, idempotencyKey }),

    update: (id: string, body: UpdateListingRequest) =>
      http.request<ListingDetail>(listing(id), { method: 'PATCH', body, auth: true }),

    remove: (id: string) => http.request<void>(listing(id), { method: 'DELETE', auth: true }),

    changeState: (id: string, body: ChangeStateRequest) =>
      http.request<ListingDetail>(`${listing(id)}/state`, { method: 'PUT', body, auth: true }),

    bump: (id: string) => http.request<ListingDetail>(`${listing(id)}/bump`, { method: 'POST', auth: true }),

    chatPartners: (id: string, signal?: AbortSignal) =>
      http.request<ChatPartnerList>(`${listing(id)}/chat-partners`, { auth: true, signal }),

    /** 채팅하기: the buyer's room about the listing, new (201) or the one they already have (200). */
    openChat: (listingId: string) =>
      http.request<ChatRoom>('/chat/rooms', { method: 'POST', body: { listing_id: listingId }, auth: true }),

    /** The caller's own room about a listing, if there is one (a buyer has at most one per listing). */
    myChatRoom: async (listingId: string, signal?: AbortSignal) =>
      (await http.request<ChatRoomPage>('/chat/rooms', { query: { listing_id: listingId, limit: 1 }, auth: true, signal })).items[0] ?? null,

    setWish: (id: string, wished: boolean) =>
      http.request<WishState>(`${listing(id)}/wish`, { method: wished ? 'PUT' : 'DELETE', auth: true }),

    myListings: (state: ListingState | '', cursor: string | null, signal?: AbortSignal) =>
      http.request<ListingPage>('/market/me/listings', { query: { state, cursor, limit: 20 }, auth: true, signal }),

    myPurchases: (cursor: string | null, signal?: AbortSignal) =>
      http.request<ListingPage>('/market/me/purchases', { query: { cursor, limit: 20 }, auth: true, signal }),

    myWishes: (cursor: string | null, signal?: AbortSignal) =>
      http.request<ListingPage>('/market/me/wishes', { query: { cursor, limit: 20 }, auth: true, signal }),

    keywords: (signal?: AbortSignal) => http.request<KeywordList>('/market/me/keywords', { auth: true, signal }),

    addKeyword: (keyword: string) =>
      http.request<Keyword>('/market/me/keywords', { method: 'POST', body: { keyword }, auth: true }),

    removeKeyword: (id: string) =>
      http.request<void>(`/market/me/keywords/${encodeURIComponent(id)}`, { method: 'DELETE', auth: true }),

    priceGuide: (speciesId: string, signal?: AbortSignal) =>
      http.request<PriceGuide>(`/market/species/${encodeURIComponent(speciesId)}/price-guide`, { signal }),

    uploadPhoto: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
      uploadPhoto(http, file, onProgress, signal),

    /** The encyclopedia's name search, for linking a listing to a species. */
    searchSpecies: (q: string, signal?: AbortSignal) => http.request<PlantPage>('/plants', { query: { q, limit: 8 }, signal }),
  };
}

export type MarketApi = ReturnType<typeof createMarketApi>;
