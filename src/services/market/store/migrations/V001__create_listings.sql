CREATE TABLE listings (
    id BIGINT PRIMARY KEY,
    seller_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    price BIGINT NOT NULL,
    category TEXT NOT NULL,
    species_id BIGINT,
    species_name TEXT,
    trade_area TEXT NOT NULL,
    state TEXT NOT NULL,
    buyer_id BIGINT,
    photos TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    bumped_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sold_at BIGINT,
    deleted_at BIGINT,
    feed_seq BIGINT NOT NULL UNIQUE,
    view_count BIGINT NOT NULL DEFAULT 0,
    wish_count BIGINT NOT NULL DEFAULT 0,
    chat_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX listings_feed ON listings (feed_seq) WHERE deleted_at IS NULL AND hidden = 0;
CREATE INDEX listings_price ON listings (price, feed_seq) WHERE deleted_at IS NULL AND hidden = 0;
CREATE INDEX listings_seller ON listings (seller_id, feed_seq);
CREATE INDEX listings_buyer ON listings (buyer_id, sold_at);
CREATE INDEX listings_species ON listings (species_id, feed_seq);
CREATE INDEX listings_species_sold ON listings (species_id, sold_at) WHERE state = 'sold';

CREATE TABLE wishes (
    user_id BIGINT NOT NULL,
    listing_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, listing_id)
);
CREATE INDEX wishes_listing ON wishes (listing_id);

CREATE TABLE listing_views (
    listing_id BIGINT NOT NULL,
    viewer TEXT NOT NULL,
    day INTEGER NOT NULL,
    PRIMARY KEY (listing_id, viewer, day)
);
CREATE INDEX listing_views_day ON listing_views (day);

CREATE TABLE chat_partners (
    listing_id BIGINT NOT NULL,
    buyer_id BIGINT NOT NULL,
    room_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (listing_id, buyer_id)
);

CREATE TABLE keywords (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    keyword TEXT NOT NULL,
    search_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, search_key)
);
CREATE TABLE keyword_owners (
    user_id BIGINT PRIMARY KEY,
    keyword_count INTEGER NOT NULL
);
CREATE TABLE keyword_alerts_sent (
    listing_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (listing_id, user_id)
);

CREATE TABLE market_users (
    user_id BIGINT PRIMARY KEY,
    nickname TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
