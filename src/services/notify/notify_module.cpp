#include "services/notify/notify_module.hpp"

#include "core/config/config.hpp"
#include "core/sql/transaction.hpp"
#include "core/util/clock.hpp"
#include "core/util/time.hpp"
#include "services/account/contract/events.hpp"
#include "services/chat/contract/events.hpp"
#include "services/market/contract/events.hpp"
#include "services/notify/api/messages.hpp"
#include "services/notify/api/notify_api.hpp"

namespace sikgu::notify {

std::span<const EmbeddedFile> Migrations();

namespace {

using http::Auth;
using http::Verb;

std::string ListingLink(std::int64_t post_id) { return "/market/" + std::to_string(post_id); }

class NotifyModule final : public runtime::Module {
public:
    explicit NotifyModule(runtime::ServiceContext& context)
        : context_(context),
          store_(context.db),
          deps_{store_, hub_, Heartbeat(context.config.Get("notify"))},
          list_(deps_),
          unread_(deps_),
          read_(deps_),
          read_all_(deps_),
          remove_(deps_),
          settings_(deps_),
          set_settings_(deps_),
          stream_(deps_) {}

    void Register(runtime::Registry& r) override {
        r.AddMigrations(Migrations());
        r.AddMessages(kMessages);
        r.AddRoute({Verb::kGet, "/api/v1/notifications", Auth::kUser}, list_);
        r.AddRoute({Verb::kGet, "/api/v1/notifications/unread-count", Auth::kUser}, unread_);
        r.AddRoute({Verb::kPost, "/api/v1/notifications/read-all", Auth::kUser}, read_all_);
        r.AddRoute({Verb::kGet, "/api/v1/notifications/settings", Auth::kUser}, settings_);
        r.AddRoute({Verb::kPut, "/api/v1/notifications/settings", Auth::kUser}, set_settings_);
        r.AddRoute({Verb::kGet, "/api/v1/notifications/stream", Auth::kUser, {.access_cookie = true, .stream_ticket = true}},
                   stream_);
        r.AddRoute({Verb::kPut, "/api/v1/notifications/{id:int}/read", Auth::kUser}, read_);
        r.AddRoute({Verb::kDelete, "/api/v1/notifications/{id:int}", Auth::kUser}, remove_);

        r.Subscribe<market::WishAdded>([this](sql::Transaction& tx, const market::WishAdded& e) {
            Notify(tx, {.user_id = e.seller_id, .kind = Kind::kWish, .subject = e.title, .link = ListingLink(e.post_id)});
        });
        r.Subscribe<market::KeywordMatched>([this](sql::Transaction& tx, const market::KeywordMatched& e) {
            Notify(tx, {.user_id = e.user_id,
                        .kind = Kind::kKeyword,
                        .subject = e.title,
                        .detail = e.keyword,
                        .link = ListingLink(e.post_id)});
        });
        // A message to someone who has the room open is seen already: no notification.
        r.Subscribe<chat::ChatMessageSent>([this](sql::Transaction& tx, const chat::ChatMessageSent& e) {
            if (e.recipient_present) return;
            Notify(tx, {.user_id = e.recipient_id,
                        .kind = Kind::kChat,
                        .subject = e.sender_nickname.empty() ? std::string("채팅") : e.sender_nickname,
                        .detail = e.preview,
                        .link = "/chat/" + std::to_string(e.room_id)});
        });
        r.Subscribe<account::UserDeleted>(
            [](sql::Transaction& tx, const account::UserDeleted& e) { NotifyStore::ForgetUser(tx, e.user_id); });

        r.AddJob("notify.purge", std::chrono::hours(1), [this]() -> core::Task<void> {
            const auto cutoff = context_.clock.Now() - std::chrono::duration_cast<std::chrono::system_clock::duration>(Limits::kRetention);
            co_await store_.PurgeBefore(ToUnixMillis(cutoff));
        });
    }

private:
    static std::chrono::milliseconds Heartbeat(const config::Section& section) {
        const auto seconds = section.GetInt("heartbeat_seconds", 15, 1, 300);
        section.Finish();
        return std::chrono::seconds(seconds);
    }

    // Stores it in the event's unit of work; the open streams of its user get it once that commits.
    void Notify(sql::Transaction& tx, const NewNotification& n) {
        auto stored = NotifyStore::Add(tx, n);
        if (!stored) return;  // muted
        tx.AfterCommit([this, stored = std::move(*stored)]() -> core::Task<void> {
            hub_.Deliver(stored);
            co_return;
        });
    }

    runtime::ServiceContext& context_;
    NotifyStore store_;
    NotificationHub hub_;
    NotifyDeps deps_;
    ListHandler list_;
    UnreadCountHandler unread_;
    MarkReadHandler read_;
    MarkAllReadHandler read_all_;
    RemoveHandler remove_;
    SettingsHandler settings_;
    SetSettingsHandler set_settings_;
    StreamHandler stream_;
};

}  // namespace

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context) {
    return std::make_unique<NotifyModule>(context);
}

}  // namespace sikgu::notify
