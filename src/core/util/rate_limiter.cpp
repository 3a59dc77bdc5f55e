#include "core/util/rate_limiter.hpp"

namespace sikgu {

RateLimiter::RateLimiter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys)
    : clock_(clock), limit_(limit), window_(window), max_keys_(max_keys) {}

int RateLimiter::RetryAfter(std::string_view key) {
    std::lock_guard lock(mutex_);
    const auto it = windows_.find(std::string(key));
    if (it == windows_.end()) return 0;
    const auto now = clock_.Now();
    const auto ends = it->second.started + window_;
    if (now >= ends || it->second.count < limit_) return 0;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(ends - now).count());
}

void RateLimiter::Hit(std::string_view key) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.Now();
    if (windows_.size() >= max_keys_) Prune(now);
    auto& w = windows_[std::string(key)];
    if (w.count == 0 || now >= w.started + window_) {
        w.count = 0;
        w.started = now;
    }
    ++w.count;
}

void RateLimiter::Reset(std::string_view key) {
    std::lock_guard lock(mutex_);
    windows_.erase(std::string(key));
}

void RateLimiter::Prune(TimePoint now) {
    std::erase_if(windows_, [&](const auto& entry) { return now >= entry.second.started + window_; });
    // Still full (a flood of distinct keys): forget everything rather than grow without bound.
    if (windows_.size() >= max_keys_) windows_.clear();
}

}  // namespace sikgu
