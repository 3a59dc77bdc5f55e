#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sikgu {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
/// Comma-separated decimal ids ("1,2,3", as internal batch routes take them); nullopt when any is not one.
/// An empty text is an empty list.
std::optional<std::vector<std::int64_t>> ParseIdList(std::string_view text);

bool IsValidUtf8(std::string_view text);

/// Number of code points in valid UTF-8.
std::size_t CountCodePoints(std::string_view text);

/// True when the text holds a C0/C1 control character or U+2028/2029 (never wanted in names).
bool HasControlCharacters(std::string_view text);

/// ASCII lower-casing (identifiers and e-mail addresses are compared case-insensitively).
std::string AsciiLower(std::string_view text);

/// Equal ignoring ASCII case (HTTP field names), without allocating.
bool AsciiEqualsIgnoreCase(std::string_view a, std::string_view b);

std::string_view Trim(std::string_view text);

/// The code points of valid UTF-8 (a stray byte is skipped).
std::u32string DecodeUtf8(std::string_view text);

/// Appends one code point (at most U+10FFFF, not a surrogate) as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

/// The leading consonant (초성) of a precomposed Hangul syllable as a compatibility jamo (몬 -> ㅁ, 까 -> ㄲ),
/// or 0 when `cp` is not a syllable.
char32_t HangulInitial(char32_t cp);

/// Decodes %XX escapes; nullopt when an escape is malformed. '+' stays '+' (this is for paths).
std::optional<std::string> PercentDecode(std::string_view text);

/// Folds text for searching: ASCII lower case, whitespace removed.
std::string SearchFold(std::string_view text);

}  // namespace sikgu
