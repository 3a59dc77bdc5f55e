#include "services/chat/chat_module.hpp"

#include "core/config/config.hpp"
#include "core/sql/transaction.hpp"
#include "core/util/clock.hpp"
#include "core/util/time.hpp"
#include "services/account/contract/events.hpp"
#include "services/chat/api/chat_api.hpp"
#include "services/chat/api/messages.hpp"
#include "services/market/contract/events.hpp"

namespace sikgu::chat {

std::span<const EmbeddedFile> Migrations();

namespace {

using http::Auth;
using http::Verb;

ChatSettings ParseSettings(const config::Section& section) {
    ChatSettings s;
    s.heartbeat = std::chrono::milliseconds(section.GetInt("heartbeat_ms", s.heartbeat.count(), 100, 600000));
    s.retention = std::chrono::hours(24 * section.GetInt("retention_days", 30, 1, 3650));
    section.Finish();
    return s;
}

class ChatModule final : public runtime::Module {
public:
    explicit ChatModule(runtime::ServiceContext& context)
        : context_(context),
          store_(context.db),
          actions_(store_, hub_, media::MediaQueries(context.peers.Query("media"))),
          deps_{store_,         hub_,           actions_, market::MarketQueries(context.peers.Query("market")),
                context.clock, context.tokens, ParseSettings(context.config.Get("chat"))},
          open_(deps_),
          list_(deps_),
          get_(deps_),
          history_(deps_),
          post_(deps_),
          read_(deps_),
          stomp_(deps_) {}

    void Register(runtime::Registry& r) override {
        r.AddMigrations(Migrations());
        r.AddMessages(kMessages);
        r.AddRoute({Verb::kPost, "/api/v1/chat/rooms", Auth::kUser}, open_);
        r.AddRoute({Verb::kGet, "/api/v1/chat/rooms", Auth::kUser}, list_);
        r.AddRoute({Verb::kGet, "/api/v1/chat/rooms/{id:int}", Auth::kUser}, get_);
        r.AddRoute({Verb::kGet, "/api/v1/chat/rooms/{id:int}/messages", Auth::kUser}, history_);
        r.AddRoute({Verb::kPost, "/api/v1/chat/rooms/{id:int}/messages", Auth::kUser}, post_);
        r.AddRoute({Verb::kPut, "/api/v1/chat/rooms/{id:int}/read", Auth::kUser}, read_);
        // The credential travels in the CONNECT frame (browsers cannot set headers on a WebSocket).
        r.AddRoute({Verb::kGet, "/ws", Auth::kPublic}, stomp_);

        // A listing's events arrive on three consumers; the envelope id orders them per listing.
        r.Subscribe(std::string(market::PostUpdated::kType), [this](sql::Transaction& tx, const bus::Envelope& e) {
            const auto post = market::PostUpdated::FromJson(e.data);
            Announce(tx, ChatStore::OnListingChanged(tx, e.id, post.post_id, post.title, post.price, post.state,
                                                     post.thumbnail_url));
        });
        r.Subscribe(std::string(market::PostSold::kType), [this](sql::Transaction& tx, const bus::Envelope& e) {
            Announce(tx, ChatStore::OnListingClosed(tx, e.id, market::PostSold::FromJson(e.data).post_id, Notice::kSold));
        });
        r.Subscribe(std::string(market::PostDeleted::kType), [this](sql::Transaction& tx, const bus::Envelope& e) {
            Announce(tx, ChatStore::OnListingClosed(tx, e.id, market::PostDeleted::FromJson(e.data).post_id, Notice::kDeleted));
        });
        r.Subscribe<account::UserCreated>(
            [](sql::Transaction& tx, const account::UserCreated& e) { ChatStore::RememberNickname(tx, e.user_id, e.nickname); });
        r.Subscribe<account::UserRenamed>(
            [](sql::Transaction& tx, const account::UserRenamed& e) { ChatStore::RememberNickname(tx, e.user_id, e.nickname); });
        r.Subscribe<account::UserDeleted>(
            [](sql::Transaction& tx, const account::UserDeleted& e) { ChatStore::ForgetUser(tx, e.user_id); });

        r.AddJob("chat.purge-closed", std::chrono::hours(1), [this]() -> core::Task<void> {
            const auto cutoff = context_.clock.Now() - std::chrono::duration_cast<std::chrono::system_clock::duration>(deps_.settings.retention);
            co_await store_.PurgeClosedBefore(ToUnixMillis(cutoff));
        });
    }

private:
    void Announce(sql::Transaction& tx, std::vector<StoredNotice> notices) {
        if (notices.empty()) return;
        tx.AfterCommit([this, notices = std::move(notices)]() -> core::Task<void> {
            for (const StoredNotice& n : notices) actions_.Announce(n);
            co_return;
        });
    }

    runtime::ServiceContext& context_;
    ChatStore store_;
    ChatHub hub_;
    ChatActions actions_;
    ChatDeps deps_;
    OpenRoomHandler open_;
    ListRoomsHandler list_;
    GetRoomHandler get_;
    HistoryHandler history_;
    PostMessageHandler post_;
    ReadHandler read_;
    StompHandler stomp_;
};

}  // namespace

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context) {
    return std::make_unique<ChatModule>(context);
}

}  // namespace sikgu::chat
