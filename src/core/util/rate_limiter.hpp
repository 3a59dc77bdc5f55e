#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/util/clock.hpp"

namespace sikgu {

/// Counts uses per key in fixed windows, in process memory (split deployments share it through Redis).
/// Used for failed logins, verification mails and password-reset mails.
///
/// A use is counted when it is asked for, before the work it limits runs, so a burst of parallel requests
/// can never overtake its own count: at most `limit` uses of a key start per window, however many arrive
/// at once.
class RateLimiter {
public:
    RateLimiter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys = 100000);

    /// Counts one use of `key` if it is under its limit and returns 0; otherwise counts nothing and
    /// returns the seconds until a use is possible again.
    int TryConsume(std::string_view key);

    /// As TryConsume, but the use stays pending until Settle() decides whether it counts (a login
    /// attempt counts only when the password was wrong).
    int Reserve(std::string_view key);

    enum class Settlement {
        kCounts,      // the use stays counted (a wrong password)
        kRefund,      // the use is given back (the limited work never ran, or it succeeded)
        kForgiveAll,  // given back, and the key's earlier uses are forgotten once none is pending
    };
    /// Settles one use reserved by Reserve(). Settling a key the limiter has since forgotten is harmless.
    void Settle(std::string_view key, Settlement settlement);

    /// Uses counted in the key's current window, pending ones included (for tests and metrics).
    int Count(std::string_view key);

private:
    struct Window {
        int count = 0;    // uses in this window, pending ones included
        int pending = 0;  // reserved and not yet settled
        TimePoint started;
    };
    int Take(std::string_view key, bool pending);
    void Prune(TimePoint now);

    const Clock& clock_;
    const int limit_;
    const std::chrono::seconds window_;
    const std::size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
};

/// A use reserved from a RateLimiter, refunded when it goes out of scope unsettled, so an exception
/// (an overloaded hasher, a lost database) never counts against the caller.
class RateReservation {
public:
    RateReservation(RateLimiter& limiter, std::string key) : limiter_(&limiter), key_(std::move(key)) {}
    RateReservation(RateReservation&& other) noexcept : limiter_(other.limiter_), key_(std::move(other.key_)) {
        other.limiter_ = nullptr;
    }
    RateReservation(const RateReservation&) = delete;
    RateReservation& operator=(const RateReservation&) = delete;
    RateReservation& operator=(RateReservation&&) = delete;
    ~RateReservation() { Settle(RateLimiter::Settlement::kRefund); }

    void Settle(RateLimiter::Settlement settlement) {
        if (limiter_ == nullptr) return;
        limiter_->Settle(key_, settlement);
        limiter_ = nullptr;
    }

private:
    RateLimiter* limiter_;
    std::string key_;
};

}  // namespace sikgu
