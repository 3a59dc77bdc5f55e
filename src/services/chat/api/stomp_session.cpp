// STOMP 1.2 over WebSocket for chat: one session per connection.
//
//   CONNECT (Authorization: Bearer <access token>, accept-version 1.2, heart-beat) → CONNECTED
//   SUBSCRIBE /topic/rooms/<id>        a room the user belongs to: its messages, read marks, typing, presence
//   SUBSCRIBE /user/queue/chat.unread  the user's unread count per room
//   SEND /app/rooms/<id>/messages      {"text": "…"} or {"photo_id": "<media id>"} with a client-message-id
//                                      header (a resend is idempotent)
//   SEND /app/rooms/<id>/read          {"seq": n}
//   SEND /app/rooms/<id>/typing        (nothing stored)
//
// A RECEIPT is sent only once what the frame asked for is stored. Anything refused gets an ERROR frame and
// the connection ends (as STOMP prescribes), with nothing stored.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json.hpp>

#include <atomic>
#include <charconv>

#include "core/http/json_body.hpp"
#include "core/auth/jwt.hpp"
#include "core/util/clock.hpp"
#include "services/chat/api/chat_api.hpp"
#include "services/chat/stomp/stomp_frame.hpp"

namespace sikgu::chat {
namespace {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;
namespace asio = boost::asio;

std::optional<std::int64_t> ParsePositive(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

// "/app/rooms/<id>/<action>" → (id, action)
std::optional<std::pair<std::int64_t, std::string_view>> ParseSendDestination(std::string_view where) {
    if (!where.starts_with(destination::kSendPrefix)) return std::nullopt;
    where.remove_prefix(destination::kSendPrefix.size());
    const auto slash = where.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto id = ParsePositive(where.substr(0, slash));
    if (!id) return std::nullopt;
    return std::pair{*id, where.substr(slash + 1)};
}

class StompSession final : public http::WebSocketSession, public ChatListener {
public:
    explicit StompSession(const ChatDeps& deps) : deps_(deps), parser_(stomp::Limits{}, stomp::Sender::kClient) {}

    core::Task<void> OnOpen() override {
        executor_.emplace(co_await asio::this_coro::executor);
        Touch();
        co_return;
    }

    core::Task<void> OnMessage(const std::string& data, bool /*binary*/) override {
        Touch();
        if (failed_) co_return;
        parser_.Feed(data);
        while (!failed_) {
            stomp::Result next = parser_.Next();
            if (std::holds_alternative<stomp::NeedMore>(next)) break;
            if (std::holds_alternative<stomp::Pulse>(next)) continue;  // a heart-beat: Touch() has counted it
            if (const auto* error = std::get_if<stomp::Error>(&next)) {
                Fail("malformed frame", std::string(stomp::ErrorCodeName(error->code)) + ": " + error->message, nullptr);
                break;
            }
            const stomp::Frame frame = std::move(std::get<stomp::Frame>(next));
            co_await Handle(frame);
        }
    }

    void OnClose(http::StopReason) override {
        closed_ = true;
        LeaveAll();
    }

    void Deliver(const std::string& subscription, const std::string& where, const std::string& body) override {
        stomp::Frame message{.command = "MESSAGE",
                             .headers = {{"subscription", subscription},
                                         {"message-id", std::to_string(++message_ids_)},
                                         {"destination", where},
                                         {"content-type", "application/json"}},
                             .body = body};
        Send(stomp::Serialize(message));
    }

private:
    struct Subscribed {
        bool room = false;  // else: the user's unread queue
        std::int64_t room_id = 0;
    };

    void Touch() { last_heard_.store(SteadyClock::now().time_since_epoch().count()); }

    core::Task<void> Handle(const stomp::Frame& f) {
        if (!connected_) {
            if (f.command != "CONNECT" && f.command != "STOMP") {
                Fail("not connected", "send CONNECT first", &f);
                co_return;
            }
            Connect(f);
            co_return;
        }
        if (f.command == "SUBSCRIBE") {
            co_await Subscribe(f);
        } else if (f.command == "UNSUBSCRIBE") {
            Unsubscribe(f);
        } else if (f.command == "SEND") {
            co_await SendFrame(f);
        } else if (f.command == "DISCONNECT") {
            Receipt(f);
            LeaveAll();
            Close(http::close_code::kNormal, "bye");
            failed_ = true;  // read nothing more
        } else if (f.command == "CONNECT" || f.command == "STOMP") {
            Fail("already connected", "", &f);
        } else {
            Fail("unsupported frame", f.command + " is not supported", &f);  // ACK, NACK, transactions
        }
    }

    void Connect(const stomp::Frame& f) {
        const std::string* versions = f.Header("accept-version");
        if (versions == nullptr || versions->find("1.2") == std::string::npos) {
            Fail("unsupported version", "this server speaks STOMP 1.2", &f);
            return;
        }
        const std::string* auth = f.Header("Authorization");
        if (auth == nullptr) auth = f.Header("authorization");
        if (auth == nullptr || !auth->starts_with("Bearer ")) {
            Fail("unauthenticated", "CONNECT needs Authorization: Bearer <access token>", &f);
            return;
        }
        token_ = auth->substr(7);
        const auto verified = deps_.tokens.Verify(token_);
        if (const auto* claims = std::get_if<auth::AccessClaims>(&verified)) {
            user_id_ = claims->user_id;
            expires_at_ = claims->expires_at;
        } else {
            const auto error = std::get<auth::TokenError>(verified);
            Fail(error == auth::TokenError::kExpired ? "token expired" : "token invalid", "", &f);
            return;
        }
        stomp::HeartBeat own{deps_.settings.heartbeat, deps_.settings.heartbeat};
        stomp::HeartBeat peer;
        if (const std::string* hb = f.Header("heart-beat")) {
            const auto parsed = stomp::ParseHeartBeat(*hb);
            if (!parsed) {
                Fail("malformed heart-beat", *hb, &f);
                return;
            }
            peer = *parsed;
        }
        heart_beat_ = stomp::NegotiateHeartBeat(own, peer);
        connected_ = true;
        Send(stomp::Serialize({.command = "CONNECTED",
                               .headers = {{"version", "1.2"},
                                           {"heart-beat", stomp::FormatHeartBeat(own)},
                                           {"server", "sikgu"},
                                           {"user-name", std::to_string(user_id_)}}}));
        asio::co_spawn(*executor_, Pacemaker(std::static_pointer_cast<StompSession>(shared_from_this())), asio::detached);
    }

    core::Task<void> Subscribe(const stomp::Frame& f) {
        const std::string* id = f.Header("id");
        const std::string* where = f.Header("destination");
        if (id == nullptr || where == nullptr || id->empty() || id->size() > 64) {
            Fail("bad SUBSCRIBE", "id and destination are required", &f);
            co_return;
        }
        if (subscriptions_.contains(*id)) {
            Fail("bad SUBSCRIBE", "subscription id already in use", &f);
            co_return;
        }
        if (subscriptions_.size() >= kMaxSubscriptions) {
            Fail("too many subscriptions", "", &f);
            co_return;
        }
        auto self = std::static_pointer_cast<StompSession>(shared_from_this());
        if (*where == destination::kUnreadQueue) {
            subscriptions_[*id] = {false, 0};
            deps_.hub.JoinUser(user_id_, {self, *id, user_id_});
            Receipt(f);
            co_return;
        }
        std::optional<std::int64_t> room_id;
        if (where->starts_with(destination::kRoomPrefix)) {
            room_id = ParsePositive(std::string_view(*where).substr(destination::kRoomPrefix.size()));
        }
        if (!room_id) {
            Fail("unknown destination", *where, &f);
            co_return;
        }
        const auto room = co_await deps_.store.FindRoom(*room_id);
        if (closed_) co_return;
        if (!room || !room->IsMember(user_id_)) {
            Fail("forbidden", "not a room of yours", &f);  // the same answer whether or not it exists
            co_return;
        }
        subscriptions_[*id] = {true, *room_id};
        const bool arrived = deps_.hub.JoinRoom(*room_id, {self, *id, user_id_});
        Receipt(f);
        if (arrived) deps_.hub.ToRoom(*room_id, PresenceEvent(*room_id, true));
    }

    void Unsubscribe(const stomp::Frame& f) {
        const std::string* id = f.Header("id");
        if (id == nullptr) {
            Fail("bad UNSUBSCRIBE", "id is required", &f);
            return;
        }
        if (const auto found = subscriptions_.find(*id); found != subscriptions_.end()) {
            Leave(found->first, found->second);
            subscriptions_.erase(found);
        }
        Receipt(f);
    }

    core::Task<void> SendFrame(const stomp::Frame& f) {
        const std::string* where = f.Header("destination");
        const auto target = where ? ParseSendDestination(*where) : std::nullopt;
        if (!target) {
            Fail("unknown destination", where ? *where : "", &f);
            co_return;
        }
        const auto [room_id, action] = *target;
        boost::system::error_code ec;
        const boost::json::value body = f.body.empty() ? boost::json::value(boost::json::object{}) : boost::json::parse(f.body, ec);
        if (ec || !body.is_object()) {
            Fail("bad body", "a JSON object is expected", &f);
            co_return;
        }
        const boost::json::object& json = body.as_object();
        if (action == "messages") {
            const std::string* client_id = f.Header("client-message-id");
            const auto* text = json.if_contains("text");
            const auto clean = text != nullptr && text->is_string() ? CleanText(text->as_string()) : std::nullopt;
            const auto* photo = json.if_contains("photo_id");
            const auto photo_id = photo != nullptr ? http::ParseJsonId(*photo) : std::nullopt;
            if (client_id == nullptr || !IsValidClientId(*client_id) || (!clean && !photo_id) || json.size() != 1) {
                Fail("bad message",
                     "{\"text\": 1–1000 characters} or {\"photo_id\": \"<id>\"}, and a client-message-id header", &f);
                co_return;
            }
            const auto sent = co_await deps_.actions.SendTextOrPhoto(room_id, user_id_, clean, photo_id, *client_id);
            if (closed_) co_return;
            if (const auto* refusal = std::get_if<Refusal>(&sent)) {
                Fail(refusal->code == "chat.room_closed" ? "room closed"
                     : refusal->status == 422           ? "bad photo"
                                                        : "forbidden",
                     refusal->code, &f);
                co_return;
            }
            Receipt(f, std::get<Appended>(sent).message.seq);
        } else if (action == "read") {
            const auto* seq = json.if_contains("seq");
            if (seq == nullptr || !seq->is_int64() || seq->as_int64() < 0) {
                Fail("bad read", "{\"seq\": n} is expected", &f);
                co_return;
            }
            const auto mark = co_await deps_.actions.Read(room_id, user_id_, seq->as_int64());
            if (closed_) co_return;
            if (!mark) {
                Fail("forbidden", "not a room of yours", &f);
                co_return;
            }
            Receipt(f);
        } else if (action == "typing") {
            if (!InRoom(room_id)) {
                Fail("forbidden", "subscribe to the room first", &f);
                co_return;
            }
            deps_.actions.Typing(room_id, user_id_);
            Receipt(f);
        } else {
            Fail("unknown destination", *where, &f);
        }
    }

    bool InRoom(std::int64_t room_id) const {
        for (const auto& [id, s] : subscriptions_) {
            if (s.room && s.room_id == room_id) return true;
        }
        return false;
    }

    void Receipt(const stomp::Frame& f, std::optional<std::int64_t> seq = std::nullopt) {
        const std::string* receipt = f.Header("receipt");
        if (receipt == nullptr) return;
        stomp::Frame frame{.command = "RECEIPT", .headers = {{"receipt-id", *receipt}}};
        if (seq) frame.headers.emplace_back("seq", std::to_string(*seq));
        Send(stomp::Serialize(frame));
    }

    // Tells the client what went wrong and ends the connection once the ERROR frame is written.
    void Fail(const std::string& message, const std::string& detail, const stomp::Frame* cause) {
        if (failed_) return;
        failed_ = true;
        stomp::Frame error{.command = "ERROR", .headers = {{"message", message}, {"content-type", "text/plain"}}, .body = detail};
        if (cause != nullptr) {
            if (const std::string* receipt = cause->Header("receipt")) error.headers.emplace_back("receipt-id", *receipt);
        }
        Send(stomp::Serialize(error));
        LeaveAll();
        Close(http::close_code::kPolicyViolation, message);
    }

    static std::string PresenceEvent(std::int64_t room_id, bool present_now, std::int64_t user) {
        return boost::json::serialize(boost::json::object{{"type", "presence"},
                                                          {"room_id", std::to_string(room_id)},
                                                          {"user_id", std::to_string(user)},
                                                          {"present", present_now}});
    }
    std::string PresenceEvent(std::int64_t room_id, bool present_now) const {
        return PresenceEvent(room_id, present_now, user_id_);
    }

    void Leave(const std::string& id, const Subscribed& s) {
        if (!s.room) {
            deps_.hub.LeaveUser(user_id_, this, id);
            return;
        }
        if (deps_.hub.LeaveRoom(s.room_id, this, id, user_id_)) deps_.hub.ToRoom(s.room_id, PresenceEvent(s.room_id, false));
    }

    void LeaveAll() {
        for (const auto& [id, s] : subscriptions_) Leave(id, s);
        subscriptions_.clear();
    }

    // Sends heart-beats, drops a client whose heart-beats stopped (so its presence ends), and ends the session
    // when its access token expires or is revoked.
    static core::Task<void> Pacemaker(std::shared_ptr<StompSession> self) {
        asio::steady_timer timer(co_await asio::this_coro::executor);
        const auto send_every = self->heart_beat_.send;
        const auto silent_limit = self->heart_beat_.receive * 2;  // grace: one missed beat is not death
        std::chrono::milliseconds tick = 5000ms;
        if (send_every.count() > 0) tick = std::min(tick, send_every);
        if (silent_limit.count() > 0) tick = std::min(tick, silent_limit / 2);
        tick = std::max(tick, 50ms);
        auto last_sent = SteadyClock::now();
        auto last_check = SteadyClock::now();
        while (!self->closed_ && !self->failed_) {
            timer.expires_after(tick);
            co_await timer.async_wait(core::AsTuple{});
            if (self->closed_ || self->failed_) break;
            const auto now = SteadyClock::now();
            const auto heard = SteadyClock::time_point(SteadyClock::duration(self->last_heard_.load()));
            if (silent_limit.count() > 0 && now - heard > silent_limit) {
                self->Fail("heart-beat lost", "nothing heard for too long", nullptr);
                break;
            }
            if (send_every.count() > 0 && now - last_sent >= send_every) {
                self->Send("\n");
                last_sent = now;
            }
            if (now - last_check >= 5s || self->deps_.clock.Now() >= self->expires_at_) {
                last_check = now;
                const auto verified = self->deps_.tokens.Verify(self->token_);
                if (!std::holds_alternative<auth::AccessClaims>(verified)) {
                    const bool expired = std::get<auth::TokenError>(verified) == auth::TokenError::kExpired;
                    self->Fail(expired ? "token expired" : "session revoked", "connect again with a fresh token", nullptr);
                    break;
                }
            }
        }
    }

    static constexpr std::size_t kMaxSubscriptions = 200;

    const ChatDeps& deps_;
    stomp::FrameParser parser_;
    std::optional<asio::any_io_executor> executor_;
    bool connected_ = false;
    bool failed_ = false;
    std::atomic<bool> closed_{false};
    std::int64_t user_id_ = 0;
    std::string token_;
    TimePoint expires_at_;
    stomp::HeartBeat heart_beat_;
    std::map<std::string, Subscribed> subscriptions_;
    std::atomic<std::uint64_t> message_ids_{0};
    std::atomic<SteadyClock::rep> last_heard_{0};
};

}  // namespace

core::Task<http::Response> StompHandler::Handle(http::Request& request) const {
    auto session = std::make_shared<StompSession>(deps_);
    // @stomp/stompjs offers v10.stomp, v11.stomp and v12.stomp; a browser drops a handshake that answers with
    // none of those it offered, so 1.2 is named when offered (and a client offering nothing gets nothing).
    if (http::OffersSubprotocol(request, "v12.stomp")) session->SetSubprotocol("v12.stomp");
    co_return http::AcceptWebSocket(std::move(session));
}

}  // namespace sikgu::chat
