#include <boost/json.hpp>

#include "services/chat/api/chat_api.hpp"

namespace sikgu::chat {
namespace {

// Only the sender's own processed upload that nothing else holds (a listing's photo would go with the
// listing): nullopt, or why not. `found` is media's answer for the one id asked.
std::optional<Refusal> RefusePhoto(const std::vector<media::PhotoInfo>& found, std::int64_t sender_id, std::int64_t room_id) {
    if (found.empty() || found[0].owner_id != sender_id) return Refusal{422, "chat.photo_not_found"};
    const media::PhotoInfo& photo = found[0];
    if (!photo.ready) return Refusal{422, "chat.photo_not_ready"};
    if (photo.HeldOtherThan(std::nullopt, room_id)) return Refusal{422, "chat.photo_in_use"};
    return std::nullopt;
}

}  // namespace

core::Task<Outcome<Appended>> ChatActions::SendText(std::int64_t room_id, std::int64_t sender_id, std::string text,
                                                    std::string client_id) const {
    NewMessage text_message;
    text_message.room_id = room_id;
    text_message.sender_id = sender_id;
    text_message.body = std::move(text);
    text_message.client_id = std::move(client_id);
    co_return co_await Send(std::move(text_message));
}

core::Task<Outcome<Appended>> ChatActions::SendPhoto(std::int64_t room_id, std::int64_t sender_id, std::int64_t photo_id,
                                                     std::string client_id) const {
    const std::vector<std::int64_t> ids{photo_id};
    const auto found = co_await media_.FindPhotos(ids);
    if (auto refusal = RefusePhoto(found, sender_id, room_id)) co_return std::move(*refusal);
    const media::PhotoInfo& photo = found[0];
    // Filled one by one: GCC 12 miscompiles a braced temporary built in a coroutine's co_await argument.
    NewMessage photo_message;
    photo_message.room_id = room_id;
    photo_message.sender_id = sender_id;
    photo_message.kind = MessageKind::kPhoto;
    photo_message.photo_url = photo.large_url;
    photo_message.photo_id = photo.id;
    photo_message.client_id = std::move(client_id);
    co_return co_await Send(std::move(photo_message));
}

core::Task<Outcome<Appended>> ChatActions::SendTextOrPhoto(std::int64_t room_id, std::int64_t sender_id,
                                                           std::optional<std::string> text,
                                                           std::optional<std::int64_t> photo_id, std::string client_id) const {
    if (photo_id) co_return co_await SendPhoto(room_id, sender_id, *photo_id, std::move(client_id));
    co_return co_await SendText(room_id, sender_id, std::move(text).value_or(""), std::move(client_id));
}

core::Task<Outcome<Appended>> ChatActions::Send(NewMessage asked) const {
    // Presence is this process's view: a recipient reading the room now is not notified, and has read it.
    asked.recipient_present = [this](std::int64_t room, std::int64_t recipient) { return hub_.Present(room, recipient); };
    Outcome<Appended> out = co_await store_.Append(asked);
    if (const auto* a = std::get_if<Appended>(&out); a != nullptr && !a->duplicate) {
        hub_.ToRoom(asked.room_id, MessageEvent(a->message, a->room));
        const std::int64_t recipient = a->room.Other(asked.sender_id);
        if (a->recipient_present) hub_.ToRoom(asked.room_id, ReadEvent(asked.room_id, recipient, a->message.seq));
        hub_.ToUser(recipient, UnreadEvent(asked.room_id, a->recipient_unread));
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
