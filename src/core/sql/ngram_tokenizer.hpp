#pragma once

struct sqlite3;

namespace sikgu::sql {

/// Registers the FTS5 tokenizer `sikgu_ngram` on a connection (OpenSqlite does it for every connection).
///
/// It indexes a text's search key (core/util/search_text.hpp: NFKC case-folded letters and digits, spacing
/// dropped) as overlapping character bigrams, with each character's unigram at the same position. A query
/// term of one character is looked up by its unigram; a longer one becomes the phrase of its bigrams, which
/// FTS5 matches only at consecutive positions: a substring match for terms of any length, including the
/// one- and two-syllable Korean words a trigram index cannot find.
///
///   CREATE VIRTUAL TABLE listing_search USING fts5(title, description, content='', tokenize='sikgu_ngram');
void RegisterNgramTokenizer(sqlite3* db);

}  // namespace sikgu::sql
