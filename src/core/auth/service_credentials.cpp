#include "core/auth/service_credentials.hpp"

#include <charconv>
#include <stdexcept>

#include "core/util/crypto.hpp"
#include "core/util/time.hpp"

namespace sikgu::auth {
namespace {
// "svc1.<caller>.<expires, unix seconds>.<nonce>.<signature>"
constexpr std::string_view kPrefix = "svc1.";

bool PlainName(std::string_view name) {
    if (name.empty() || name.size() > 32) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    }
    return true;
}
}  // namespace

ServiceCredentials::ServiceCredentials(std::string secret, const Clock& clock) : secret_(std::move(secret)), clock_(clock) {
    if (secret_.size() < 32) throw std::invalid_argument("the service secret must be at least 32 bytes");
}

std::string ServiceCredentials::Sign(std::string_view caller, std::int64_t expires) const {
    const std::string body = std::string(kPrefix) + std::string(caller) + "." + std::to_string(expires) + "." + RandomToken(9);
    return body + "." + Base64UrlEncode(HmacSha256(secret_, body));
}

std::string ServiceCredentials::For(std::string_view caller) const {
    if (!PlainName(caller)) throw std::invalid_argument("not a service name: " + std::string(caller));
    const std::int64_t now = ToUnixMillis(clock_.Now()) / 1000;
    std::lock_guard lock(mutex_);
    if (cached_caller_ != caller || cached_expires_ - now < kLifetime.count() / 2) {
        cached_caller_ = std::string(caller);
        cached_expires_ = now + kLifetime.count();
        cached_ = Sign(caller, cached_expires_);
    }
    return cached_;
}

std::optional<std::string> ServiceCredentials::Verify(std::string_view credential) const {
    if (credential.size() > 200 || !credential.starts_with(kPrefix)) return std::nullopt;
    const auto last_dot = credential.rfind('.');
    const std::string_view body = credential.substr(0, last_dot);
    const auto signature = Base64UrlDecode(credential.substr(last_dot + 1));
    if (!signature || !ConstantTimeEquals(*signature, HmacSha256(secret_, body))) return std::nullopt;
    // Signed by us: the fields are ours, but check them as if they were not.
    std::string_view rest = body.substr(kPrefix.size());
    const auto dot1 = rest.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : rest.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return std::nullopt;
    const std::string_view caller = rest.substr(0, dot1);
    const std::string_view expires_text = rest.substr(dot1 + 1, dot2 - dot1 - 1);
    std::int64_t expires = 0;
    const auto [end, ec] = std::from_chars(expires_text.data(), expires_text.data() + expires_text.size(), expires);
    if (ec != std::errc{} || end != expires_text.data() + expires_text.size() || !PlainName(caller)) return std::nullopt;
    const std::int64_t now = ToUnixMillis(clock_.Now()) / 1000;
    if (expires <= now || expires > now + kLifetime.count() + 5) return std::nullopt;
    return std::string(caller);
}

}  // namespace sikgu::auth
