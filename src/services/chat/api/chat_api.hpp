#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/http/handler.hpp"
#include "core/http/websocket.hpp"
#include "services/chat/live/chat_hub.hpp"
#include "services/chat/store/chat_store.hpp"
#include "services/market/contract/market_queries.hpp"
#include "services/media/contract/media_queries.hpp"

namespace sikgu {
class Clock;
}
namespace sikgu::auth {
class JwtCodec;
}

namespace sikgu::chat {

struct ChatSettings {
    std::chrono::milliseconds heartbeat{10000};  // what the server offers and asks for in STOMP heart-beat
    std::chrono::hours retention{24 * 30};       // how long a closed room's history is kept
};

/// Storing and then telling the room: what the HTTP endpoints and the STOMP session share.
class ChatActions {
public:
    ChatActions(ChatStore& store, ChatHub& hub, media::MediaQueries media) : store_(store), hub_(hub), media_(media) {}

    /// Stores a text message and, once stored, sends it to the room and the recipient's unread count.
    core::Task<Outcome<Appended>> SendText(std::int64_t room_id, std::int64_t sender_id, std::string text,
                                           std::string client_id) const;
    /// The same for a photo: the sender's own processed upload (media), not held by a listing or another room.
    core::Task<Outcome<Appended>> SendPhoto(std::int64_t room_id, std::int64_t sender_id, std::int64_t photo_id,
                                            std::string client_id) const;
    /// The photo when there is one, else the text: what the HTTP endpoint and STOMP read (each has checked
    /// that exactly one of them came).
    core::Task<Outcome<Appended>> SendTextOrPhoto(std::int64_t room_id, std::int64_t sender_id,
                                                  std::optional<std::string> text, std::optional<std::int64_t> photo_id,
                                                  std::string client_id) const;
    /// Advances the reader's watermark and shows it to the room ("읽음"). nullopt: not a member.
    core::Task<std::optional<ReadMark>> Read(std::int64_t room_id, std::int64_t user_id, std::int64_t seq) const;
    void Typing(std::int64_t room_id, std::int64_t user_id) const;
    /// A system notice stored by a listing event, once committed.
    void Announce(const StoredNotice& notice) const;

private:
    core::Task<Outcome<Appended>> Send(NewMessage asked) const;

    ChatStore& store_;
    ChatHub& hub_;
    media::MediaQueries media_;
};

/// What every chat endpoint may use, built once by the module.
struct ChatDeps {
    ChatStore& store;
    ChatHub& hub;
    ChatActions& actions;
    market::MarketQueries market;
    const Clock& clock;
    const auth::JwtCodec& tokens;
    ChatSettings settings;
};

boost::json::object MessageJson(const Message& m);
boost::json::object RoomJson(const RoomSummary& s, std::int64_t viewer);
/// The body of a room's live events: {"type":"message","message":{…}} and the like.
std::string MessageEvent(const Message& m, const Room& room);
std::string ReadEvent(std::int64_t room_id, std::int64_t user_id, std::int64_t seq);
std::string UnreadEvent(std::int64_t room_id, std::int64_t unread);

class ChatHandler : public http::Handler {
public:
    explicit ChatHandler(const ChatDeps& deps) : deps_(deps) {}

protected:
    const ChatDeps& deps_;
};

#define SIKGU_CHAT_HANDLER(Name)                                                  \
    class Name final : public ChatHandler {                                       \
    public:                                                                       \
        using ChatHandler::ChatHandler;                                           \
        core::Task<http::Response> Handle(http::Request& request) const override; \
    }

SIKGU_CHAT_HANDLER(OpenRoomHandler);     // POST /api/v1/chat/rooms
SIKGU_CHAT_HANDLER(ListRoomsHandler);    // GET /api/v1/chat/rooms
SIKGU_CHAT_HANDLER(GetRoomHandler);      // GET /api/v1/chat/rooms/{id}
SIKGU_CHAT_HANDLER(HistoryHandler);      // GET /api/v1/chat/rooms/{id}/messages
SIKGU_CHAT_HANDLER(PostMessageHandler);  // POST /api/v1/chat/rooms/{id}/messages
SIKGU_CHAT_HANDLER(ReadHandler);         // PUT /api/v1/chat/rooms/{id}/read

#undef SIKGU_CHAT_HANDLER

/// GET /ws: STOMP 1.2 over WebSocket. The credential comes in the CONNECT frame.
class StompHandler final : public http::WebSocketHandler {
public:
    explicit StompHandler(const ChatDeps& deps) : deps_(deps) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const ChatDeps& deps_;
};

}  // namespace sikgu::chat
