#include <boost/json.hpp>

#include "services/chat/api/chat_api.hpp"

namespace sikgu::chat {

core::Task<Outcome<Appended>> ChatActions::SendText(std::int64_t room_id, std::int64_t sender_id, std::string text,
                                                    std::string client_id) const {
    // Presence is this process's view: a recipient reading the room now is not notified, and has read it.
    const NewMessage asked{.room_id = room_id,
                           .sender_id = sender_id,
                           .kind = MessageKind::kText,
                           .body = std::move(text),
                           .client_id = std::move(client_id),
                           .recipient_present = [this](std::int64_t room, std::int64_t recipient) {
                               return hub_.Present(room, recipient);
                           }};
    Outcome<Appended> out = co_await store_.Append(asked);
    if (const auto* a = std::get_if<Appended>(&out); a != nullptr && !a->duplicate) {
        hub_.ToRoom(room_id, MessageEvent(a->message, a->room));
        const std::int64_t recipient = a->room.Other(sender_id);
        if (a->recipient_present) hub_.ToRoom(room_id, ReadEvent(room_id, recipient, a->message.seq));
        hub_.ToUser(recipient, UnreadEvent(room_id, a->recipient_unread));
    }
    co_return out;
}

core::Task<std::optional<ReadMark>> ChatActions::Read(std::int64_t room_id, std::int64_t user_id, std::int64_t seq) const {
    const auto mark = co_await store_.MarkRead(room_id, user_id, seq);
    if (mark) {
        hub_.ToRoom(room_id, ReadEvent(room_id, user_id, mark->read_seq));
        hub_.ToUser(user_id, UnreadEvent(room_id, mark->unread));
    }
    co_return mark;
}

void ChatActions::Typing(std::int64_t room_id, std::int64_t user_id) const {
    hub_.ToRoomExcept(room_id, user_id,
                      boost::json::serialize(boost::json::object{
                          {"type", "typing"}, {"room_id", std::to_string(room_id)}, {"user_id", std::to_string(user_id)}}));
}

void ChatActions::Announce(const StoredNotice& notice) const {
    // Shown in the room only: a notice changes no one's unread count on the live queue (the room list,
    // read from storage, counts it).
    hub_.ToRoom(notice.room.id, MessageEvent(notice.message, notice.room));
}

}  // namespace sikgu::chat
