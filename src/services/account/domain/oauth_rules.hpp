#pragma once

#include <string>
#include <string_view>

namespace sikgu::account {

/// Where to go after an OAuth login: a local path starting with one "/" (not "//" or "/\"), at most
/// 200 bytes, printable ASCII only; anything else becomes "/".
std::string SanitizeReturnTo(std::string_view return_to);

/// The username of a user created by an OAuth login: `<provider>_` plus the lower-cased letters and digits
/// of the subject, at most 20 characters. A subject too long (or without letters and digits) uses a hash
/// prefix instead. `attempt` > 0 replaces the tail with that number to find a free name.
std::string OAuthUsername(std::string_view provider, std::string_view subject, int attempt);

/// A valid nickname (2–16 characters, no control characters, trimmed) from a provider's nickname, or
/// `fallback` when nothing usable is left. `attempt` > 0 appends that number, shortening the name to fit.
std::string OAuthNickname(std::string_view nickname, std::string_view fallback, int attempt);

/// The address stored for an OAuth user whose provider e-mail cannot be used (never deliverable: .invalid).
std::string OAuthPlaceholderEmail(std::string_view provider, std::string_view subject);

}  // namespace sikgu::account
