#include "core/auth/password_hasher.hpp"

#include <sodium.h>

#include <boost/asio/co_spawn.hpp>
#include <optional>
#include <stdexcept>

#include "core/util/errors.hpp"

namespace sikgu::auth {
namespace {
std::string HashNow(const std::string& password, const PasswordHasherOptions& options) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), options.iterations, options.memory_kib * 1024,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("argon2id: out of memory");
    }
    return out;
}
}  // namespace

PasswordHasher::PasswordHasher(PasswordHasherOptions options)
    : options_(options), pool_(options.workers == 0 ? 1 : options.workers) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    if (options_.iterations < crypto_pwhash_OPSLIMIT_MIN) options_.iterations = crypto_pwhash_OPSLIMIT_MIN;
    dummy_hash_ = HashNow("sikgu-dummy-password", options_);
}

PasswordHasher::~PasswordHasher() {
    pool_.stop();
    pool_.join();
}

template <class F>
auto PasswordHasher::Run(const F& function) -> core::Task<decltype(function())> {
    using Result = decltype(function());
    if (in_flight_.fetch_add(1) >= options_.workers + options_.max_queued) {
        in_flight_.fetch_sub(1);
        throw OverloadedError("password hasher queue is full");
    }
    struct Release {
        std::atomic<std::size_t>& counter;
        ~Release() { counter.fetch_sub(1); }
    } release{in_flight_};
    runs_.fetch_add(1);
    // co_spawn's completion needs a default-constructible value, hence the optional.
    std::optional<Result> result = co_await boost::asio::co_spawn(
        pool_, [&]() -> core::Task<std::optional<Result>> { co_return function(); }, boost::asio::use_awaitable);
    co_return std::move(*result);
}

core::Task<std::string> PasswordHasher::Hash(const std::string& password) {
    co_return co_await Run([&] { return HashNow(password, options_); });
}

core::Task<bool> PasswordHasher::Verify(const std::string& hash, const std::string& password) {
    co_return co_await Run(
        [&] { return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0; });
}

core::Task<void> PasswordHasher::VerifyDummy(const std::string& password) {
    co_await Verify(dummy_hash_, std::move(password));
}

}  // namespace sikgu::auth
