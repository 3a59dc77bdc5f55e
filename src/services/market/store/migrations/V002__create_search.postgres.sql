-- The same index terms the SQLite tokenizer makes (unigrams and bigrams of the search keys), in a GIN
-- index; the keys confirm a longer term's bigrams are adjacent. NULL while a listing is not public.
ALTER TABLE listings ADD COLUMN search_terms TEXT[];
ALTER TABLE listings ADD COLUMN title_key TEXT;
ALTER TABLE listings ADD COLUMN description_key TEXT;
CREATE INDEX listings_search ON listings USING GIN (search_terms);
