-- A room per (listing, buyer). Its messages are numbered 1, 2, 3, … by last_seq, bumped in the unit of work
-- that stores one: concurrent sends to one room queue on the room's row, so the numbers follow commit order.
CREATE TABLE chat_rooms (
    id BIGINT PRIMARY KEY,
    post_id BIGINT NOT NULL,
    seller_id BIGINT NOT NULL,
    buyer_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    price BIGINT NOT NULL,
    listing_state TEXT NOT NULL,
    thumbnail_url TEXT NOT NULL,
    listing_event_id BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    last_seq BIGINT NOT NULL DEFAULT 0,
    last_at BIGINT NOT NULL,
    UNIQUE (post_id, buyer_id)
);
CREATE INDEX chat_rooms_seller ON chat_rooms (seller_id, last_at);
CREATE INDEX chat_rooms_buyer ON chat_rooms (buyer_id, last_at);
CREATE INDEX chat_rooms_closed ON chat_rooms (closed_at);

CREATE TABLE chat_messages (
    room_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    sender_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    photo_url TEXT NOT NULL,
    client_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (room_id, seq)
);
-- A resend with the same client id finds the original instead of storing it twice.
CREATE UNIQUE INDEX chat_messages_client ON chat_messages (room_id, sender_id, client_id);

-- Each member's read watermark: messages of the other party after it are unread.
CREATE TABLE chat_reads (
    room_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    read_seq BIGINT NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE TABLE chat_nicknames (
    user_id BIGINT PRIMARY KEY,
    nickname TEXT NOT NULL
);
