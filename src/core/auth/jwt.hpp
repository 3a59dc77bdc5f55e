#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/util/clock.hpp"

namespace sikgu::auth {

class SessionRevocations;

struct AccessClaims {
    std::int64_t user_id = 0;
    std::int64_t session_version = 0;  // "sv": the user's session version when the token was issued
    std::int64_t session_id = 0;       // "sid": the refresh-token family it was issued under; 0 if none
    TimePoint issued_at;
    TimePoint expires_at;
};

enum class TokenError { kInvalid, kExpired, kRevoked };

/// HS256 access tokens. The algorithm is pinned: a token whose header names anything else
/// (including "none") is rejected before its signature is looked at.
class JwtCodec {
public:
    /// With `revocations`, Verify refuses tokens of revoked session versions (kRevoked).
    JwtCodec(std::string secret, const Clock& clock, std::chrono::seconds ttl,
             const SessionRevocations* revocations = nullptr);

    std::string Issue(std::int64_t user_id, std::int64_t session_version = 0, std::int64_t session_id = 0) const;
    std::variant<AccessClaims, TokenError> Verify(std::string_view token) const;
    std::chrono::seconds Ttl() const { return ttl_; }

private:
    std::string secret_;
    const Clock& clock_;
    std::chrono::seconds ttl_;
    const SessionRevocations* revocations_;
};

}  // namespace sikgu::auth
