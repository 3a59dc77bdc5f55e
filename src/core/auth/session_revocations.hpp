#pragma once

#include <chrono>
#include <cstdint>
#include <shared_mutex>
#include <unordered_map>

#include "core/util/clock.hpp"

namespace sikgu::auth {

/// Users whose access tokens from before a session version are refused: after a password change or reset,
/// a replayed refresh token, or a deleted account. Access tokens carry the user's session version when
/// issued ("sv"); an entry only needs to outlive the tokens it refuses, so entries older than the token
/// lifetime are dropped. Held in memory and reloaded from the users table at start.
class SessionRevocations {
public:
    SessionRevocations(const Clock& clock, std::chrono::seconds token_ttl);

    /// Refuses the user's tokens whose session version is below `min_version`.
    void Revoke(std::int64_t user_id, std::int64_t min_version);
    bool IsRevoked(std::int64_t user_id, std::int64_t session_version) const;

private:
    struct Entry {
        std::int64_t min_version;
        TimePoint until;
    };
    const Clock& clock_;
    std::chrono::seconds token_ttl_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::int64_t, Entry> entries_;
};

}  // namespace sikgu::auth
