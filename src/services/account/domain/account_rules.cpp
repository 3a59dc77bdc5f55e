#include "services/account/domain/account_rules.hpp"

#include "core/util/text.hpp"

namespace sikgu::account {

std::optional<std::string> CheckUsername(std::string_view username) {
    const std::string lower = AsciiLower(username);
    if (lower.size() < 4) return "validation.too_short";
    if (lower.size() > 20) return "validation.too_long";
    for (char c : lower) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return "validation.invalid_format";
    }
    return std::nullopt;
}

std::optional<std::string> CheckNickname(std::string_view nickname) {
    if (!IsValidUtf8(nickname)) return "validation.invalid_format";
    const std::size_t chars = CountCodePoints(nickname);
    if (chars < 2) return "validation.too_short";
    if (chars > 16) return "validation.too_long";
    if (HasControlCharacters(nickname)) return "validation.invalid_format";
    if (Trim(nickname).size() != nickname.size()) return "validation.invalid_format";
    return std::nullopt;
}

std::optional<std::string> CheckEmail(std::string_view email) {
    if (email.size() > 254) return "validation.too_long";
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) {
        return "validation.invalid_format";
    }
    const auto local = email.substr(0, at);
    const auto domain = email.substr(at + 1);
    if (local.size() > 64 || domain.size() < 3) return "validation.invalid_format";
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return "validation.invalid_format";
    for (char c : email) {
        // Plain printable ASCII only: no spaces, quotes, angle brackets or CR/LF that could reach mail headers.
        if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' || c == ',' ||
            c == ';' || c == ':' || c == '\\' || c == '[' || c == ']') {
            return "validation.invalid_format";
        }
    }
    return std::nullopt;
}

std::optional<std::string> CheckPassword(std::string_view password, std::string_view username) {
    if (!IsValidUtf8(password)) return "validation.invalid_format";
    const std::size_t chars = CountCodePoints(password);
    if (chars < 8) return "validation.too_short";
    if (chars > 64) return "validation.too_long";
    bool letter = false, digit = false, symbol = false;
    for (unsigned char c : password) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            letter = true;
        } else if (c >= '0' && c <= '9') {
            digit = true;
        } else {
            symbol = true;
        }
    }
    if (static_cast<int>(letter) + static_cast<int>(digit) + static_cast<int>(symbol) < 2) {
        return "validation.password_weak";
    }
    if (!username.empty() && AsciiLower(password) == AsciiLower(username)) return "validation.password_equals_username";
    return std::nullopt;
}

std::string UsernameKey(std::string_view username) { return AsciiLower(Trim(username)); }
std::string NicknameKey(std::string_view nickname) { return AsciiLower(Trim(nickname)); }
std::string EmailKey(std::string_view email) { return AsciiLower(Trim(email)); }

}  // namespace sikgu::account
