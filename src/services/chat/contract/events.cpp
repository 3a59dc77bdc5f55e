#include "services/chat/contract/events.hpp"

#include <boost/json.hpp>

#include "core/bus/event_fields.hpp"

namespace sikgu::chat {
using namespace bus;

boost::json::object ChatRoomCreated::ToJson() const {
    return {{"room_id", IdJson(room_id)},
            {"post_id", IdJson(post_id)},
            {"seller_id", IdJson(seller_id)},
            {"buyer_id", IdJson(buyer_id)}};
}
ChatRoomCreated ChatRoomCreated::FromJson(const boost::json::object& data) {
    return {IdField(data, "room_id"), IdField(data, "post_id"), IdField(data, "seller_id"), IdField(data, "buyer_id")};
}

boost::json::object ChatMessageSent::ToJson() const {
    return {{"room_id", IdJson(room_id)},
            {"post_id", IdJson(post_id)},
            {"seq", seq},
            {"sender_id", IdJson(sender_id)},
            {"recipient_id", IdJson(recipient_id)},
            {"sender_nickname", sender_nickname},
            {"preview", preview},
            {"recipient_present", recipient_present}};
}
ChatMessageSent ChatMessageSent::FromJson(const boost::json::object& data) {
    return {IdField(data, "room_id"),
            IdField(data, "post_id"),
            IntField(data, "seq"),
            IdField(data, "sender_id"),
            IdField(data, "recipient_id"),
            StringField(data, "sender_nickname"),
            StringField(data, "preview"),
            data.at("recipient_present").as_bool()};
}

boost::json::object ChatPhotoSent::ToJson() const {
    return {{"room_id", IdJson(room_id)}, {"seq", seq}, {"sender_id", IdJson(sender_id)}, {"photo_id", IdJson(photo_id)}};
}
ChatPhotoSent ChatPhotoSent::FromJson(const boost::json::object& data) {
    return {IdField(data, "room_id"), IntField(data, "seq"), IdField(data, "sender_id"), IdField(data, "photo_id")};
}

boost::json::object ChatRoomPurged::ToJson() const { return {{"room_id", IdJson(room_id)}}; }
ChatRoomPurged ChatRoomPurged::FromJson(const boost::json::object& data) { return {IdField(data, "room_id")}; }

}  // namespace sikgu::chat
