#include "services/account/domain/oauth_rules.hpp"

#include <vector>

#include "core/util/crypto.hpp"
#include "core/util/text.hpp"
#include "services/account/domain/account_rules.hpp"

namespace sikgu::account {
namespace {

constexpr std::size_t kUsernameMax = 20;
constexpr std::size_t kNicknameMax = 16;

std::string LettersAndDigits(std::string_view text) {
    std::string out;
    for (const char c : AsciiLower(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

// Splits valid UTF-8 into its code points (each as its bytes).
std::vector<std::string_view> CodePoints(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

// Keeps the first `max` code points and trims the ends.
std::string Fit(const std::vector<std::string_view>& points, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < points.size() && i < max; ++i) out += points[i];
    return std::string(Trim(out));
}

std::string Clean(std::string_view nickname) {
    if (!IsValidUtf8(nickname)) return "";
    std::string out;
    bool space = false;
    for (const auto point : CodePoints(nickname)) {
        if (HasControlCharacters(point) || point == " " || point == "\t") {
            space = !out.empty();  // a run of blanks and control characters becomes one space
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += point;
    }
    return out;
}

}  // namespace

std::string SanitizeReturnTo(std::string_view r) {
    if (r.empty() || r.size() > 200 || r[0] != '/') return "/";
    if (r.size() > 1 && (r[1] == '/' || r[1] == '\\')) return "/";
    for (const char c : r) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '\\') return "/";
    }
    return std::string(r);
}

std::string OAuthUsername(std::string_view provider, std::string_view subject, int attempt) {
    const std::string prefix = std::string(provider) + "_";
    std::string tail = LettersAndDigits(subject);
    if (tail.empty() || prefix.size() + tail.size() > kUsernameMax) {
        tail = Sha256Hex(std::string(provider) + ":" + std::string(subject)).substr(0, kUsernameMax - prefix.size());
    }
    std::string name = prefix + tail;
    if (attempt > 0) {
        const std::string number = std::to_string(attempt);
        name = name.substr(0, std::min(name.size(), kUsernameMax - number.size())) + number;
    }
    return name;
}

std::string OAuthNickname(std::string_view nickname, std::string_view fallback, int attempt) {
    std::string base = Fit(CodePoints(Clean(nickname)), kNicknameMax);
    if (CheckNickname(base)) base = std::string(fallback);
    if (attempt == 0) return base;
    const std::string number = std::to_string(attempt);
    return Fit(CodePoints(base), kNicknameMax - number.size()) + number;
}

std::string OAuthPlaceholderEmail(std::string_view provider, std::string_view subject) {
    std::string local = LettersAndDigits(subject);
    if (local.empty() || local.size() > 40) local = Sha256Hex(subject).substr(0, 32);
    return std::string(provider) + "-" + local + "@users.sikgu.invalid";
}

}  // namespace sikgu::account
