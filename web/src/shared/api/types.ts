// Names for the API types the app uses, all taken from the types generated from docs/openapi.yaml
// (src/shared/api/schema.gen.ts, `npm run gen:api`). Nothing about the wire format is written by hand here.

import type { components, operations } from './schema.gen';

type Schemas = components['schemas'];

/** UI language; also sent as Accept-Language. Not part of the API schema. */
export type Lang = 'ko' | 'en';

export type User = Schemas['User'];
export type TokenResponse = Schemas['TokenResponse'];
export type SignupRequest = Schemas['SignupRequest'];
export type SignupResponse = Schemas['SignupResponse'];
export type UserEnvelope = Schemas['UserEnvelope'];
export type AvailabilityField = Schemas['AvailabilityField'];
export type AvailabilityResponse = Schemas['Availability'];
export type Empty = Schemas['Empty'];

export type FieldProblem = Schemas['FieldError'];
/** A problem body as received: every member may be missing when a proxy or a crash answers instead of the API. */
export type Problem = Partial<Schemas['Problem']>;

export type Category = Schemas['Category'];
export type Difficulty = Schemas['Difficulty'];
export type Light = Schemas['Light'];
export type Watering = Schemas['WateringCode'];
export type GrowthSpeed = Schemas['GrowthSpeed'];
export type Placement = Schemas['Placement'];
export type Range = Schemas['Range'];
export type PlantSummary = Schemas['PlantSummary'];
export type PlantDetail = Schemas['PlantDetail'];
export type PlantPage = Schemas['PlantPage'];
/** height_cm / spread_cm. */
export type Size = PlantDetail['height_cm'];

export type MailItem = Schemas['MailboxItem'];
export type Mailbox = Schemas['Mailbox'];

export type SpeciesSummary = Schemas['SpeciesSummary'];

export type ListingState = Schemas['ListingState'];
export type ListingCategory = Schemas['ListingCategory'];
export type ListingPhoto = Schemas['ListingPhoto'];
export type ListingSummary = Schemas['ListingSummary'];
export type ListingDetail = Schemas['ListingDetail'];
export type ListingPage = Schemas['ListingPage'];
export type CreateListingRequest = Schemas['CreateListingRequest'];
export type UpdateListingRequest = Schemas['UpdateListingRequest'];
export type ChangeStateRequest = Schemas['ChangeStateRequest'];
export type ChatPartner = Schemas['ChatPartner'];
export type ChatPartnerList = operations['listChatPartners']['responses'][200]['content']['application/json'];
export type WishState = Schemas['WishState'];
export type Keyword = Schemas['Keyword'];
export type KeywordList = Schemas['KeywordList'];
export type PriceGuide = Schemas['PriceGuide'];
/** GET /market/listings query parameters. */
export type ListingQuery = NonNullable<operations['listListings']['parameters']['query']>;
export type ListingSort = NonNullable<ListingQuery['sort']>;

export type ChatRoom = Schemas['ChatRoom'];
export type ChatMessage = Schemas['ChatMessage'];
/** GET /chat/rooms/{id}: the room and who has it open now (user ids). */
export type ChatRoomDetail = operations['getChatRoom']['responses'][200]['content']['application/json'];
export type ChatRoomPage = operations['listChatRooms']['responses'][200]['content']['application/json'];
export type ChatMessagePage = operations['listChatMessages']['responses'][200]['content']['application/json'];
export type ChatReadMark = operations['markChatRead']['responses'][200]['content']['application/json'];

export type Photo = Schemas['Photo'];
/** What POST /photos answers: the stored photos, in upload order. */
export type PhotoUpload = operations['uploadPhotos']['responses'][201]['content']['application/json'];

export type NotificationType = Schemas['NotificationType'];
/** One notification (the schema's `Notification`; named so that it does not hide the browser's Notification). */
export type NotificationItem = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type UnreadCount = Schemas['UnreadCount'];
export type NotificationSettings = Schemas['NotificationSettings'];
