#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/http/handler.hpp"
#include "services/market/api/feed_page_cache.hpp"
#include "services/market/store/market_store.hpp"
#include "services/media/contract/media_queries.hpp"
#include "services/plant/contract/plant_queries.hpp"

namespace sikgu {
class Clock;
}
namespace sikgu::http {
class IdempotencyKeys;
}

namespace sikgu::market {

/// What every market endpoint may use, built once by the module.
struct MarketDeps {
    MarketStore& store;
    plant::PlantQueries plants;
    media::MediaQueries media;
    http::IdempotencyKeys& idempotency;
    const Clock& clock;
    std::string view_salt;  // keys anonymous viewers' addresses; kept in the market database
    FeedPageCache& feed_pages;
    std::size_t sort_window = 1000;  // [market] sort_window
};

boost::json::object SummaryJson(const ListingView& view);
/// The detail page: `viewer` is the caller (if any); the buyer is shown to the seller and the buyer only.
boost::json::object DetailJson(const ListingView& view, std::optional<std::int64_t> viewer, bool wished);
boost::json::object PageJson(const FeedPage& page, Sort sort);

std::string EncodeCursor(Sort sort, const FeedCursor& cursor);
std::optional<FeedCursor> DecodeCursor(Sort sort, std::string_view text);

/// Base of the market endpoints.
class MarketHandler : public http::Handler {
public:
    explicit MarketHandler(const MarketDeps& deps) : deps_(deps) {}

protected:
    const MarketDeps& deps_;
};

#define SIKGU_MARKET_HANDLER(Name)                                              \
    class Name final : public MarketHandler {                                   \
    public:                                                                     \
        using MarketHandler::MarketHandler;                                     \
        core::Task<http::Response> Handle(http::Request& request) const override; \
    }

SIKGU_MARKET_HANDLER(FeedHandler);            // GET /api/v1/market/listings
SIKGU_MARKET_HANDLER(CreateListingHandler);   // POST /api/v1/market/listings
SIKGU_MARKET_HANDLER(GetListingHandler);      // GET /api/v1/market/listings/{id}
SIKGU_MARKET_HANDLER(UpdateListingHandler);   // PATCH /api/v1/market/listings/{id}
SIKGU_MARKET_HANDLER(DeleteListingHandler);   // DELETE /api/v1/market/listings/{id}
SIKGU_MARKET_HANDLER(ChangeStateHandler);     // PUT /api/v1/market/listings/{id}/state
SIKGU_MARKET_HANDLER(BumpHandler);            // POST /api/v1/market/listings/{id}/bump
SIKGU_MARKET_HANDLER(ChatPartnersHandler);    // GET /api/v1/market/listings/{id}/chat-partners
SIKGU_MARKET_HANDLER(KeywordsHandler);        // GET /api/v1/market/me/keywords
SIKGU_MARKET_HANDLER(AddKeywordHandler);      // POST /api/v1/market/me/keywords
SIKGU_MARKET_HANDLER(RemoveKeywordHandler);   // DELETE /api/v1/market/me/keywords/{id}
SIKGU_MARKET_HANDLER(PriceGuideHandler);      // GET /api/v1/market/species/{id}/price-guide
SIKGU_MARKET_HANDLER(ListingInfoHandler);     // GET /internal/v1/market/listings/{id} (chat)

#undef SIKGU_MARKET_HANDLER

/// PUT (wished) and DELETE (not) /api/v1/market/listings/{id}/wish.
class WishHandler final : public MarketHandler {
public:
    WishHandler(const MarketDeps& deps, bool wished) : MarketHandler(deps), wished_(wished) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    bool wished_;
};

/// GET /api/v1/market/me/listings (판매 내역), /me/purchases (구매 내역), /me/wishes (찜 내역).
class MyListingsHandler final : public MarketHandler {
public:
    MyListingsHandler(const MarketDeps& deps, MyList list) : MarketHandler(deps), list_(list) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    MyList list_;
};

}  // namespace sikgu::market
