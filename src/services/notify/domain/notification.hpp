#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// What a notification is, independent of storage and transport. No I/O.
namespace sikgu::notify {

/// What a notification is about; each can be muted on its own.
enum class Kind { kComment, kReply, kLike, kWish, kKeyword, kChat, kPayment, kCoupon };

inline constexpr std::array kKinds = {Kind::kComment, Kind::kReply, Kind::kLike,    Kind::kWish,
                                      Kind::kKeyword, Kind::kChat,  Kind::kPayment, Kind::kCoupon};

/// The API's name: "comment", "reply", "like", "wish", "keyword", "chat", "payment", "coupon".
std::string_view KindName(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);

struct Limits {
    static constexpr std::size_t kSubjectMaxChars = 60;  // a listing title is at most 60
    static constexpr std::size_t kDetailMaxChars = 80;   // a keyword, a message preview
    static constexpr std::int64_t kPageDefault = 20;
    static constexpr std::int64_t kPageMax = 50;
    /// What one reconnecting stream is sent from storage before it goes live; a client further behind
    /// reloads the list instead.
    static constexpr std::int64_t kReplayMax = 500;
    static constexpr std::chrono::hours kRetention{24 * 90};
};

/// One stored notification. `seq` numbers a user's notifications 1, 2, 3, … in commit order: it is the
/// API id and the SSE event id, so "everything after n" is exact.
struct Notification {
    std::int64_t user_id = 0;
    std::int64_t seq = 0;
    Kind kind = Kind::kComment;
    std::string subject;  // what it is about: a listing's title, a post's first line
    std::string detail;   // the keyword that matched, a message preview; may be empty
    std::string link;     // the web path to open, e.g. /market/listings/123
    std::int64_t created_at = 0;  // Unix ms
    bool read = false;
};

/// What a consumer asks to store; `subject` and `detail` are cut to their limits on a character boundary.
struct NewNotification {
    std::int64_t user_id = 0;
    Kind kind = Kind::kComment;
    std::string subject;
    std::string detail;
    std::string link;
};

/// At most `max_chars` code points of `text` (valid UTF-8), with "…" when cut.
std::string Shorten(std::string_view text, std::size_t max_chars);

/// The seq a reconnecting stream last saw, from `Last-Event-ID` (or `last_event_id`): a decimal number of
/// at most 18 digits. Anything else (an id from another server, garbage) is treated as no id at all, so
/// the stream starts live instead of failing — an EventSource gives up on a 4xx and would never reconnect.
std::optional<std::int64_t> ParseEventId(std::string_view text);

}  // namespace sikgu::notify
