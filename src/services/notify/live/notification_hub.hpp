#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "services/notify/store/notify_store.hpp"

namespace sikgu::notify {

/// Hands notifications committed in this process to the open streams of their user, without a database
/// read: each stream has a small inbox, and the hub wakes it. A stream that finds a gap (an inbox that
/// overflowed, or a notification committed by another process) reads the missing ones from storage, so the
/// hub only makes delivery fast; storage keeps it exact. Thread-safe.
class NotificationHub {
public:
    /// Entries one stream may have waiting before it is told to read from storage instead.
    static constexpr std::size_t kInboxMax = 64;

    class Inbox {
    public:
        struct Taken {
            std::vector<Stored> items;           // in the order they were delivered
            std::optional<std::int64_t> unread;  // the latest unread count, when it changed
            bool overflowed = false;             // some were dropped: read storage
        };
        explicit Inbox(std::function<void()> wake) : wake_(std::move(wake)) {}
        Taken Take();

    private:
        friend class NotificationHub;
        /// Returns whether the stream needs waking (it had nothing waiting).
        bool Put(const Stored* item, std::int64_t unread);

        std::mutex mutex_;
        Taken waiting_;
        const std::function<void()> wake_;
    };

    std::shared_ptr<Inbox> Join(std::int64_t user_id, std::function<void()> wake);
    void Leave(std::int64_t user_id, const std::shared_ptr<Inbox>& inbox);

    /// A notification was committed: every stream of its user gets it.
    void Deliver(const Stored& stored);
    /// The user's unread count changed without a new notification (read, deleted).
    void UnreadChanged(std::int64_t user_id, std::int64_t unread);

    std::size_t StreamCount() const;

private:
    void Fan(std::int64_t user_id, const Stored* item, std::int64_t unread);

    mutable std::mutex mutex_;
    std::unordered_map<std::int64_t, std::vector<std::shared_ptr<Inbox>>> streams_;
    std::size_t count_ = 0;
};

}  // namespace sikgu::notify
