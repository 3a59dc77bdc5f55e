#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/util/clock.hpp"

namespace sikgu::auth {

struct AccessClaims {
    std::int64_t user_id = 0;
    TimePoint issued_at;
    TimePoint expires_at;
};

enum class TokenError { kInvalid, kExpired };

/// HS256 access tokens. The algorithm is pinned: a token whose header names anything else
/// (including "none") is rejected before its signature is looked at.
class JwtCodec {
public:
    JwtCodec(std::string secret, const Clock& clock, std::chrono::seconds ttl);

    std::string Issue(std::int64_t user_id) const;
    std::variant<AccessClaims, TokenError> Verify(std::string_view token) const;
    std::chrono::seconds Ttl() const { return ttl_; }

private:
    std::string secret_;
    const Clock& clock_;
    std::chrono::seconds ttl_;
};

}  // namespace sikgu::auth
