#pragma once

#include <mutex>
#include <set>
#include <string>

#include "core/async/task.hpp"

namespace sikgu::media {

/// Mutual exclusion per content key across coroutines: an upload writing a key's files and a collection
/// deleting them never interleave. The same key is rarely contended (two uploads of one picture), so a
/// waiter simply looks again every few milliseconds.
class KeyLocks {
public:
    class Guard {
    public:
        Guard(KeyLocks& locks, std::string key) : locks_(&locks), key_(std::move(key)) {}
        Guard(Guard&& other) noexcept : locks_(other.locks_), key_(std::move(other.key_)) { other.locks_ = nullptr; }
        Guard& operator=(Guard&&) = delete;
        ~Guard();

    private:
        KeyLocks* locks_;
        std::string key_;
    };

    core::Task<Guard> Lock(const std::string& key);

private:
    bool TryLock(const std::string& key);

    std::mutex mutex_;
    std::set<std::string> held_;
};

}  // namespace sikgu::media
