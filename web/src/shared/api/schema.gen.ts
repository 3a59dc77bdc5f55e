// Generated from docs/openapi.yaml by `npm run gen:api` (openapi-typescript). Do not edit:
// change the spec and run the generator; npm test fails while this file and the spec disagree.

export interface paths {
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 회원가입 / Create an account
         * @description Creates an unverified account and mails a 6-digit verification code to `email`.
         *     The code expires in 10 minutes; 5 wrong attempts invalidate it.
         */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 이메일 인증 / Verify an e-mail address with the mailed code */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 인증 코드 재발송 / Mail a new verification code
         * @description Mails a new 6-digit code (valid for 10 minutes). At most one mail per 60 seconds.
         */
        post: operations["resendVerificationEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 아이디·닉네임·이메일 사용 가능 여부 / Check whether a username, nickname or e-mail can be used */
        get: operations["checkAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 로그인 / Log in with username and password
         * @description With `"session": "cookie"` the refresh token is set as the httpOnly cookie `sikgu_refresh` and the body has no
         *     `refresh_token`; the access token is also set as the `sikgu_access` cookie (for EventSource and WebSocket
         *     connections). With `"session": "token"` (the default) the refresh token is in the body and no cookie is set.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 토큰 갱신 / Get a new access token and rotate the refresh token
         * @description The refresh token comes from the body (`refresh_token`) or, if the body has none, from the `sikgu_refresh`
         *     cookie; a cookie-based call must send `X-Sikgu-Csrf: 1`. The refresh token is rotated on every call and is
         *     returned the way it came: in the body for a body token, as a new cookie for a cookie token (with a new
         *     `sikgu_access` cookie).
         *     Reusing an already rotated token revokes the whole session family.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 로그아웃 / Log out and revoke the refresh token
         * @description Revokes the refresh token given in the body or, if the body has none, in the `sikgu_refresh` cookie
         *     (a cookie-based call must send `X-Sikgu-Csrf: 1`), and clears the refresh and access cookies.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/kakao/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 카카오 로그인 시작 / Start a Kakao login
         * @description The web app's Kakao button is a plain link here. Answers `302` to Kakao's authorization page
         *     (authorization code flow with PKCE `S256`) and sets the login-CSRF cookie
         *     `sikgu_oauth=<state>; Path=/api/v1/auth/kakao; HttpOnly; SameSite=Lax; Max-Age=600` (plus `Secure` over
         *     HTTPS). The pending login is kept for 10 minutes. When the request carries a valid `sikgu_refresh` cookie
         *     (the user is logged in, e.g. on my page), the Kakao account is linked to that user instead.
         *     When Kakao login is not configured the answer is `302` to `/login?error=auth.oauth_unavailable`.
         */
        get: operations["kakaoStart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/kakao/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 카카오 로그인 콜백 / Kakao login callback
         * @description Kakao redirects the browser here. The `state` must equal the `sikgu_oauth` cookie and still be pending
         *     (each state is used once). The code is exchanged (with the PKCE verifier) at Kakao's token endpoint and the
         *     user is read from its user-info endpoint. A Kakao account already linked logs its user in; otherwise, when
         *     the login started from a logged-in session the Kakao account is linked to that user (and the browser goes
         *     back to `return_to`), else a new user is created (username `kakao_…`, no password; the Kakao e-mail is kept
         *     only when Kakao says it is verified and no other account uses it — an existing account is never taken
         *     over by e-mail). A login ends with `302` to `/auth/kakao/done?return_to=<path>` with the refresh and access
         *     cookies set; every failure ends with `302` to `/login?error=<code>`: `auth.oauth_state_invalid`,
         *     `auth.oauth_denied` (Kakao sent an error, e.g. the user cancelled), `auth.oauth_failed` (the token or
         *     user-info exchange failed), `auth.oauth_already_linked`, `auth.oauth_unavailable`.
         */
        get: operations["kakaoCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/find-username": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 아이디 찾기 / Mail the username registered for an e-mail address
         * @description Always answers 202, whether or not the address is registered; if it is, the username is mailed to it.
         */
        post: operations["findUsername"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 비밀번호 재설정 메일 요청 / Mail a password reset link
         * @description Always answers 202, whether or not the address is registered; if it is, a link of the form
         *     `<public_url>/reset-password/confirm?token=...` is mailed to it.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 비밀번호 재설정 / Set a new password with the token from the reset link */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 내 정보 / Get the signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * 회원 탈퇴 / Delete the account
         * @description Deletes the signed-in user's account. The current password is required; an account without a password
         *     (created by Kakao login) confirms with `{"confirm": "delete"}` instead.
         */
        delete: operations["deleteMe"];
        options?: never;
        head?: never;
        /** 닉네임 변경 / Change the nickname */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 비밀번호 변경 / Change the password
         * @description Every session of the user ends — every refresh family, the asking device's own included (a copy of one of
         *     its tokens may be in other hands), and every access token issued so far (`auth.token_revoked` from now on).
         *     The asking device continues with the new session in the response: with `"session": "cookie"` the refresh
         *     token is set as the `sikgu_refresh` cookie, otherwise it is in the body. Wrong `current_password`
         *     attempts count against the same per-account budget as failed logins.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 스트림 티켓 발급 / Get a single-use ticket for opening a stream or WebSocket
         * @description Browsers cannot send an Authorization header when they open an `EventSource` or a `WebSocket`. A script that
         *     holds the access token trades it here for a ticket and opens the connection with `?ticket=<ticket>`. A ticket
         *     is valid for 30 seconds and for one connection; it is not an access token (any other use is refused with
         *     `auth.token_invalid`), and an access token is not a ticket. A connection it opens ends when the access token
         *     it was issued for expires, or when the session is revoked; the client then gets a new ticket. Only a bearer
         *     token can buy a ticket (not the `sikgu_access` cookie, nor another ticket). At most 60 tickets per minute per user.
         */
        post: operations["createStreamTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 개발용 메일함 / Mails the server would have sent (local development only)
         * @description Available only when no SMTP server is configured **and** the server listens on a loopback address;
         *     otherwise the route answers `404 route.not_found`. Items are newest first.
         */
        get: operations["listDevMailbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 식물 목록·검색 / List and search plants
         * @description Filters combine with AND. Results are paged with an opaque cursor: pass `next_cursor` of one page as `cursor`
         *     to get the next; `next_cursor` is null on the last page.
         */
        get: operations["listPlants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 식물 상세 / Get one plant */
        get: operations["getPlant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 중고거래 피드·검색 / Marketplace feed and search
         * @description Public listings (not hidden, not deleted), newest first unless `sort` says otherwise. Filters combine with AND.
         *     Paged with an opaque cursor: pass `next_cursor` as `cursor` with the same `sort`; it is null on the last page.
         *     Under `sort=popular` (views + 4 × wishes + 8 × chats) counts change between pages, so a listing may move.
         *     A search (`q`) sorted by price or popularity orders its newest 1,000 matches (`[market] sort_window`), or
         *     all of them when there are fewer; a page whose search had more says so in `sorted_within`. The first page
         *     fixes that window: its cursor keeps the window's oldest match, so later pages sort the same matches plus
         *     any posted since. The newest order and the feed without `q` are never windowed.
         *     Pages are shared between callers: a listing change shows at once, counts (views, wishes, chats) may be up
         *     to a second behind.
         */
        get: operations["listListings"];
        put?: never;
        /**
         * 판매글 쓰기 / Create a listing
         * @description The photos are the caller's own uploads (`POST /api/v1/photos`), already processed, in display order. An
         *     `Idempotency-Key` makes a retried request create one listing. Publishes `post.created` and, for every other
         *     user whose keyword alert matches, one `keyword.matched`.
         */
        post: operations["createListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        /**
         * 판매글 보기 / One listing
         * @description Counts a view: once per viewer per listing per Korean day (a signed-in user by id, anyone else by a keyed hash
         *     of their address and browser), never the seller's own. Hidden and deleted listings are shown to their seller
         *     only. `species_card` is the encyclopedia's care summary (null when unlinked or the encyclopedia is unreachable).
         */
        get: operations["getListing"];
        put?: never;
        post?: never;
        /**
         * 판매글 지우기 / Delete a listing
         * @description Soft delete; the seller still sees it. Publishes `post.deleted` (chats close, photos are collected).
         */
        delete: operations["deleteListing"];
        options?: never;
        head?: never;
        /**
         * 판매글 고치기·숨기기 / Edit or hide a listing
         * @description Only the fields sent change; `species_id: null` removes the link; `photo_ids` replaces the whole list (photos
         *     left out are released and collected by media). Shown again after `hidden: true`, the listing alerts keyword
         *     subscribers who were not told yet. Publishes `post.updated`.
         */
        patch: operations["updateListing"];
        trace?: never;
    };
    "/api/v1/market/listings/{id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 판매 상태 바꾸기 / Change the trade state
         * @description 판매중 (selling) ⇄ 예약중 (reserved), either → 거래완료 (sold) with the buyer, one of the users who opened a chat
         *     about the listing (`GET …/chat-partners`). 거래완료 is final. Publishes `post.updated`, and `post.sold` on sold.
         */
        put: operations["changeListingState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/listings/{id}/bump": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 끌어올리기 / Bump to the top of the feed
         * @description Once every 24 hours (`can_bump_at`); not for sold listings.
         */
        post: operations["bumpListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/listings/{id}/chat-partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 이 글로 채팅한 사람들 / Who chatted about this listing
         * @description The seller's choice of buyer for 거래완료.
         */
        get: operations["listChatPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/listings/{id}/wish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * 찜하기 / Wish-list a listing
         * @description Idempotent. The first wish by someone other than the seller publishes `wish.added`.
         */
        put: operations["wishListing"];
        post?: never;
        /**
         * 찜 취소 / Take a wish back
         * @description Idempotent; also for a listing that has since been hidden or deleted.
         */
        delete: operations["unwishListing"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/me/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 판매 내역 / My listings
         * @description The caller's listings (hidden ones included, deleted ones not), newest first.
         */
        get: operations["listMyListings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/me/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 구매 내역 / Listings I bought */
        get: operations["listMyPurchases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/me/wishes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 찜 내역 / My wish list */
        get: operations["listMyWishes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/me/keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 키워드 알림 목록 / My keyword alerts */
        get: operations["listMyKeywords"];
        put?: never;
        /**
         * 키워드 알림 추가 / Add a keyword alert
         * @description At most 20 per user. A new listing, or one shown again, whose title or description contains the keyword
         *     (compared like search terms) publishes one `keyword.matched` per subscriber per listing, never to its author.
         */
        post: operations["addMyKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/me/keywords/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 키워드 알림 삭제 / Remove a keyword alert */
        delete: operations["removeMyKeyword"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market/species/{id}/price-guide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 시세 / Price guide for a species
         * @description Median and range of the 거래완료 prices of listings linked to the species in the last 90 days.
         */
        get: operations["getPriceGuide"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 채팅 목록 / My rooms
         * @description Most recent activity first, each with the other party, the listing, the last message and the caller's unread count, read in one query.
         */
        get: operations["listChatRooms"];
        put?: never;
        /**
         * 채팅하기 / Open (or get) the room about a listing
         * @description The caller is the buyer. Returns the existing room (200) or a new one (201; `chat.room.created` is
         *     published, which makes the caller a possible buyer for 거래완료). Never for one's own listing, nor a new
         *     room for a sold one.
         */
        post: operations["openChatRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/rooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 채팅방 / A room */
        get: operations["getChatRoom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/rooms/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 대화 내용 / History
         * @description `after=n`: the messages after n, oldest first (what a reconnecting client missed); otherwise the newest, or those before `before`, newest first.
         */
        get: operations["listChatMessages"];
        put?: never;
        /**
         * 메시지 보내기 / Send a message (without STOMP)
         * @description The same as a STOMP SEND. A repeated `client_id` answers the original message (200) and stores nothing.
         *     Exactly one of `text` and `photo_id`. A photo is the caller's own upload (`POST /api/v1/photos`), processed,
         *     and held by no listing and no other room; the room then holds it until its history is purged.
         */
        post: operations["sendChatMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/rooms/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 읽음 표시 / Advance the read mark
         * @description The caller's watermark moves to `seq` (never backwards, never past the last message); the room sees it live.
         */
        put: operations["markChatRead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 실시간 채팅 (STOMP 1.2 over WebSocket) / Live chat
         * @description A WebSocket speaking STOMP 1.2 (`@stomp/stompjs` works as is; the handshake answers `Sec-WebSocket-Protocol:
         *     v12.stomp` when the client offers it). The access token goes in the CONNECT
         *     frame as `Authorization: Bearer <token>`; the connection ends with an ERROR frame when it expires or its
         *     session is revoked (connect again with a fresh token). Heart-beats are negotiated (the server offers and
         *     asks for 10 s, `chat.heartbeat_ms`); a client silent for twice the agreed interval is dropped.
         *
         *     - `SUBSCRIBE /topic/rooms/<id>`: a room of the caller's. Bodies (JSON): `{"type":"message","message":ChatMessage,"room_closed":bool}`,
         *       `{"type":"read","user_id","seq"}`, `{"type":"typing","user_id"}`, `{"type":"presence","user_id","present"}`.
         *     - `SUBSCRIBE /user/queue/chat.unread`: `{"room_id","unread"}` whenever the caller's unread count in a room changes.
         *     - `SEND /app/rooms/<id>/messages` with a `client-message-id` header and `{"text":"…"}` or
         *       `{"photo_id":"<id>"}` (as for `POST …/messages`); its RECEIPT (when asked with `receipt`) comes once the
         *       message is stored and carries its `seq`. A refused photo gets ERROR `bad photo` with the code as its body.
         *     - `SEND /app/rooms/<id>/read` `{"seq":n}`; `SEND /app/rooms/<id>/typing` (never stored).
         *
         *     Frames are at most 64 KiB, 32 headers of 8 KiB. Anything refused (a stranger's room, a closed room, a bad
         *     frame) gets an ERROR frame and the connection ends, with nothing stored. A client that does not read is
         *     cut off when 1 MiB is queued for it.
         */
        get: operations["chatWebSocket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 알림 목록 / My notifications
         * @description Newest first, keyset-paged. A notification's `id` numbers the user's own notifications 1, 2, 3, … and is the stream's event id.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 안 읽은 알림 수 / Unread count */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 모두 읽음 / Mark all read
         * @description Marks every notification up to `up_to` (the newest one the reader has seen; all when omitted) read, so one that arrives meanwhile stays unread. The body is optional.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 알림 설정 / Notification settings */
        get: operations["getNotificationSettings"];
        /**
         * 알림 설정 바꾸기 / Change notification settings
         * @description Replaces the muted types. A muted type is not stored at all (and so never streamed).
         */
        put: operations["setNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 실시간 알림 / Live notifications (Server-Sent Events)
         * @description `text/event-stream` for the signed-in user, usable from the browser's `EventSource`: authenticated by the
         *     `sikgu_access` cookie (same origin), a single-use `?ticket=` or a bearer token. Events:
         *
         *     - `retry: 3000` first;
         *     - `event: notification`, `id: <notification id>`, data: a `Notification` plus `unread` (the count after it);
         *     - `event: unread`, data `{"count": n}`: on connect and whenever the count changes without a new
         *       notification (read or deleted in another tab);
         *     - `event: resync`, data `{}`: the client was more than 500 notifications behind; reload the list;
         *     - `event: reauth` (data `expired` or `revoked`) or `event: bye` (data `shutdown`) just before the server
         *       ends the stream;
         *     - a `: heartbeat` comment after 15 s (`notify.heartbeat_seconds`) without anything else.
         *
         *     On reconnect `Last-Event-ID` (or `?last_event_id=`, for a client that must open a new URL) replays what
         *     came after that id, then the stream goes live; nothing is sent twice. An id that is not a number, or beyond
         *     the user's last notification, is ignored: the stream starts live.
         */
        get: operations["streamNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 읽음 표시 / Mark read */
        put: operations["markNotificationRead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 알림 삭제 / Delete a notification */
        delete: operations["deleteNotification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 사진 업로드 / Upload photos
         * @description `multipart/form-data` with 1 to `media.max_files` (10) file parts (any field name; a part counts as a file
         *     when it has a `filename`). Each file is recognised from its content, never its name or declared type:
         *     JPEG, PNG, WebP, GIF (first frame) and HEIC/AVIF are accepted. Each is turned upright (EXIF orientation),
         *     stripped of every metadata block (EXIF with GPS, XMP, IPTC, ICC after conversion to sRGB), re-encoded
         *     (JPEG, or PNG when it has transparency) and rendered as WebP at 1080 and 320 pixels on the long side
         *     (never enlarged). Either every file is stored or none is. A photo no listing takes within
         *     `media.orphan_ttl_seconds` (24 h) is deleted.
         */
        post: operations["uploadPhotos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * 사진 삭제 / Delete one of my photos
         * @description The owner deletes a photo no listing holds; its files go when no other photo uses them.
         */
        delete: operations["deletePhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/p/{key}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 사진 파일 / A stored photo file
         * @description Public. The URLs come from `Photo` (`thumbnail_url`, `large_url`, `original_url`). The path names the
         *     content (its SHA-256), so the answer is cached for good (`Cache-Control: public, max-age=31536000,
         *     immutable`) with an `ETag`; `If-None-Match` gets 304. With S3 storage sikgu fetches the object itself.
         */
        get: operations["getMediaFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/v1/plant/species/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 종 요약 (서비스 간) / One species, for another service */
        get: operations["internalGetSpecies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/v1/plant/species": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 종 요약 여러 개 (서비스 간) / Several species at once, for another service */
        get: operations["internalListSpecies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/v1/media/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 사진 여러 장 (서비스 간) / Several photos at once, for another service */
        get: operations["internalListPhotos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/v1/market/listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 판매글 요약 (서비스 간) / A listing's summary, for another service
         * @description What chat needs when a buyer opens a room. Hidden listings are answered with `open` false.
         */
        get: operations["internalGetListing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 생존 확인 / Liveness check */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 준비 상태 확인 / Readiness check
         * @description 200 when every check passes, 503 otherwise; both carry the same JSON body (not a problem document).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 지표 / Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 명세 / This OpenAPI document */
        get: operations["getOpenApiSpec"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 오류 코드 목록 / Every problem code
         * @description An HTML table of every `code` with its HTTP status and Korean and English descriptions. With `Accept: application/json`, the same as JSON.
         */
        get: operations["listProblemCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 오류 코드 설명 / What one problem code means
         * @description Where every problem's `type` points. HTML, or JSON with `Accept: application/json`.
         */
        get: operations["getProblemCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 문서 / Swagger UI for this API */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A 64-bit integer id as a decimal string.
         * @example 7273482348923
         */
        Id: string;
        /**
         * Format: date-time
         * @description RFC 3339 time in UTC.
         * @example 2025-01-31T09:00:00Z
         */
        Timestamp: string;
        /**
         * @description A stable machine code; every value is listed in `components.x-error-codes`.
         * @example account.username_taken
         */
        ErrorCode: string;
        /** @description RFC 9457 problem details. */
        Problem: {
            /**
             * Format: uri
             * @description `<core.http.public_url>/api/problems/<code>`: the page documenting the code (status, Korean and English).
             * @example http://localhost:8080/api/problems/account.username_taken
             */
            type: string;
            /**
             * @description The code's short text, in the same language as `detail` (per `Accept-Language`).
             * @example 이미 사용 중인 아이디입니다.
             */
            title: string;
            /** @example 409 */
            status: number;
            /** @description Human-readable explanation in Korean or English, per `Accept-Language`. */
            detail: string;
            /** @description The request id. */
            instance: string;
            code: components["schemas"]["ErrorCode"];
            /** @description Per-field problems; present only with `validation.failed` and `request.unknown_field`. */
            errors?: components["schemas"]["FieldError"][];
        };
        ProblemDoc: {
            code: string;
            status: number;
            en: string;
            ko: string;
        };
        FieldError: {
            /**
             * @description Name of the offending body field or query parameter.
             * @example password
             */
            field: string;
            code?: components["schemas"]["ErrorCode"];
            /** @description Human-readable explanation, per `Accept-Language`. */
            detail?: string;
        };
        /** @description An empty JSON object (`{}`). */
        Empty: Record<string, never>;
        /**
         * @description 4–20 characters of `a-z`, `0-9` and `_`; unique, compared case-insensitively.
         * @example monstera_kim
         */
        Username: string;
        /**
         * @description 2–16 characters; any letters including Hangul; no control characters. Unique.
         * @example 몬스테라집사
         */
        Nickname: string;
        /**
         * Format: email
         * @example kim@example.com
         */
        Email: string;
        /**
         * Format: password
         * @description 8–64 characters, with at least two of the three kinds letters, digits and symbols, and not equal to the
         *     username (`validation.password_weak`, `validation.password_equals_username`).
         * @example green2leaf
         */
        Password: string;
        /**
         * @description `cookie` — refresh token as the httpOnly cookie `sikgu_refresh`; `token` — refresh token in the body.
         * @default token
         * @enum {string}
         */
        SessionMode: "cookie" | "token";
        /**
         * @description Field-level codes in `errors[]`: `validation.required`, `validation.wrong_type`, `validation.too_short`,
         *     `validation.too_long`, `validation.invalid_format` (username characters, nickname control characters, e-mail
         *     syntax), `validation.password_weak`, `validation.password_equals_username`.
         */
        SignupRequest: {
            username: components["schemas"]["Username"];
            nickname: components["schemas"]["Nickname"];
            email: components["schemas"]["Email"];
            password: components["schemas"]["Password"];
        };
        VerifyEmailRequest: {
            email: components["schemas"]["Email"];
            /**
             * @description The 6-digit code from the verification mail.
             * @example 493027
             */
            code: string;
        };
        EmailRequest: {
            email: components["schemas"]["Email"];
        };
        LoginRequest: {
            /** @example monstera_kim */
            username: string;
            /**
             * Format: password
             * @example green2leaf
             */
            password: string;
            session?: components["schemas"]["SessionMode"];
        };
        /** @description Omit `refresh_token` (or the whole body) to use the `sikgu_refresh` cookie. */
        RefreshRequest: {
            refresh_token?: string;
        };
        PasswordResetConfirmRequest: {
            /** @description The `token` query value of the reset link. */
            token: string;
            new_password: components["schemas"]["Password"];
        };
        UpdateMeRequest: {
            nickname: components["schemas"]["Nickname"];
        };
        ChangePasswordRequest: {
            /** Format: password */
            current_password: string;
            new_password: components["schemas"]["Password"];
            session?: components["schemas"]["SessionMode"];
        };
        /** @description `password` for an account with a password; `confirm: "delete"` for one without (Kakao login only). */
        DeleteMeRequest: {
            /** Format: password */
            password?: string;
            /** @enum {string} */
            confirm?: "delete";
        };
        User: {
            id: components["schemas"]["Id"];
            username: components["schemas"]["Username"];
            nickname: components["schemas"]["Nickname"];
            email: components["schemas"]["Email"];
            email_verified: boolean;
            created_at: components["schemas"]["Timestamp"];
            /**
             * @description External login providers linked to the account.
             * @example [
             *       "kakao"
             *     ]
             */
            providers: string[];
        };
        UserEnvelope: {
            user: components["schemas"]["User"];
        };
        Verification: {
            email: components["schemas"]["Email"];
            expires_at: components["schemas"]["Timestamp"];
        };
        SignupResponse: {
            user: components["schemas"]["User"];
            verification: components["schemas"]["Verification"];
        };
        TokenResponse: {
            /** @description JWT (HS256). */
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /**
             * @description Lifetime of the access token in seconds.
             * @example 900
             */
            expires_in: number;
            /** @description Present only in `token` session mode; absent when the refresh token is sent as a cookie. */
            refresh_token?: string;
            user: components["schemas"]["User"];
        };
        StreamTicket: {
            /** @description Put it in the stream's or WebSocket's URL as `?ticket=`; one use. */
            ticket: string;
            /**
             * @description Seconds the ticket stays valid.
             * @example 30
             */
            expires_in: number;
        };
        /** @enum {string} */
        AvailabilityField: "username" | "nickname" | "email";
        Availability: {
            field: components["schemas"]["AvailabilityField"];
            value: string;
            available: boolean;
            /**
             * @description Present when `available` is false: `account.username_taken`, `account.nickname_taken`,
             *     `account.email_taken`, or the field-level validation code the value fails (e.g. `validation.invalid_format`).
             */
            reason?: components["schemas"]["ErrorCode"];
        };
        MailboxItem: {
            id: components["schemas"]["Id"];
            to: components["schemas"]["Email"];
            subject: string;
            body: string;
            sent_at: components["schemas"]["Timestamp"];
        };
        Mailbox: {
            /** @description Newest first. */
            items: components["schemas"]["MailboxItem"][];
        };
        /**
         * @description 잎 leaf / 꽃 flower / 열매 fruit / 선인장·다육 succulent.
         * @enum {string}
         */
        Category: "leaf" | "flower" | "fruit" | "succulent";
        /**
         * @description 초보자 beginner / 경험자 experienced / 전문가 expert.
         * @enum {string}
         */
        Difficulty: "beginner" | "experienced" | "expert";
        /**
         * @description 낮은 300~800 lux low / 중간 800~1,500 lux medium / 높은 1,500~10,000 lux high.
         * @enum {string}
         */
        Light: "low" | "medium" | "high";
        /**
         * @description 항상 축축 wet / 촉촉 moist / 겉흙이 마르면 surface_dry / 대부분 마르면 mostly_dry.
         * @enum {string}
         */
        WateringCode: "wet" | "moist" | "surface_dry" | "mostly_dry";
        /**
         * @description dark_indoor 어두운 실내 / living_inner 거실 안쪽 / living_window 거실 창측 /
         *     balcony_inner 발코니 안쪽 / balcony_window 발코니 창측.
         * @enum {string}
         */
        Placement: "dark_indoor" | "living_inner" | "living_window" | "balcony_inner" | "balcony_window";
        /** @enum {string} */
        GrowthSpeed: "fast" | "normal" | "slow";
        Range: {
            min: number;
            max: number;
        };
        /** @description Watering need per season; null where unknown. */
        Watering: {
            spring: components["schemas"]["NullableWateringCode"];
            summer: components["schemas"]["NullableWateringCode"];
            autumn: components["schemas"]["NullableWateringCode"];
            winter: components["schemas"]["NullableWateringCode"];
        };
        NullableWateringCode: components["schemas"]["WateringCode"] | null;
        NullableRange: components["schemas"]["Range"] | null;
        PlantSummary: {
            id: components["schemas"]["Id"];
            /** @example 몬스테라 */
            name_ko: string;
            /** @example Monstera */
            name_en: string;
            /** @example Monstera deliciosa */
            scientific_name: string;
            /** @example 천남성과 */
            family_ko: string;
            categories: components["schemas"]["Category"][];
            difficulty: components["schemas"]["Difficulty"] | null;
            light: components["schemas"]["Light"][];
            /** @description null when unknown. */
            pet_safe: boolean | null;
            /** Format: uri */
            image_url: string | null;
        };
        /** @description A species as other services show it (services/plant/contract/plant_queries.hpp). */
        SpeciesSummary: {
            id: components["schemas"]["Id"];
            name_ko: string;
            name_en: string | null;
            scientific_name: string;
            categories: ("leaf" | "flower" | "fruit" | "succulent")[];
            /** @enum {string|null} */
            difficulty: "beginner" | "experienced" | "expert" | null;
            light: ("low" | "medium" | "high")[];
            /**
             * @description Spring watering.
             * @enum {string|null}
             */
            watering: "wet" | "moist" | "surface_dry" | "mostly_dry" | null;
            pet_safe: boolean | null;
            care_tip: string | null;
        };
        PlantDetail: components["schemas"]["PlantSummary"] & {
            /** @description The lux band of each light level in `light` (low 300–800, medium 800–1,500, high 1,500–10,000). */
            light_lux: {
                /** @enum {string} */
                level: "low" | "medium" | "high";
                min: number;
                max: number;
            }[];
            watering: components["schemas"]["Watering"];
            temperature_c: components["schemas"]["NullableRange"];
            humidity_pct: components["schemas"]["NullableRange"];
            winter_min_c: number | null;
            growth_speed: components["schemas"]["GrowthSpeed"] | null;
            /** @description Typical grown height in centimetres. */
            height_cm: number | null;
            /** @description Typical grown spread in centimetres. */
            spread_cm: number | null;
            placement: components["schemas"]["Placement"][];
            toxicity_note: string | null;
            /** @description Care tip in Korean. */
            care_tip: string;
            care_tip_en: string | null;
            /** @constant */
            source: "출처: 농촌진흥청 농사로";
        };
        PlantPage: {
            items: components["schemas"]["PlantSummary"][];
            /** @description Cursor for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /**
         * @description 판매중 (selling), 예약중 (reserved), 거래완료 (sold).
         * @enum {string}
         */
        ListingState: "selling" | "reserved" | "sold";
        /**
         * @description 식물 (plant), 화분·용품 (supplies), 기타 (other).
         * @enum {string}
         */
        ListingCategory: "plant" | "supplies" | "other";
        /** @description Whole KRW; 0 is 나눔 (free). */
        Price: number;
        ListingPhoto: {
            id: components["schemas"]["Id"];
            /** @description The 320 px WebP rendition. */
            thumbnail_url: string;
            /** @description The 1080 px WebP rendition. */
            large_url: string;
            width: number;
            height: number;
        };
        ListingSummary: {
            id: components["schemas"]["Id"];
            title: string;
            price: components["schemas"]["Price"];
            state: components["schemas"]["ListingState"];
            category: components["schemas"]["ListingCategory"];
            thumbnail_url: string | null;
            /** @description The linked encyclopedia species, if any. */
            species: null | {
                id: components["schemas"]["Id"];
                name_ko: string;
            };
            /** @description Where the seller wants to meet (free text, e.g. 마포구 망원동). */
            trade_area: string;
            seller: {
                id: components["schemas"]["Id"];
                nickname: string;
            };
            created_at: components["schemas"]["Timestamp"];
            bumped_at: components["schemas"]["Timestamp"];
            view_count: number;
            wish_count: number;
            chat_count: number;
            /** @description Hidden by its seller (only the seller's own lists and pages show hidden listings). */
            hidden: boolean;
        };
        ListingDetail: components["schemas"]["ListingSummary"] & {
            description: string;
            photos: components["schemas"]["ListingPhoto"][];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            sold_at: string | null;
            deleted: boolean;
            is_owner: boolean;
            /** @description Whether the caller has wish-listed it. */
            wished: boolean;
            /** @description The buyer of a sold listing; shown to the seller and the buyer only. */
            buyer_id: string | null;
            /**
             * Format: date-time
             * @description When the seller may bump it next; null once sold.
             */
            can_bump_at: string | null;
            /** @description The encyclopedia's care summary (GET only; null when unlinked or unreachable). */
            species_card?: null | components["schemas"]["SpeciesSummary"];
        };
        ListingPage: {
            items: components["schemas"]["ListingSummary"][];
            next_cursor: string | null;
            /**
             * @description Only on a search sorted by price or popularity that had more matches than its window: the page orders
             *     the newest this many matches (the client may say "sorted among the latest N").
             */
            sorted_within?: number;
        };
        CreateListingRequest: {
            title: string;
            /** @description Line breaks allowed; other control characters and bidirectional overrides are refused. */
            description?: string;
            price: components["schemas"]["Price"];
            category: components["schemas"]["ListingCategory"];
            photo_ids: components["schemas"]["Id"][];
            species_id?: components["schemas"]["Id"];
            trade_area?: string;
        };
        UpdateListingRequest: {
            title?: string;
            description?: string;
            price?: components["schemas"]["Price"];
            category?: components["schemas"]["ListingCategory"];
            photo_ids?: components["schemas"]["Id"][];
            /** @description A species id, or null to remove the link. */
            species_id?: string | null;
            trade_area?: string;
            /** @description Hidden listings are shown to their seller only. */
            hidden?: boolean;
        };
        ChangeStateRequest: {
            state: components["schemas"]["ListingState"];
            /** @description Required with `sold`. */
            buyer_id?: components["schemas"]["Id"];
        };
        ChatPartner: {
            user_id: components["schemas"]["Id"];
            nickname: string;
            room_id: components["schemas"]["Id"];
            since: components["schemas"]["Timestamp"];
        };
        WishState: {
            listing_id: components["schemas"]["Id"];
            wished: boolean;
            wish_count: number;
        };
        Keyword: {
            id: components["schemas"]["Id"];
            keyword: string;
            created_at: components["schemas"]["Timestamp"];
        };
        KeywordList: {
            items: components["schemas"]["Keyword"][];
            /** @description How many keywords a user may have (20). */
            max: number;
        };
        PriceGuide: {
            species_id: components["schemas"]["Id"];
            days: number;
            count: number;
            median: number | null;
            min: number | null;
            max: number | null;
        };
        ChatMessage: {
            room_id: components["schemas"]["Id"];
            /** @description The room's messages are numbered 1, 2, 3, … in the order they were stored. */
            seq: number;
            /** @enum {string} */
            kind: "text" | "photo" | "system";
            /** @description The text; for a system notice its name (`reserved`, `selling`, `sold`, `deleted`). */
            body: string;
            /** @description Null for a system notice. */
            sender_id: components["schemas"]["Id"] | null;
            client_id: string | null;
            /** @description For a photo, its large WebP rendition (under `/media/`). */
            photo_url?: string;
            /** Format: date-time */
            created_at: string;
        };
        ChatRoom: {
            id: components["schemas"]["Id"];
            listing: {
                id: components["schemas"]["Id"];
                title: string;
                price: number;
                /** @enum {string} */
                state: "selling" | "reserved" | "sold" | "deleted";
                thumbnail_url: string;
            };
            seller_id: components["schemas"]["Id"];
            buyer_id: components["schemas"]["Id"];
            /** @enum {string} */
            role: "seller" | "buyer";
            other: {
                id: components["schemas"]["Id"];
                nickname: string;
            };
            /** @description The other party's messages after the caller's read mark. */
            unread: number;
            last_seq: number;
            read_seq: number;
            /** @description The other party's read mark; the caller's messages up to it show 읽음. */
            other_read_seq: number;
            /** @description The listing was sold or deleted; the history stays (`chat.retention_days`), no new messages. */
            closed: boolean;
            /** Format: date-time */
            created_at: string;
            last_message: components["schemas"]["ChatMessage"] | null;
        };
        /** @enum {string} */
        NotificationType: "comment" | "reply" | "like" | "wish" | "keyword" | "chat" | "payment" | "coupon";
        Notification: {
            id: components["schemas"]["Id"];
            type: components["schemas"]["NotificationType"];
            /** @description The short sentence to show, in the request's language (Accept-Language). */
            text: string;
            /** @description What it is about (a listing's title), at most 60 characters. */
            subject: string;
            /** @description The keyword that matched, a message preview; may be empty. At most 80 characters. */
            detail: string;
            /** @description The web path to open, e.g. `/market/123`. */
            link: string;
            read: boolean;
            /** Format: date-time */
            created_at: string;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            unread: number;
            next_cursor: string | null;
        };
        UnreadCount: {
            unread: number;
        };
        NotificationSettings: {
            types: components["schemas"]["NotificationType"][];
            muted: components["schemas"]["NotificationType"][];
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @description Result of each dependency check, by name. */
            checks: {
                [key: string]: string;
            };
        };
        /** @description A photo as other services see it (services/media/contract/media_queries.hpp). */
        PhotoInfo: {
            id: components["schemas"]["Id"];
            owner_id: components["schemas"]["Id"];
            /** @description Decoded, cleaned and every file stored. */
            ready: boolean;
            /** @description Of the cleaned original, after EXIF orientation. */
            width: number;
            height: number;
            /**
             * @description The 320 px WebP rendition (a path under /media).
             * @example /media/p/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/320.webp
             */
            thumbnail_url: string;
            /** @description The 1080 px WebP rendition. */
            large_url: string;
        };
        Photo: components["schemas"]["PhotoInfo"] & {
            /** @description The cleaned original (JPEG, or PNG when it has transparency), without metadata. */
            original_url: string;
        };
    };
    responses: {
        /** @description `request.malformed_json`, `request.invalid_utf8` or `request.unknown_field` (with `errors[].field`). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "http://localhost:8080/api/problems/request.unknown_field",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "요청 본문에 허용되지 않는 필드가 있습니다.",
                 *       "instance": "01J9Z8Q4T6XK2M3N4P5R6S7T8V",
                 *       "code": "request.unknown_field",
                 *       "errors": [
                 *         {
                 *           "field": "age",
                 *           "code": "request.unknown_field"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `auth.unauthenticated` (no or invalid access token), `auth.token_expired` (refresh and retry) or `auth.token_revoked` (refresh; sign in again if that fails). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "http://localhost:8080/api/problems/auth.token_expired",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "The access token has expired; refresh it and retry.",
                 *       "instance": "01J9Z8Q4T6XK2M3N4P5R6S7T8V",
                 *       "code": "auth.token_expired"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `auth.forbidden`. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `route.not_found`. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `route.method_not_allowed`. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource conflicts with an existing one (`account.*_taken`, `account.already_verified`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "http://localhost:8080/api/problems/account.username_taken",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "이미 사용 중인 아이디입니다.",
                 *       "instance": "01J9Z8Q4T6XK2M3N4P5R6S7T8V",
                 *       "code": "account.username_taken"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource existed but is no longer valid (`account.code_expired`). */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `request.body_too_large`. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `request.unsupported_media_type` — the body must be `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `validation.failed`, with one `errors[]` entry per invalid field. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "http://localhost:8080/api/problems/validation.failed",
                 *       "title": "Unprocessable Content",
                 *       "status": 422,
                 *       "detail": "Some fields are invalid.",
                 *       "instance": "01J9Z8Q4T6XK2M3N4P5R6S7T8V",
                 *       "code": "validation.failed",
                 *       "errors": [
                 *         {
                 *           "field": "password",
                 *           "code": "validation.too_short",
                 *           "detail": "Must be at least 8 characters."
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `rate.limited` (with `Retry-After`) or `account.code_attempts_exceeded`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `server.internal`. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `server.overloaded` — try again shortly. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Required (value `1`) when the call relies on the `sikgu_refresh` cookie. */
        CsrfHeader: "1";
        /**
         * @description 1–255 printable ASCII characters. The same key with the same request within 24 hours gets the stored
         *     response again (`Idempotent-Replayed: true`); with another request, 422 `idempotency.key_reused`; while the
         *     first is still running, 409 `idempotency.in_progress`.
         */
        IdempotencyKey: string;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        Cursor: string;
        Limit: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying.
         * @example 60
         */
        RetryAfter: number;
        /** @description Redirect target. */
        Location: string;
        /**
         * @description Present when the refresh token travels as a cookie, as two headers:
         *     `sikgu_refresh=<token>; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=<refresh lifetime>` and
         *     `sikgu_access=<access token>; Path=/api; HttpOnly; SameSite=Strict; Max-Age=<expires_in>` (both plus `Secure`
         *     over HTTPS).
         */
        SetRefreshCookie: string;
        /**
         * @description Clears both cookies: `sikgu_refresh=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0` and
         *     `sikgu_access=; Path=/api; HttpOnly; SameSite=Strict; Max-Age=0`.
         */
        ClearRefreshCookie: string;
        /**
         * @description The methods the resource supports.
         * @example GET, PATCH, DELETE
         */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "monstera_kim",
                 *       "nickname": "몬스테라집사",
                 *       "email": "kim@example.com",
                 *       "password": "green2leaf"
                 *     }
                 */
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            /** @description Account created; a verification code was mailed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description `account.username_taken`, `account.nickname_taken` or `account.email_taken`. */
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "kim@example.com",
                 *       "code": "493027"
                 *     }
                 */
                "application/json": components["schemas"]["VerifyEmailRequest"];
            };
        };
        responses: {
            /** @description The e-mail address is verified. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelope"];
                };
            };
            /** @description `account.code_invalid` (wrong code), or a malformed request body. */
            400: components["responses"]["BadRequest"];
            /** @description `account.already_verified`. */
            409: components["responses"]["Conflict"];
            /** @description `account.code_expired` — the code is older than 10 minutes. */
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            /** @description `account.code_attempts_exceeded` — 5 wrong attempts; the code is no longer valid. */
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    resendVerificationEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            /** @description `rate.limited` — less than 60 seconds since the last mail; see `Retry-After`. */
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkAvailability: {
        parameters: {
            query: {
                field: components["schemas"]["AvailabilityField"];
                /** @example monstera_kim */
                value: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. `reason` is set when `available` is false. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description `validation.failed` — `field` or `value` missing (`validation.required`), or `field` not one of the allowed values (`validation.invalid_value`). */
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "monstera_kim",
                 *       "password": "green2leaf",
                 *       "session": "cookie"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Logged in. */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description `auth.invalid_credentials` — unknown username or wrong password. */
            401: components["responses"]["Unauthorized"];
            /** @description `account.email_unverified` — the e-mail address has not been verified yet. */
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            /** @description `rate.limited` — too many failed logins; see `Retry-After`. */
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) when the call relies on the `sikgu_refresh` cookie. */
                "X-Sikgu-Csrf"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New tokens. */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description `auth.refresh_invalid` (missing, unknown, expired or revoked token) or `auth.refresh_reused` (an old token was reused; the session family is revoked). */
            401: components["responses"]["Unauthorized"];
            /** @description `request.csrf_header_missing` — the refresh cookie was used without `X-Sikgu-Csrf: 1`. */
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) when the call relies on the `sikgu_refresh` cookie. */
                "X-Sikgu-Csrf"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Logged out; the refresh and access cookies are cleared. */
            204: {
                headers: {
                    "Set-Cookie": components["headers"]["ClearRefreshCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description `request.csrf_header_missing` — the refresh cookie was used without `X-Sikgu-Csrf: 1`. */
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    kakaoStart: {
        parameters: {
            query?: {
                /** @description Where the web app goes afterwards; a local path starting with one `/`, at most 200 characters. Anything else becomes `/`. */
                return_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To Kakao's authorization page, or to `/login?error=auth.oauth_unavailable`. */
            302: {
                headers: {
                    Location?: string;
                    /** @description `sikgu_oauth=<state>; Path=/api/v1/auth/kakao; HttpOnly; SameSite=Lax; Max-Age=600` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    kakaoCallback: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                /** @description Sent by Kakao instead of `code` when the login was refused. */
                error?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To `/auth/kakao/done?return_to=…` (logged in), to `return_to` (linked), or to `/login?error=<code>`. */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    findUsername: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequest"];
            };
        };
        responses: {
            /** @description The password was changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `account.reset_token_invalid` (unknown, expired or already used token), or a malformed request body. */
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `validation.failed` — e.g. `new_password` breaks the password rules. */
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteMeRequest"];
            };
        };
        responses: {
            /** @description The account was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description `auth.unauthenticated` / `auth.token_expired`, or `auth.invalid_credentials` — wrong password. */
            401: components["responses"]["Unauthorized"];
            /** @description `account.password_required` — the account has no password and the body is not `{"confirm": "delete"}`. */
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `account.nickname_taken`. */
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description The password was changed; a new session for the asking device. */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description `auth.unauthenticated` / `auth.token_expired` / `auth.token_revoked` (also when the password was changed or reset by another request meanwhile), or `auth.invalid_credentials` — wrong `current_password`. */
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `validation.failed` — e.g. `new_password` breaks the password rules. */
            422: components["responses"]["UnprocessableEntity"];
            /** @description `rate.limited` — too many wrong passwords for this account; see `Retry-After`. */
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createStreamTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A fresh ticket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamTicket"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `rate.limited` — more than 60 tickets in a minute; see `Retry-After`. */
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDevMailbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The captured mails, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mailbox"];
                };
            };
            /** @description `route.not_found` — SMTP is configured or the server does not listen on loopback. */
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listPlants: {
        parameters: {
            query?: {
                /**
                 * @description Korean or English name search: substring match, also on 1–2 leading Hangul syllables
                 *     (`몬스` → 몬스테라) and on initial consonants (`ㅁㅅㅌㄹ` → 몬스테라).
                 * @example 몬스
                 */
                q?: string;
                /** @description 잎(leaf) / 꽃(flower) / 열매(fruit) / 선인장·다육(succulent). A plant may have several. */
                category?: components["schemas"]["Category"];
                /** @description 초보자(beginner) / 경험자(experienced) / 전문가(expert). */
                difficulty?: components["schemas"]["Difficulty"];
                /** @description 낮은 300~800 lux (low) / 중간 800~1,500 lux (medium) / 높은 1,500~10,000 lux (high). */
                light?: components["schemas"]["Light"];
                /** @description Spring watering need. */
                watering?: components["schemas"]["WateringCode"];
                pet_safe?: boolean;
                /** @description Opaque cursor from a previous page's `next_cursor`. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of plants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlantPage"];
                };
            };
            /** @description `validation.failed` — `errors[].code` is `validation.invalid_value` for an unknown filter value or an invalid `cursor`, `validation.out_of_range` for a `limit` outside 1..100. */
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPlant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlantDetail"];
                };
            };
            /** @description `plant.not_found`. */
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listListings: {
        parameters: {
            query?: {
                /**
                 * @description Search in titles and descriptions: every whitespace-separated term (at most 5, 50 characters in all) must
                 *     appear. Terms of any length match as substrings, including one- and two-syllable Korean words (`꽃`, `화분`);
                 *     case, full-width forms, composed or decomposed Hangul, punctuation and spacing are ignored
                 *     (`몬스테라알보` finds "몬스테라 알보"). A term with no letter or digit is refused.
                 * @example 알보
                 */
                q?: string;
                category?: components["schemas"]["ListingCategory"];
                /**
                 * @description One state or several, comma-separated (`selling,reserved`).
                 * @example selling,reserved
                 */
                state?: string;
                min_price?: number;
                max_price?: number;
                /** @description `true`: 나눔 (price 0) only. */
                free?: boolean;
                /** @description Listings linked to this encyclopedia species. */
                species_id?: components["schemas"]["Id"];
                /** @description Leave this listing out ("other listings of this species" on a detail page). */
                exclude?: components["schemas"]["Id"];
                sort?: "newest" | "price_asc" | "price_desc" | "popular";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of listings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingPage"];
                };
            };
            /** @description `validation.failed`: a bad filter, sort, cursor or limit, or a query without letters (`market.query_without_letters`) or with more than 5 terms (`market.too_many_terms`). */
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    createListing: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 printable ASCII characters. The same key with the same request within 24 hours gets the stored
                 *     response again (`Idempotent-Replayed: true`); with another request, 422 `idempotency.key_reused`; while the
                 *     first is still running, 409 `idempotency.in_progress`.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateListingRequest"];
            };
        };
        responses: {
            /** @description The listing. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `idempotency.in_progress`. */
            409: components["responses"]["Conflict"];
            /** @description `validation.failed` (`errors[].code` includes `market.photo_not_found`, `market.photo_not_ready`, `market.photo_in_use`, `market.species_not_found`), or `idempotency.key_reused`. */
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The listing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDetail"];
                };
            };
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    deleteListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.not_owner`. */
            403: components["responses"]["Forbidden"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    updateListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateListingRequest"];
            };
        };
        responses: {
            /** @description The listing as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `market.not_owner`. */
            403: components["responses"]["Forbidden"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
            /** @description `market.listing_sold`. */
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    changeListingState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeStateRequest"];
            };
        };
        responses: {
            /** @description The listing as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.not_owner`. */
            403: components["responses"]["Forbidden"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
            /** @description `market.listing_sold`, `market.state_unchanged`, `market.listing_changed`. */
            409: components["responses"]["Conflict"];
            /** @description `validation.failed`, `market.buyer_not_chat_partner`. */
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    bumpListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The listing as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.not_owner`. */
            403: components["responses"]["Forbidden"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
            /** @description `market.bump_too_soon`, `market.listing_sold`. */
            409: components["responses"]["Conflict"];
        };
    };
    listChatPartners: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users, oldest chat first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChatPartner"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.not_owner`. */
            403: components["responses"]["Forbidden"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    wishListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The wish and the listing's count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WishState"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    unwishListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The wish and the listing's count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WishState"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.listing_not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    listMyListings: {
        parameters: {
            query?: {
                state?: components["schemas"]["ListingState"];
                /** @description Opaque cursor from a previous page's `next_cursor`. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listMyPurchases: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's `next_cursor`. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listMyWishes: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's `next_cursor`. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listMyKeywords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keywords, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    addMyKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keyword: string;
                };
            };
        };
        responses: {
            /** @description The keyword. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Keyword"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.keyword_exists`, `market.too_many_keywords`. */
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    removeMyKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description `market.keyword_not_found` (also for another user's keyword). */
            404: components["responses"]["NotFound"];
        };
    };
    getPriceGuide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The guide; `median`, `min` and `max` are null when nothing sold. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceGuide"];
                };
            };
            /** @description `market.unknown_species`: no such species in the encyclopedia. */
            404: components["responses"]["NotFound"];
        };
    };
    listChatRooms: {
        parameters: {
            query?: {
                /** @description Only the rooms of this listing (the seller's rooms per listing; a buyer's own one). */
                listing_id?: components["schemas"]["Id"];
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChatRoom"][];
                        next_cursor: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    openChatRoom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    listing_id: components["schemas"]["Id"];
                };
            };
        };
        responses: {
            /** @description The existing room. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRoom"];
                };
            };
            /** @description A new room. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRoom"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `chat.listing_not_found` (also for a deleted or hidden listing). */
            404: components["responses"]["NotFound"];
            /** @description `chat.listing_sold`. */
            409: components["responses"]["Conflict"];
            /** @description `chat.own_listing`, or `validation.failed`. */
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getChatRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The room, with who has it open right now (`present`, user ids). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRoom"] & {
                        present: components["schemas"]["Id"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `chat.room_not_found` (also for a room the caller is not in). */
            404: components["responses"]["NotFound"];
        };
    };
    listChatMessages: {
        parameters: {
            query?: {
                after?: number;
                before?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChatMessage"][];
                        more: boolean;
                        last_seq: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `chat.room_not_found`. */
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    sendChatMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text?: string;
                    photo_id?: components["schemas"]["Id"];
                    /** @description Printable ASCII, e.g. a UUID. */
                    client_id: string;
                };
            };
        };
        responses: {
            /** @description The original message (a resend). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessage"];
                };
            };
            /** @description Stored and sent to the room. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `chat.room_not_found`. */
            404: components["responses"]["NotFound"];
            /** @description `chat.room_closed`: the listing was sold or deleted. */
            409: components["responses"]["Conflict"];
            /** @description Validation (`chat.text_or_photo` for both at once), or the photo: `chat.photo_not_found` (unknown or someone else's), `chat.photo_not_ready`, `chat.photo_in_use` (a listing or another room holds it). */
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    markChatRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    seq: number;
                };
            };
        };
        responses: {
            /** @description The watermark and the caller's unread count after. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        read_seq: number;
                        unread: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `chat.room_not_found`. */
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    chatWebSocket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching protocols. */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page and the unread count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    up_to?: components["schemas"]["Id"];
                };
            };
        };
        responses: {
            /** @description The unread count after. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every type and the muted ones. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    setNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    muted: components["schemas"]["NotificationType"][];
                };
            };
        };
        responses: {
            /** @description The settings now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    streamNotifications: {
        parameters: {
            query?: {
                last_event_id?: string;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unread count after (marking a read one again changes nothing). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `notify.not_found` (ids are the caller's own: another user's never match). */
            404: components["responses"]["NotFound"];
        };
    };
    deleteNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description `notify.not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    uploadPhotos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    files?: string[];
                };
            };
        };
        responses: {
            /** @description The stored photos, in upload order. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Photo"][];
                    };
                };
            };
            /** @description `media.malformed_upload` — not a well-formed `multipart/form-data` body. */
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `request.body_too_large` (the whole upload), `media.file_too_large` (one file) or `media.image_too_large` (more pixels than `media.max_pixels`, read from the header before decoding). */
            413: components["responses"]["PayloadTooLarge"];
            /** @description `media.unsupported_type` — not one of the accepted raster formats (SVG, PDF, TIFF, text, ...). */
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `media.no_file`, `media.too_many_files` or `media.invalid_image` (a damaged file). */
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            /** @description `server.overloaded` (the image workers and their queue are full) or `media.storage_unavailable`; both with `Retry-After`. */
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description `media.not_owner`. */
            403: components["responses"]["Forbidden"];
            /** @description `media.photo_not_found`. */
            404: components["responses"]["NotFound"];
            /** @description `media.photo_attached` — a listing holds it. */
            409: components["responses"]["Conflict"];
        };
    };
    getMediaFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                name: "320.webp" | "1080.webp" | "original.jpg" | "original.png";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `media.file_not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    internalGetSpecies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The species summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpeciesSummary"];
                };
            };
            /** @description `auth.service_credential_required`. */
            401: components["responses"]["Unauthorized"];
            /** @description `plant.not_found`. */
            404: components["responses"]["NotFound"];
        };
    };
    internalListSpecies: {
        parameters: {
            query: {
                /** @description 1–100 comma-separated species ids; the answer keeps their order and leaves out unknown ones. */
                ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The species found. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SpeciesSummary"][];
                    };
                };
            };
            /** @description `auth.service_credential_required`. */
            401: components["responses"]["Unauthorized"];
            /** @description `validation.failed` — `ids` is not a list of 1–100 ids. */
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    internalListPhotos: {
        parameters: {
            query: {
                /** @description 1–20 comma-separated photo ids; the answer keeps their order and leaves out unknown, deleted and released ones. */
                ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photos found; callers check `owner_id` and `ready`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PhotoInfo"][];
                    };
                };
            };
            /** @description `auth.service_credential_required`. */
            401: components["responses"]["Unauthorized"];
            /** @description `validation.failed` — `ids` is not a list of 1–20 ids. */
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    internalGetListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The listing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: components["schemas"]["Id"];
                        seller_id: components["schemas"]["Id"];
                        title: string;
                        price: number;
                        /** @enum {string} */
                        state: "selling" | "reserved" | "sold";
                        thumbnail_url: string;
                        open: boolean;
                    };
                };
            };
            /** @description `auth.service_credential_required`. */
            401: components["responses"]["Unauthorized"];
            /** @description `market.listing_not_found` (also for a deleted listing). */
            404: components["responses"]["NotFound"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "checks": {
                     *         "database": "ok"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "unavailable",
                     *       "checks": {
                     *         "database": "unavailable"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # TYPE http_requests_total counter
                     *     http_requests_total{method="GET",status="200"} 1027
                     */
                    "text/plain": string;
                };
            };
        };
    };
    getOpenApiSpec: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
        };
    };
    listProblemCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The codes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": {
                        items: components["schemas"]["ProblemDoc"][];
                    };
                };
            };
        };
    };
    getProblemCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code's documentation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["ProblemDoc"];
                };
            };
            /** @description `route.not_found` — no such code. */
            404: components["responses"]["NotFound"];
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page with Swagger UI. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
}
