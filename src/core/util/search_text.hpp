#pragma once

#include <string>
#include <string_view>
#include <vector>

// One notion of "the same text" for every search in sikgu (listing search, keyword alerts, SNS hashtags):
// Unicode NFKC with case folding (full-width and half-width forms, composed and decomposed Hangul, upper
// and lower case all compare equal), keeping only letters and digits. Spacing is dropped too, because
// Korean spacing is loose: "몬스테라알보" and "몬스테라 알보" are the same listing to a buyer.
namespace sikgu {

/// The folded letters and digits of valid UTF-8 text, in order, as UTF-8.
std::string SearchKey(std::string_view text);

/// The code points of SearchKey(text), for n-gram indexes.
std::u32string SearchKeyCodePoints(std::string_view text);

/// The index terms of a text: every character (unigram) and every pair of neighbours (bigram) of its
/// search key, each once. A query term of one character is found by its unigram, a longer one by all of
/// its bigrams (then checked as a substring). Used where there is no FTS5 (PostgreSQL).
std::vector<std::string> SearchTerms(std::string_view text);

/// What a query term needs to be found: its unigram when it is one character, otherwise its bigrams.
std::vector<std::string> QueryTerms(std::string_view key);

}  // namespace sikgu
