#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

// The events the chat service publishes: market consumes chat.room.created (it picks the buyer of a sold
// listing among the users who chatted about it), notify consumes chat.message.sent, media consumes
// chat.photo.sent and chat.room.purged (a room holds the photos sent in it until its history is purged).
namespace sikgu::chat {

/// A buyer opened a 1:1 chat with the seller about a listing. Key: the post id.
struct ChatRoomCreated {
    static constexpr std::string_view kType = "chat.room.created";
    static constexpr int kVersion = 1;
    std::int64_t room_id = 0;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::int64_t buyer_id = 0;

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static ChatRoomCreated FromJson(const boost::json::object& data);
};

/// A user wrote in a room to a recipient who did not have it open (one who does has read it at once and is
/// not told): what notifies. System notices are not sent. Key: the room id, so one room's messages stay in
/// order. `recipient_present` is false in every event written now (events of before may carry true).
struct ChatMessageSent {
    static constexpr std::string_view kType = "chat.message.sent";
    static constexpr int kVersion = 1;
    std::int64_t room_id = 0;
    std::int64_t post_id = 0;
    std::int64_t seq = 0;
    std::int64_t sender_id = 0;
    std::int64_t recipient_id = 0;
    std::string sender_nickname;
    std::string preview;  // the text (shortened), or "사진" for a photo
    bool recipient_present = false;

    std::string Key() const { return std::to_string(room_id); }
    boost::json::object ToJson() const;
    static ChatMessageSent FromJson(const boost::json::object& data);
};

/// A photo (a media photo id, the sender's own upload) was sent in a room. Key: the room id.
struct ChatPhotoSent {
    static constexpr std::string_view kType = "chat.photo.sent";
    static constexpr int kVersion = 1;
    std::int64_t room_id = 0;
    std::int64_t seq = 0;
    std::int64_t sender_id = 0;
    std::int64_t photo_id = 0;

    std::string Key() const { return std::to_string(room_id); }
    boost::json::object ToJson() const;
    static ChatPhotoSent FromJson(const boost::json::object& data);
};

/// A closed room's history was purged after the retention: the photos sent in it may go. A closed room takes
/// no photo, so this comes a retention after the room's last chat.photo.sent. Key: the room id.
struct ChatRoomPurged {
    static constexpr std::string_view kType = "chat.room.purged";
    static constexpr int kVersion = 1;
    std::int64_t room_id = 0;

    std::string Key() const { return std::to_string(room_id); }
    boost::json::object ToJson() const;
    static ChatRoomPurged FromJson(const boost::json::object& data);
};

}  // namespace sikgu::chat
