#include "services/market/contract/market_queries.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/bus/event_fields.hpp"
#include "core/runtime/query_client.hpp"

namespace sikgu::market {

boost::json::object ListingInfo::ToJson() const {
    return {{"id", bus::IdJson(id)}, {"seller_id", bus::IdJson(seller_id)}, {"title", title},
            {"price", price},        {"state", state},                     {"thumbnail_url", thumbnail_url},
            {"open", open}};
}

ListingInfo ListingInfo::FromJson(const boost::json::object& json) {
    return {bus::IdField(json, "id"),          bus::IdField(json, "seller_id"), bus::StringField(json, "title"),
            bus::IntField(json, "price"),      bus::StringField(json, "state"), bus::StringField(json, "thumbnail_url"),
            json.at("open").as_bool()};
}

core::Task<std::optional<ListingInfo>> MarketQueries::FindListing(std::int64_t id) const {
    const runtime::QueryRequest request{.path = "/internal/v1/market/listings/" + std::to_string(id)};
    const runtime::QueryResponse response = co_await client_.Send(request);
    if (response.status == 404) co_return std::nullopt;
    if (response.status != 200) {
        throw std::runtime_error("market query answered " + std::to_string(response.status) + " " + response.code);
    }
    co_return ListingInfo::FromJson(boost::json::parse(response.body).as_object());
}

}  // namespace sikgu::market
