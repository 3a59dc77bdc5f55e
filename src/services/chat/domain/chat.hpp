#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Rooms and messages, independent of storage and transport. No I/O.
namespace sikgu::chat {

struct Limits {
    static constexpr std::size_t kTextMaxChars = 1000;
    static constexpr std::size_t kClientIdMaxBytes = 64;
    static constexpr std::size_t kPreviewMaxChars = 60;
    static constexpr std::int64_t kHistoryDefault = 50;
    static constexpr std::int64_t kHistoryMax = 200;
    static constexpr std::int64_t kRoomsDefault = 30;
    static constexpr std::int64_t kRoomsMax = 100;
};

enum class MessageKind { kText, kPhoto, kSystem };
std::string_view KindName(MessageKind kind);
std::optional<MessageKind> ParseKind(std::string_view name);

/// What a system notice says; the text is the client's to render.
enum class Notice { kReserved, kSelling, kSold, kDeleted };
std::string_view NoticeName(Notice notice);
/// The notice a listing state change gives: "reserved" → 예약중, "selling" → 판매중 again, "sold" → 거래완료.
std::optional<Notice> NoticeForState(std::string_view state);

/// One message. `seq` numbers a room's messages 1, 2, 3, … in commit order.
struct Message {
    std::int64_t room_id = 0;
    std::int64_t seq = 0;
    std::int64_t sender_id = 0;  // 0 for a system notice
    MessageKind kind = MessageKind::kText;
    std::string body;       // the text; a notice's name for a system message
    std::string photo_url;  // for a photo: its large rendition
    std::string client_id;  // the sender's id for it: a resend with the same one returns this message
    std::int64_t created_at = 0;  // Unix ms
};

/// A room between the seller of a listing and one buyer, with what the room list shows of the listing.
struct Room {
    std::int64_t id = 0;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::int64_t buyer_id = 0;
    std::string title;
    std::int64_t price = 0;
    std::string listing_state;  // selling | reserved | sold | deleted
    std::string thumbnail_url;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> closed_at;  // a sold or deleted listing closes its rooms
    std::int64_t last_seq = 0;

    bool IsMember(std::int64_t user_id) const { return user_id == seller_id || user_id == buyer_id; }
    std::int64_t Other(std::int64_t user_id) const { return user_id == seller_id ? buyer_id : seller_id; }
    bool Open() const { return !closed_at; }
};

/// A client message id: 1–64 printable ASCII characters (a UUID, usually).
bool IsValidClientId(std::string_view id);

/// The text of a message as sent: trimmed, 1–1000 characters, no control characters but newline and tab.
/// nullopt when it is not acceptable.
std::optional<std::string> CleanText(std::string_view text);

}  // namespace sikgu::chat
