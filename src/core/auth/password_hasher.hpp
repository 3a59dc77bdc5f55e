#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <string>

#include "core/async/task.hpp"

namespace sikgu::auth {

struct PasswordHasherOptions {
    std::size_t workers = 2;         // threads doing Argon2id; each holds memory_kib while it works
    std::size_t max_queued = 256;    // requests waiting beyond the workers; more fail with OverloadedError
    std::size_t memory_kib = 19456;  // Argon2id m (OWASP: 19 MiB, t=2, p=1)
    std::size_t iterations = 2;      // Argon2id t
};

/// Argon2id hashing on a small, bounded pool so a login storm can neither exhaust memory nor stall
/// the event loop: at most `workers` hashes run at once and at most `max_queued` wait.
class PasswordHasher {
public:
    explicit PasswordHasher(PasswordHasherOptions options);
    ~PasswordHasher();

    core::Task<std::string> Hash(const std::string& password);
    core::Task<bool> Verify(const std::string& hash, const std::string& password);
    /// Spends the same effort as Verify on a dummy hash, so an unknown user costs as much as a wrong password.
    core::Task<void> VerifyDummy(const std::string& password);

    std::size_t InFlight() const { return in_flight_.load(); }
    /// Argon2 computations started since start-up (hashes, verifications and dummies).
    std::size_t Runs() const { return runs_.load(); }
    const PasswordHasherOptions& Options() const { return options_; }

private:
    template <class F>
    auto Run(const F& function) -> core::Task<decltype(function())>;

    PasswordHasherOptions options_;
    boost::asio::thread_pool pool_;
    std::atomic<std::size_t> in_flight_{0};
    std::atomic<std::size_t> runs_{0};
    std::string dummy_hash_;
};

}  // namespace sikgu::auth
