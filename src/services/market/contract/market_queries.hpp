#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/async/task.hpp"

namespace sikgu::runtime {
class QueryClient;
}

// What other services may ask the market service.
namespace sikgu::market {

/// A listing as chat sees it when a buyer opens a room about it.
struct ListingInfo {
    std::int64_t id = 0;
    std::int64_t seller_id = 0;
    std::string title;
    std::int64_t price = 0;
    std::string state;          // selling | reserved | sold
    std::string thumbnail_url;  // of the first photo
    bool open = false;          // neither deleted nor hidden by its seller

    boost::json::object ToJson() const;
    static ListingInfo FromJson(const boost::json::object& json);
};

/// The market service's internal API, through the query client (in process or over HTTP).
class MarketQueries {
public:
    explicit MarketQueries(const runtime::QueryClient& client) : client_(client) {}

    /// nullopt when there is no such listing (or it was deleted).
    core::Task<std::optional<ListingInfo>> FindListing(std::int64_t id) const;

private:
    const runtime::QueryClient& client_;
};

}  // namespace sikgu::market
