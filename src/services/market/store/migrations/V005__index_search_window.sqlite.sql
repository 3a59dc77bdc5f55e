-- A search sorted by price or popularity reads up to a window of matches (1,000) from the FTS5 index and needs,
-- of each, only what it filters and sorts on: this index holds all of it (the two columns of its own WHERE too, or
-- SQLite reads the row to test them), so the window is read without
-- touching the listing rows (about 1.9 KB each); only the page's rows are read. PostgreSQL walks the heap
-- anyway, for the folded keys.
CREATE INDEX listings_search_window ON listings
    (feed_seq, price, view_count, wish_count, chat_count, category, state, species_id, id, seller_id, deleted_at, hidden)
    WHERE deleted_at IS NULL AND hidden = 0;
