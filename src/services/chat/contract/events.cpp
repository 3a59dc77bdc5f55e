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

}  // namespace sikgu::chat
