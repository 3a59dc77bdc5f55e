#include "core/auth/stream_tickets.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/auth/session_revocations.hpp"
#include "core/util/crypto.hpp"
#include "core/util/errors.hpp"
#include "core/util/time.hpp"

namespace sikgu::auth {
namespace {
constexpr std::string_view kIssuer = "sikgu";
constexpr std::string_view kType = "stream_ticket";
constexpr std::size_t kMaxTicketChars = 1024;

const std::string& EncodedHeader() {
    static const std::string header = Base64UrlEncode(R"({"alg":"HS256","typ":"sikgu-ticket"})");
    return header;
}

bool IsInt(const boost::json::value* v) { return v != nullptr && v->is_int64(); }
}  // namespace

StreamTickets::StreamTickets(std::string_view jwt_secret, const Clock& clock, const SessionRevocations* revocations,
                             std::size_t max_remembered)
    // A key of its own: a bug in a claim check can still never turn an access token into a ticket.
    : key_(HmacSha256(jwt_secret, "sikgu stream ticket v1")),
      clock_(clock),
      revocations_(revocations),
      max_remembered_(max_remembered) {}

std::string StreamTickets::Issue(std::int64_t user_id, std::int64_t session_version, std::int64_t session_id,
                                 TimePoint access_expires_at) const {
    const auto iat = ToUnixMillis(clock_.Now()) / 1000;
    const boost::json::object payload{{"typ", kType},
                                      {"iss", kIssuer},
                                      {"sub", std::to_string(user_id)},
                                      {"sv", session_version},
                                      {"sid", session_id},
                                      {"iat", iat},
                                      {"exp", iat + kTtl.count()},
                                      {"aexp", ToUnixMillis(access_expires_at) / 1000},
                                      {"jti", RandomToken(16)}};
    std::string ticket = EncodedHeader() + "." + Base64UrlEncode(boost::json::serialize(payload));
    const std::string signature = Base64UrlEncode(HmacSha256(key_, ticket));
    ticket += '.';
    ticket += signature;
    return ticket;
}

std::variant<TicketClaims, TicketError> StreamTickets::Verify(std::string_view ticket) const {
    if (ticket.size() > kMaxTicketChars) return TicketError::kInvalid;
    const auto dot1 = ticket.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : ticket.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || ticket.find('.', dot2 + 1) != std::string_view::npos) {
        return TicketError::kInvalid;
    }
    const auto header_text = Base64UrlDecode(ticket.substr(0, dot1));
    if (!header_text) return TicketError::kInvalid;
    boost::system::error_code ec;
    const auto header = boost::json::parse(*header_text, ec);
    if (ec || !header.is_object()) return TicketError::kInvalid;
    const auto* alg = header.as_object().if_contains("alg");
    if (alg == nullptr || !alg->is_string() || alg->as_string() != "HS256") return TicketError::kInvalid;
    const auto signature = Base64UrlDecode(ticket.substr(dot2 + 1));
    if (!signature || !ConstantTimeEquals(*signature, HmacSha256(key_, ticket.substr(0, dot2)))) {
        return TicketError::kInvalid;
    }
    const auto payload_text = Base64UrlDecode(ticket.substr(dot1 + 1, dot2 - dot1 - 1));
    if (!payload_text) return TicketError::kInvalid;
    const auto payload = boost::json::parse(*payload_text, ec);
    if (ec || !payload.is_object()) return TicketError::kInvalid;
    const auto& claims = payload.as_object();
    const auto* typ = claims.if_contains("typ");
    const auto* iss = claims.if_contains("iss");
    const auto* sub = claims.if_contains("sub");
    const auto* jti = claims.if_contains("jti");
    const auto* exp = claims.if_contains("exp");
    const auto* aexp = claims.if_contains("aexp");
    const auto* sv = claims.if_contains("sv");
    const auto* sid = claims.if_contains("sid");
    if (typ == nullptr || !typ->is_string() || typ->as_string() != kType || iss == nullptr || !iss->is_string() ||
        iss->as_string() != kIssuer || sub == nullptr || !sub->is_string() || jti == nullptr || !jti->is_string() ||
        jti->as_string().empty() || jti->as_string().size() > 64 || !IsInt(exp) || !IsInt(aexp) || !IsInt(sv) ||
        !IsInt(sid)) {
        return TicketError::kInvalid;
    }
    TicketClaims out;
    const auto& sub_text = sub->as_string();
    const auto [end, parse_ec] = std::from_chars(sub_text.data(), sub_text.data() + sub_text.size(), out.user_id);
    if (parse_ec != std::errc{} || end != sub_text.data() + sub_text.size()) return TicketError::kInvalid;
    out.session_version = sv->as_int64();
    out.session_id = sid->as_int64();
    out.expires_at = FromUnixMillis(exp->as_int64() * 1000);
    out.access_expires_at = FromUnixMillis(aexp->as_int64() * 1000);
    out.id = std::string(jti->as_string());
    const auto now = clock_.Now();
    if (now >= out.expires_at || now >= out.access_expires_at) return TicketError::kExpired;
    if (revocations_ != nullptr && revocations_->IsRevoked(out.user_id, out.session_version)) {
        return TicketError::kRevoked;
    }
    return out;
}

std::variant<TicketClaims, TicketError> StreamTickets::Redeem(std::string_view ticket) const {
    auto verified = Verify(ticket);
    auto* claims = std::get_if<TicketClaims>(&verified);
    if (claims == nullptr) return verified;
    const auto now = clock_.Now();
    std::lock_guard lock(mutex_);
    // Expired ids can go: their tickets would be refused as expired anyway.
    if (++redeemed_ % 256 == 0 || used_.size() >= max_remembered_) {
        std::erase_if(used_, [&](const auto& entry) { return entry.second <= now; });
    }
    if (used_.size() >= max_remembered_) {
        // Refusing is safe (the client asks for another ticket later); forgetting would allow replays.
        throw OverloadedError("stream ticket set full");
    }
    if (!used_.emplace(claims->id, claims->expires_at).second) return TicketError::kUsed;
    return verified;
}

}  // namespace sikgu::auth
