#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sikgu::account {

/// Each check returns the validation code of the first rule broken, or nullopt.
std::optional<std::string> CheckUsername(std::string_view username);  // 4–20 of [a-z0-9_], case-folded first
std::optional<std::string> CheckNickname(std::string_view nickname);  // 2–16 characters, no control characters
std::optional<std::string> CheckEmail(std::string_view email);        // one @, a dotted domain, at most 254
/// 8–64 characters, at least two of letters / digits / symbols, not the username.
std::optional<std::string> CheckPassword(std::string_view password, std::string_view username);

/// Keys that make uniqueness case-insensitive.
std::string UsernameKey(std::string_view username);
std::string NicknameKey(std::string_view nickname);
std::string EmailKey(std::string_view email);

}  // namespace sikgu::account
