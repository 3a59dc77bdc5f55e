#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/util/clock.hpp"

namespace sikgu {

/// Counts events per key in fixed windows, in process memory (split deployments share it through Redis).
/// Used for failed logins, verification mails and password-reset mails.
class RateLimiter {
public:
    RateLimiter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys = 100000);

    /// Seconds until `key` may act again; 0 when it may act now. Does not count.
    int RetryAfter(std::string_view key);
    void Hit(std::string_view key);
    void Reset(std::string_view key);

private:
    struct Window {
        int count = 0;
        TimePoint started;
    };
    void Prune(TimePoint now);

    const Clock& clock_;
    const int limit_;
    const std::chrono::seconds window_;
    const std::size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
};

}  // namespace sikgu
