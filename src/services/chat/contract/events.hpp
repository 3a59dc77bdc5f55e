#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

// The events the chat service publishes. The chat service itself comes later; market already consumes
// chat.room.created (it picks the buyer of a sold listing among the users who chatted about it).
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

}  // namespace sikgu::chat
