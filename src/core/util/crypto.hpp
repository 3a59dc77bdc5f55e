#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sikgu {

std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

/// Lower-case hex SHA-256, used to store tokens and codes so a leaked table reveals nothing usable.
std::string Sha256Hex(std::string_view data);

/// The raw 32 SHA-256 bytes (PKCE code challenges).
std::string Sha256(std::string_view data);

/// Raw HMAC-SHA256 bytes.
std::string HmacSha256(std::string_view key, std::string_view data);

/// Constant-time comparison of two byte strings.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

/// `n` bytes from the OS CSPRNG, base64url-encoded.
std::string RandomToken(std::size_t n = 32);

/// A uniformly random decimal string of `digits` digits (verification codes).
std::string RandomDigits(int digits);

}  // namespace sikgu
