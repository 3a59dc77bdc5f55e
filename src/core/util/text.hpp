#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sikgu {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
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

/// Initial consonants (초성) of each Hangul syllable; other characters are kept as they are.
/// "몬스테라" -> "ㅁㅅㅌㄹ".
std::string HangulInitials(std::string_view text);

/// True when every code point of `text` is a Hangul compatibility consonant (ㄱ..ㅎ).
bool IsAllInitials(std::string_view text);

/// Folds text for searching: ASCII lower case, whitespace removed.
std::string SearchFold(std::string_view text);

}  // namespace sikgu
