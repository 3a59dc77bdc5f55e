#include "services/notify/live/notification_hub.hpp"

#include <algorithm>

namespace sikgu::notify {

NotificationHub::Inbox::Taken NotificationHub::Inbox::Take() {
    std::lock_guard lock(mutex_);
    return std::exchange(waiting_, {});
}

bool NotificationHub::Inbox::Put(const Stored* item, std::int64_t unread) {
    std::lock_guard lock(mutex_);
    const bool was_empty = waiting_.items.empty() && !waiting_.unread && !waiting_.overflowed;
    if (item != nullptr) {
        if (waiting_.items.size() < kInboxMax) {
            waiting_.items.push_back(*item);
        } else {
            waiting_.overflowed = true;
        }
    }
    waiting_.unread = unread;
    return was_empty;
}

std::shared_ptr<NotificationHub::Inbox> NotificationHub::Join(std::int64_t user_id, std::function<void()> wake) {
    auto inbox = std::make_shared<Inbox>(std::move(wake));
    std::lock_guard lock(mutex_);
    streams_[user_id].push_back(inbox);
    ++count_;
    return inbox;
}

void NotificationHub::Leave(std::int64_t user_id, const std::shared_ptr<Inbox>& inbox) {
    std::lock_guard lock(mutex_);
    const auto found = streams_.find(user_id);
    if (found == streams_.end()) return;
    auto& list = found->second;
    const auto erased = std::erase(list, inbox);
    count_ -= erased;
    if (list.empty()) streams_.erase(found);
}

void NotificationHub::Deliver(const Stored& stored) { Fan(stored.notification.user_id, &stored, stored.unread); }

void NotificationHub::UnreadChanged(std::int64_t user_id, std::int64_t unread) { Fan(user_id, nullptr, unread); }

void NotificationHub::Fan(std::int64_t user_id, const Stored* item, std::int64_t unread) {
    std::vector<std::shared_ptr<Inbox>> targets;
    {
        std::lock_guard lock(mutex_);
        const auto found = streams_.find(user_id);
        if (found == streams_.end()) return;
        targets = found->second;
    }
    // Woken outside every lock: a waker may run the stream's strand inline.
    for (const auto& inbox : targets) {
        if (inbox->Put(item, unread)) inbox->wake_();
    }
}

std::size_t NotificationHub::StreamCount() const {
    std::lock_guard lock(mutex_);
    return count_;
}

}  // namespace sikgu::notify
