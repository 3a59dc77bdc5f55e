#include "services/chat/live/chat_hub.hpp"

#include <algorithm>

namespace sikgu::chat {

std::string ChatHub::RoomDestination(std::int64_t room_id) {
    return std::string(destination::kRoomPrefix) + std::to_string(room_id);
}

bool ChatHub::JoinRoom(std::int64_t room_id, Subscription subscription) {
    std::lock_guard lock(mutex_);
    RoomListeners& room = rooms_[room_id];
    const std::int64_t user = subscription.user_id;
    room.subscriptions.push_back(std::move(subscription));
    return ++room.present[user] == 1;
}

bool ChatHub::LeaveRoom(std::int64_t room_id, const ChatListener* listener, const std::string& id, std::int64_t user_id) {
    std::lock_guard lock(mutex_);
    const auto found = rooms_.find(room_id);
    if (found == rooms_.end()) return false;
    RoomListeners& room = found->second;
    const auto erased = std::erase_if(room.subscriptions, [&](const Subscription& s) {
        return s.listener.get() == listener && s.id == id;
    });
    if (erased == 0) return false;
    bool left = false;
    if (const auto p = room.present.find(user_id); p != room.present.end() && --p->second == 0) {
        room.present.erase(p);
        left = true;
    }
    if (room.subscriptions.empty()) rooms_.erase(found);
    return left;
}

void ChatHub::JoinUser(std::int64_t user_id, Subscription subscription) {
    std::lock_guard lock(mutex_);
    users_[user_id].push_back(std::move(subscription));
}

void ChatHub::LeaveUser(std::int64_t user_id, const ChatListener* listener, const std::string& id) {
    std::lock_guard lock(mutex_);
    const auto found = users_.find(user_id);
    if (found == users_.end()) return;
    std::erase_if(found->second, [&](const Subscription& s) { return s.listener.get() == listener && s.id == id; });
    if (found->second.empty()) users_.erase(found);
}

bool ChatHub::Present(std::int64_t room_id, std::int64_t user_id) const {
    std::lock_guard lock(mutex_);
    const auto found = rooms_.find(room_id);
    return found != rooms_.end() && found->second.present.contains(user_id);
}

std::vector<std::int64_t> ChatHub::PresentIn(std::int64_t room_id) const {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> users;
    if (const auto found = rooms_.find(room_id); found != rooms_.end()) {
        for (const auto& [user, count] : found->second.present) users.push_back(user);
    }
    return users;
}

std::vector<ChatHub::Subscription> ChatHub::Targets(std::int64_t room_id) const {
    std::lock_guard lock(mutex_);
    const auto found = rooms_.find(room_id);
    return found == rooms_.end() ? std::vector<Subscription>{} : found->second.subscriptions;
}

// Listeners are called outside the lock: a delivery may take a session's own locks.
void ChatHub::ToRoom(std::int64_t room_id, const std::string& body) const {
    const std::string where = RoomDestination(room_id);
    for (const auto& s : Targets(room_id)) s.listener->Deliver(s.id, where, body);
}

void ChatHub::ToRoomExcept(std::int64_t room_id, std::int64_t user_id, const std::string& body) const {
    const std::string where = RoomDestination(room_id);
    for (const auto& s : Targets(room_id)) {
        if (s.user_id != user_id) s.listener->Deliver(s.id, where, body);
    }
}

void ChatHub::ToUser(std::int64_t user_id, const std::string& body) const {
    std::vector<Subscription> targets;
    {
        std::lock_guard lock(mutex_);
        if (const auto found = users_.find(user_id); found != users_.end()) targets = found->second;
    }
    for (const auto& s : targets) s.listener->Deliver(s.id, std::string(destination::kUnreadQueue), body);
}

std::size_t ChatHub::RoomCount() const {
    std::lock_guard lock(mutex_);
    return rooms_.size();
}

}  // namespace sikgu::chat
