#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/async/task.hpp"
#include "services/chat/domain/chat.hpp"
#include "services/market/contract/market_queries.hpp"

namespace sikgu::sql {
class Database;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::chat {

/// A refusal with its HTTP status and problem code.
struct Refusal {
    int status = 0;
    std::string code;
};
template <class T>
using Outcome = std::variant<T, Refusal>;

/// A room as one member's room list shows it, read in one query.
struct RoomSummary {
    Room room;
    std::string other_nickname;
    std::optional<Message> last_message;
    std::int64_t unread = 0;
    std::int64_t read_seq = 0;        // the reader's own watermark
    std::int64_t other_read_seq = 0;  // the other party's: what shows "읽음"
};

struct OpenedRoom {
    Room room;
    bool created = false;
};

struct NewMessage {
    std::int64_t room_id = 0;
    std::int64_t sender_id = 0;
    MessageKind kind = MessageKind::kText;
    std::string body;
    std::string photo_url;
    std::int64_t photo_id = 0;  // a photo's media id (published in chat.photo.sent, so media keeps it)
    std::string client_id;
    /// Whether the recipient has the room open right now (asked inside the unit of work, once the room is
    /// known): such a recipient has read the message at once and is not notified.
    std::function<bool(std::int64_t room_id, std::int64_t recipient_id)> recipient_present;
};

struct Appended {
    Message message;
    Room room;
    bool duplicate = false;           // the client id was seen: `message` is the original
    std::int64_t recipient_unread = 0;  // the recipient's unread count in the room after it
    bool recipient_present = false;   // the recipient was reading the room: their mark is at the message
};

struct ReadMark {
    std::int64_t read_seq = 0;
    std::int64_t unread = 0;  // the reader's unread count in the room after it
};

/// A system notice stored in a room, for broadcasting once its unit of work commits.
struct StoredNotice {
    Room room;
    Message message;
};

/// The chat service's SQL. Membership is checked here, against the caller's user id, on every read and write.
class ChatStore {
public:
    explicit ChatStore(sql::Database& db) : db_(db) {}

    /// The buyer's room about `listing`: the existing one, or a new one (publishing chat.room.created).
    core::Task<OpenedRoom> OpenRoom(const market::ListingInfo& listing, std::int64_t buyer_id);
    core::Task<std::optional<Room>> FindRoom(std::int64_t room_id) const;
    core::Task<std::optional<Room>> FindRoomOf(std::int64_t post_id, std::int64_t buyer_id) const;
    /// The rooms of `user_id` (as seller or buyer), most recent activity first, optionally of one listing.
    /// `before`: the (last_at, id) of the last room of the previous page.
    core::Task<std::vector<RoomSummary>> Rooms(std::int64_t user_id, std::optional<std::int64_t> post_id,
                                               std::optional<std::pair<std::int64_t, std::int64_t>> before,
                                               std::int64_t limit) const;
    core::Task<std::optional<RoomSummary>> Summary(std::int64_t user_id, std::int64_t room_id) const;

    /// Stores a message from a member of an open room; a repeated client id returns the original.
    core::Task<Outcome<Appended>> Append(const NewMessage& m);
    /// Messages after `after` (oldest first) or before `before` (newest first), at most `limit`.
    core::Task<std::vector<Message>> History(std::int64_t room_id, std::optional<std::int64_t> after,
                                             std::optional<std::int64_t> before, std::int64_t limit) const;
    /// Advances the member's watermark to `seq` (clamped to the room's last message; never backwards).
    /// Returns the watermark after, or nullopt when the user is not a member.
    core::Task<std::optional<ReadMark>> MarkRead(std::int64_t room_id, std::int64_t user_id, std::int64_t seq);

    /// Listing events (the envelope id orders one listing's events across their types; older ones are
    /// ignored). Each returns the notices it stored.
    static std::vector<StoredNotice> OnListingChanged(sql::Transaction& tx, std::int64_t event_id, std::int64_t post_id,
                                                      const std::string& title, std::int64_t price,
                                                      const std::string& state, const std::string& thumbnail_url);
    static std::vector<StoredNotice> OnListingClosed(sql::Transaction& tx, std::int64_t event_id, std::int64_t post_id,
                                                     Notice notice);

    static void RememberNickname(sql::Transaction& tx, std::int64_t user_id, const std::string& nickname);
    static void ForgetUser(sql::Transaction& tx, std::int64_t user_id);

    /// Deletes rooms closed before `before_ms` with their messages and read marks; returns how many.
    core::Task<std::int64_t> PurgeClosedBefore(std::int64_t before_ms);

private:
    sql::Database& db_;
};

}  // namespace sikgu::chat
