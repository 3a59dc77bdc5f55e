#include "core/auth/session_revocations.hpp"

#include <algorithm>
#include <mutex>

namespace sikgu::auth {

SessionRevocations::SessionRevocations(const Clock& clock, std::chrono::seconds token_ttl)
    : clock_(clock), token_ttl_(token_ttl) {}

void SessionRevocations::Revoke(std::int64_t user_id, std::int64_t min_version) {
    const auto now = clock_.Now();
    std::unique_lock lock(mutex_);
    std::erase_if(entries_, [&](const auto& item) { return item.second.until <= now; });
    auto& entry = entries_[user_id];
    entry.min_version = std::max(entry.min_version, min_version);
    entry.until = now + token_ttl_ + std::chrono::seconds(1);  // iat is whole seconds
}

bool SessionRevocations::IsRevoked(std::int64_t user_id, std::int64_t session_version) const {
    std::shared_lock lock(mutex_);
    const auto it = entries_.find(user_id);
    return it != entries_.end() && session_version < it->second.min_version;
}

}  // namespace sikgu::auth
