#include "core/auth/jwt.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <stdexcept>

#include "core/auth/session_revocations.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"

namespace sikgu::auth {
namespace {
constexpr std::string_view kIssuer = "sikgu";
const std::string& EncodedHeader() {
    static const std::string header = Base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})");
    return header;
}
}  // namespace

JwtCodec::JwtCodec(std::string secret, const Clock& clock, std::chrono::seconds ttl,
                   const SessionRevocations* revocations)
    : secret_(std::move(secret)), clock_(clock), ttl_(ttl), revocations_(revocations) {
    if (secret_.size() < 32) throw std::invalid_argument("JWT secret must be at least 32 bytes");
}

std::string JwtCodec::Issue(std::int64_t user_id, std::int64_t session_version, std::int64_t session_id) const {
    const auto now = clock_.Now();
    const auto iat = ToUnixMillis(now) / 1000;
    boost::json::object payload{{"sub", std::to_string(user_id)},
                                {"iss", kIssuer},
                                {"iat", iat},
                                {"exp", iat + ttl_.count()},
                                {"typ", "access"},
                                {"sv", session_version},
                                {"sid", session_id}};
    std::string token = EncodedHeader() + "." + Base64UrlEncode(boost::json::serialize(payload));
    const std::string signature = Base64UrlEncode(HmacSha256(secret_, token));
    token += '.';
    token += signature;
    return token;
}

std::variant<AccessClaims, TokenError> JwtCodec::Verify(std::string_view token) const {
    if (token.size() > 4096) return TokenError::kInvalid;
    const auto dot1 = token.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
        return TokenError::kInvalid;
    }
    const auto header_text = Base64UrlDecode(token.substr(0, dot1));
    if (!header_text) return TokenError::kInvalid;
    boost::system::error_code ec;
    const auto header = boost::json::parse(*header_text, ec);
    if (ec || !header.is_object()) return TokenError::kInvalid;
    const auto* alg = header.as_object().if_contains("alg");
    if (alg == nullptr || !alg->is_string() || alg->as_string() != "HS256") return TokenError::kInvalid;

    const auto signature = Base64UrlDecode(token.substr(dot2 + 1));
    if (!signature || !ConstantTimeEquals(*signature, HmacSha256(secret_, token.substr(0, dot2)))) {
        return TokenError::kInvalid;
    }
    const auto payload_text = Base64UrlDecode(token.substr(dot1 + 1, dot2 - dot1 - 1));
    if (!payload_text) return TokenError::kInvalid;
    const auto payload = boost::json::parse(*payload_text, ec);
    if (ec || !payload.is_object()) return TokenError::kInvalid;
    const auto& claims = payload.as_object();
    const auto* sub = claims.if_contains("sub");
    const auto* exp = claims.if_contains("exp");
    const auto* iat = claims.if_contains("iat");
    const auto* iss = claims.if_contains("iss");
    const auto* typ = claims.if_contains("typ");
    const auto* sv = claims.if_contains("sv");
    const auto* sid = claims.if_contains("sid");
    if (sub == nullptr || !sub->is_string() || exp == nullptr || !exp->is_int64() || iat == nullptr ||
        !iat->is_int64() || iss == nullptr || !iss->is_string() || iss->as_string() != kIssuer || typ == nullptr ||
        !typ->is_string() || typ->as_string() != "access" || (sv != nullptr && !sv->is_int64()) ||
        (sid != nullptr && !sid->is_int64())) {
        return TokenError::kInvalid;
    }
    AccessClaims out;
    const auto& sub_text = sub->as_string();
    const auto [end, parse_ec] = std::from_chars(sub_text.data(), sub_text.data() + sub_text.size(), out.user_id);
    if (parse_ec != std::errc{} || end != sub_text.data() + sub_text.size()) return TokenError::kInvalid;
    out.issued_at = FromUnixMillis(iat->as_int64() * 1000);
    out.expires_at = FromUnixMillis(exp->as_int64() * 1000);
    if (clock_.Now() >= out.expires_at) return TokenError::kExpired;
    out.session_version = sv != nullptr ? sv->as_int64() : 0;
    out.session_id = sid != nullptr ? sid->as_int64() : 0;
    if (revocations_ != nullptr && revocations_->IsRevoked(out.user_id, out.session_version)) {
        return TokenError::kRevoked;
    }
    return out;
}

}  // namespace sikgu::auth
