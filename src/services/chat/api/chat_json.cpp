#include <boost/json.hpp>

#include "core/util/time.hpp"
#include "services/chat/api/chat_api.hpp"

namespace sikgu::chat {

boost::json::object MessageJson(const Message& m) {
    boost::json::object json{{"room_id", std::to_string(m.room_id)},
                             {"seq", m.seq},
                             {"kind", KindName(m.kind)},
                             {"body", m.body},
                             {"created_at", FormatRfc3339(FromUnixMillis(m.created_at))}};
    json["sender_id"] = m.sender_id != 0 ? boost::json::value(std::to_string(m.sender_id)) : boost::json::value(nullptr);
    json["client_id"] = m.client_id.empty() ? boost::json::value(nullptr) : boost::json::value(m.client_id);
    if (m.kind == MessageKind::kPhoto) json["photo_url"] = m.photo_url;
    return json;
}

boost::json::object RoomJson(const RoomSummary& s, std::int64_t viewer) {
    const Room& r = s.room;
    boost::json::object json{
        {"id", std::to_string(r.id)},
        {"listing",
         {{"id", std::to_string(r.post_id)}, {"title", r.title}, {"price", r.price}, {"state", r.listing_state},
          {"thumbnail_url", r.thumbnail_url}}},
        {"seller_id", std::to_string(r.seller_id)},
        {"buyer_id", std::to_string(r.buyer_id)},
        {"role", viewer == r.seller_id ? "seller" : "buyer"},
        {"other", {{"id", std::to_string(r.Other(viewer))}, {"nickname", s.other_nickname}}},
        {"unread", s.unread},
        {"last_seq", r.last_seq},
        {"read_seq", s.read_seq},
        {"other_read_seq", s.other_read_seq},
        {"closed", !r.Open()},
        {"created_at", FormatRfc3339(FromUnixMillis(r.created_at))}};
    json["last_message"] = s.last_message ? boost::json::value(MessageJson(*s.last_message)) : boost::json::value(nullptr);
    return json;
}

std::string MessageEvent(const Message& m, const Room& room) {
    return boost::json::serialize(
        boost::json::object{{"type", "message"}, {"message", MessageJson(m)}, {"room_closed", !room.Open()}});
}

std::string ReadEvent(std::int64_t room_id, std::int64_t user_id, std::int64_t seq) {
    return boost::json::serialize(boost::json::object{
        {"type", "read"}, {"room_id", std::to_string(room_id)}, {"user_id", std::to_string(user_id)}, {"seq", seq}});
}

std::string UnreadEvent(std::int64_t room_id, std::int64_t unread) {
    return boost::json::serialize(boost::json::object{{"room_id", std::to_string(room_id)}, {"unread", unread}});
}

}  // namespace sikgu::chat
