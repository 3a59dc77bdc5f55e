-- Public listings by feed_seq (rowid); contentless: the text lives in listings.
CREATE VIRTUAL TABLE listing_search USING fts5(title, description, content='', tokenize='sikgu_ngram');
