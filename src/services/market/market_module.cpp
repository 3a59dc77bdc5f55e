#include "services/market/market_module.hpp"

#include "core/config/config.hpp"
#include "core/sql/database.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "services/account/contract/events.hpp"
#include "services/chat/contract/events.hpp"
#include "services/market/api/market_api.hpp"
#include "services/market/api/messages.hpp"
#include "services/market/store/market_store.hpp"

namespace sikgu::market {

std::span<const EmbeddedFile> Migrations();

namespace {

using http::Auth;
using http::Verb;

class MarketModule final : public runtime::Module {
public:
    explicit MarketModule(runtime::ServiceContext& context)
        : context_(context),
          store_(context.db),
          deps_{store_,
                plant::PlantQueries(context.peers.Query("plant")),
                media::MediaQueries(context.peers.Query("media")),
                context.idempotency,
                context.clock,
                {},
                feed_pages_,
                SortWindow(context.config.Get("market"))},
          feed_(deps_),
          create_(deps_),
          get_(deps_),
          update_(deps_),
          delete_(deps_),
          state_(deps_),
          bump_(deps_),
          partners_(deps_),
          wish_(deps_, true),
          unwish_(deps_, false),
          selling_(deps_, MyList::kSelling),
          purchases_(deps_, MyList::kPurchases),
          wishes_(deps_, MyList::kWishes),
          keywords_(deps_),
          add_keyword_(deps_),
          remove_keyword_(deps_),
          price_guide_(deps_),
          listing_info_(deps_) {}

    void Register(runtime::Registry& r) override {
        r.AddMigrations(Migrations());
        r.AddMessages(kMessages);
        constexpr std::string_view listing = "/api/v1/market/listings/{id:int}";
        r.AddRoute({Verb::kGet, "/api/v1/market/listings", Auth::kOptional}, feed_);
        r.AddRoute({Verb::kPost, "/api/v1/market/listings", Auth::kUser, {.idempotency = http::Idempotency::kOptional}},
                   create_);
        r.AddRoute({Verb::kGet, std::string(listing), Auth::kOptional}, get_);
        r.AddRoute({Verb::kPatch, std::string(listing), Auth::kUser}, update_);
        r.AddRoute({Verb::kDelete, std::string(listing), Auth::kUser}, delete_);
        r.AddRoute({Verb::kPut, std::string(listing) + "/state", Auth::kUser}, state_);
        r.AddRoute({Verb::kPost, std::string(listing) + "/bump", Auth::kUser}, bump_);
        r.AddRoute({Verb::kGet, std::string(listing) + "/chat-partners", Auth::kUser}, partners_);
        r.AddRoute({Verb::kPut, std::string(listing) + "/wish", Auth::kUser}, wish_);
        r.AddRoute({Verb::kDelete, std::string(listing) + "/wish", Auth::kUser}, unwish_);
        r.AddRoute({Verb::kGet, "/api/v1/market/me/listings", Auth::kUser}, selling_);
        r.AddRoute({Verb::kGet, "/api/v1/market/me/purchases", Auth::kUser}, purchases_);
        r.AddRoute({Verb::kGet, "/api/v1/market/me/wishes", Auth::kUser}, wishes_);
        r.AddRoute({Verb::kGet, "/api/v1/market/me/keywords", Auth::kUser}, keywords_);
        r.AddRoute({Verb::kPost, "/api/v1/market/me/keywords", Auth::kUser}, add_keyword_);
        r.AddRoute({Verb::kDelete, "/api/v1/market/me/keywords/{id:int}", Auth::kUser}, remove_keyword_);
        r.AddRoute({Verb::kGet, "/api/v1/market/species/{id:int}/price-guide", Auth::kPublic}, price_guide_);
        r.AddRoute({Verb::kGet, "/internal/v1/market/listings/{id:int}", Auth::kService}, listing_info_);

        r.Subscribe<chat::ChatRoomCreated>(&MarketStore::OnChatRoomCreated);
        // Sellers' and buyers' nicknames, kept here so a feed page needs no call to account.
        r.Subscribe<account::UserCreated>(
            [](sql::Transaction& tx, const account::UserCreated& e) { MarketStore::RememberNickname(tx, e.user_id, e.nickname); });
        r.Subscribe<account::UserRenamed>(
            [](sql::Transaction& tx, const account::UserRenamed& e) { MarketStore::RememberNickname(tx, e.user_id, e.nickname); });
        r.Subscribe<account::UserDeleted>(
            [](sql::Transaction& tx, const account::UserDeleted& e) { MarketStore::ForgetUser(tx, e.user_id); });

        r.AddJob("market.purge-views", std::chrono::hours(1), [this]() -> core::Task<void> {
            const auto today = std::chrono::duration_cast<std::chrono::days>(
                                   context_.clock.Now().time_since_epoch() + kSeoul.offset)
                                   .count();
            co_await store_.PurgeViewsBefore(today - 1);
        });
    }

    void Start() override {
        deps_.view_salt = context_.db.WriteNow([](sql::Connection& c) {
            c.Execute("INSERT INTO market_settings (name, value) VALUES ('view_salt', ?) ON CONFLICT DO NOTHING",
                      {RandomToken(32)});
            return (*c.QueryOne("SELECT value FROM market_settings WHERE name = 'view_salt'"))[0].AsText();
        });
    }

private:
    static std::size_t SortWindow(const config::Section& section) {
        const auto window = section.GetInt("sort_window", 1000, 1, 100'000);
        section.Finish();
        return static_cast<std::size_t>(window);
    }

    runtime::ServiceContext& context_;
    MarketStore store_;
    FeedPageCache feed_pages_;
    MarketDeps deps_;
    FeedHandler feed_;
    CreateListingHandler create_;
    GetListingHandler get_;
    UpdateListingHandler update_;
    DeleteListingHandler delete_;
    ChangeStateHandler state_;
    BumpHandler bump_;
    ChatPartnersHandler partners_;
    WishHandler wish_;
    WishHandler unwish_;
    MyListingsHandler selling_;
    MyListingsHandler purchases_;
    MyListingsHandler wishes_;
    KeywordsHandler keywords_;
    AddKeywordHandler add_keyword_;
    RemoveKeywordHandler remove_keyword_;
    PriceGuideHandler price_guide_;
    ListingInfoHandler listing_info_;
};

}  // namespace

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context) {
    return std::make_unique<MarketModule>(context);
}

}  // namespace sikgu::market
