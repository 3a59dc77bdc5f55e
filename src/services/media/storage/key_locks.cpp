#include "services/media/storage/key_locks.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <chrono>

namespace sikgu::media {

KeyLocks::Guard::~Guard() {
    if (locks_ == nullptr) return;
    std::lock_guard lock(locks_->mutex_);
    locks_->held_.erase(key_);
}

bool KeyLocks::TryLock(const std::string& key) {
    std::lock_guard lock(mutex_);
    return held_.insert(key).second;
}

core::Task<KeyLocks::Guard> KeyLocks::Lock(const std::string& key) {
    while (!TryLock(key)) {
        boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(5));
        co_await timer.async_wait(boost::asio::use_awaitable);
    }
    co_return Guard(*this, key);
}

}  // namespace sikgu::media
