#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "core/util/clock.hpp"

namespace sikgu::auth {

class SessionRevocations;

struct TicketClaims {
    std::int64_t user_id = 0;
    std::int64_t session_version = 0;
    std::int64_t session_id = 0;
    TimePoint expires_at;         // the ticket's own end (about 30 s after it was issued)
    TimePoint access_expires_at;  // the end of the access token it was issued for: a stream it opens ends then
    std::string id;               // "jti": what single use is keyed on
};

enum class TicketError { kInvalid, kExpired, kUsed, kRevoked };

/// Stream tickets: what a browser puts in `?ticket=` to open an EventSource or a WebSocket, which cannot
/// carry an Authorization header. Issued by POST /api/v1/stream-tickets to a caller with a valid access
/// token; valid for kTtl and for one use.
///
/// A ticket is a signed token (HS256, the algorithm pinned) any process holding the JWT secret can verify,
/// so the stream may be served by another process than the one that issued it. It is signed with a key of
/// its own derived from the secret and carries `typ = "stream_ticket"`, so it never passes as an access
/// token and an access token never passes as a ticket. Single use is enforced by the process that receives
/// it: the ids it has accepted are kept until they expire (bounded; a full set refuses with 503).
class StreamTickets {
public:
    static constexpr std::chrono::seconds kTtl{30};

    StreamTickets(std::string_view jwt_secret, const Clock& clock, const SessionRevocations* revocations = nullptr,
                  std::size_t max_remembered = 100000);

    std::string Issue(std::int64_t user_id, std::int64_t session_version, std::int64_t session_id,
                      TimePoint access_expires_at) const;

    /// Checks a ticket without using it up.
    std::variant<TicketClaims, TicketError> Verify(std::string_view ticket) const;
    /// Checks a ticket and uses it up: presenting it again to this process answers kUsed.
    /// Throws OverloadedError when the set of used tickets is full of unexpired ones.
    std::variant<TicketClaims, TicketError> Redeem(std::string_view ticket) const;

private:
    std::string key_;
    const Clock& clock_;
    const SessionRevocations* revocations_;
    const std::size_t max_remembered_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<std::string, TimePoint> used_;  // ticket id -> its expiry
    mutable std::uint64_t redeemed_ = 0;
};

}  // namespace sikgu::auth
