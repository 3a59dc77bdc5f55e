#include "core/util/rate_limiter.hpp"

#include <algorithm>

namespace sikgu {

RateLimiter::RateLimiter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys)
    : clock_(clock), limit_(limit), window_(window), max_keys_(max_keys) {}

int RateLimiter::TryConsume(std::string_view key) { return Take(key, false); }

int RateLimiter::Reserve(std::string_view key) { return Take(key, true); }

int RateLimiter::Take(std::string_view key, bool pending) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.Now();
    if (windows_.size() >= max_keys_) Prune(now);
    auto [it, inserted] = windows_.try_emplace(std::string(key));
    Window& w = it->second;
    if (inserted || now >= w.started + window_) {
        w.count = w.pending;  // uses still running belong to the new window
        w.started = now;
    }
    if (w.count >= limit_) {
        const auto ends = w.started + window_;
        return std::max(1, static_cast<int>(std::chrono::ceil<std::chrono::seconds>(ends - now).count()));
    }
    ++w.count;
    if (pending) ++w.pending;
    return 0;
}

void RateLimiter::Settle(std::string_view key, Settlement settlement) {
    std::lock_guard lock(mutex_);
    const auto it = windows_.find(std::string(key));
    if (it == windows_.end()) return;
    Window& w = it->second;
    w.pending = std::max(0, w.pending - 1);
    if (settlement == Settlement::kCounts) return;
    w.count = std::max(w.pending, w.count - 1);
    // Forgiving while other uses are running would let a burst start over behind a success.
    if (settlement == Settlement::kForgiveAll && w.pending == 0) windows_.erase(it);
}

int RateLimiter::Count(std::string_view key) {
    std::lock_guard lock(mutex_);
    const auto it = windows_.find(std::string(key));
    if (it == windows_.end() || (it->second.pending == 0 && clock_.Now() >= it->second.started + window_)) return 0;
    return it->second.count;
}

void RateLimiter::Prune(TimePoint now) {
    std::erase_if(windows_, [&](const auto& entry) {
        return entry.second.pending == 0 && now >= entry.second.started + window_;
    });
    // Still full (a flood of distinct keys): forget everything rather than grow without bound.
    if (windows_.size() >= max_keys_) windows_.clear();
}

}  // namespace sikgu
