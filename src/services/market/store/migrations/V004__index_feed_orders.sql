-- The feed's other orders read from an index, so a page costs a page and not a sort of every public listing:
-- cheapest first (ties newest first; listings_price read backwards serves dearest first) and most popular
-- first (the expression MarketStore::Feed orders by, read backwards).
CREATE INDEX listings_price_newest ON listings (price, feed_seq DESC) WHERE deleted_at IS NULL AND hidden = 0;
CREATE INDEX listings_popular ON listings ((view_count + 4 * wish_count + 8 * chat_count), feed_seq)
    WHERE deleted_at IS NULL AND hidden = 0;
