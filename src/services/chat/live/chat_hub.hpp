#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sikgu::chat {

/// Something that receives a room's live traffic (a STOMP session's subscription) or a user's own queue.
/// Called from any thread; must not block.
class ChatListener {
public:
    virtual ~ChatListener() = default;
    /// `subscription` is the listener's own id for what it subscribed to; `body` is JSON.
    virtual void Deliver(const std::string& subscription, const std::string& destination, const std::string& body) = 0;
};

/// The live side of chat in this process: who listens to which room (and so who is present in it), and who
/// listens to their own unread queue. Messages reach it after they are stored; it never stores anything.
/// Thread-safe.
class ChatHub {
public:
    struct Subscription {
        std::shared_ptr<ChatListener> listener;
        std::string id;  // the listener's subscription id
        std::int64_t user_id = 0;
    };

    /// Returns whether `user_id` just became present in the room (their first listener there).
    bool JoinRoom(std::int64_t room_id, Subscription subscription);
    /// Returns whether `user_id` just stopped being present (their last listener there left).
    bool LeaveRoom(std::int64_t room_id, const ChatListener* listener, const std::string& id, std::int64_t user_id);
    void JoinUser(std::int64_t user_id, Subscription subscription);
    void LeaveUser(std::int64_t user_id, const ChatListener* listener, const std::string& id);

    /// Someone has the room open in this process right now.
    bool Present(std::int64_t room_id, std::int64_t user_id) const;
    std::vector<std::int64_t> PresentIn(std::int64_t room_id) const;

    /// To every listener of the room (the sender's own included: their other tabs).
    void ToRoom(std::int64_t room_id, const std::string& body) const;
    /// To the room's listeners except `user_id`'s (typing indicators).
    void ToRoomExcept(std::int64_t room_id, std::int64_t user_id, const std::string& body) const;
    void ToUser(std::int64_t user_id, const std::string& body) const;

    std::size_t RoomCount() const;

private:
    struct RoomListeners {
        std::vector<Subscription> subscriptions;
        std::map<std::int64_t, int> present;  // user -> listeners
    };
    static std::string RoomDestination(std::int64_t room_id);
    std::vector<Subscription> Targets(std::int64_t room_id) const;

    mutable std::mutex mutex_;
    std::map<std::int64_t, RoomListeners> rooms_;
    std::map<std::int64_t, std::vector<Subscription>> users_;
};

/// The STOMP destinations chat speaks.
namespace destination {
inline constexpr std::string_view kRoomPrefix = "/topic/rooms/";       // + room id: a room's traffic
inline constexpr std::string_view kUnreadQueue = "/user/queue/chat.unread";  // the user's per-room unread counts
inline constexpr std::string_view kSendPrefix = "/app/rooms/";          // + room id + /messages, /read, /typing
}  // namespace destination

}  // namespace sikgu::chat
