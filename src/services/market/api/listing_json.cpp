#include <boost/json.hpp>

#include <charconv>

#include "core/util/time.hpp"
#include "services/market/api/market_api.hpp"

namespace sikgu::market {
namespace {

boost::json::value Time(std::int64_t ms) { return boost::json::value(FormatRfc3339(FromUnixMillis(ms))); }

boost::json::value OptionalTime(const std::optional<std::int64_t>& ms) {
    return ms ? Time(*ms) : boost::json::value(nullptr);
}

boost::json::object PhotoJson(const Photo& p) {
    return {{"id", std::to_string(p.id)}, {"thumbnail_url", p.thumbnail_url}, {"large_url", p.large_url},
            {"width", p.width},           {"height", p.height}};
}

std::string_view SortTag(Sort sort) {
    switch (sort) {
        case Sort::kNewest: return "n";
        case Sort::kPriceAsc: return "pa";
        case Sort::kPriceDesc: return "pd";
        case Sort::kPopular: return "po";
    }
    return "";
}

bool ParseInt(std::string_view text, std::int64_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

boost::json::object SummaryJson(const ListingView& view) {
    const Listing& l = view.listing;
    boost::json::value species = nullptr;
    if (l.species_id) species = boost::json::object{{"id", std::to_string(*l.species_id)}, {"name_ko", l.species_name.value_or("")}};
    return {{"id", std::to_string(l.id)},
            {"title", l.title},
            {"price", l.price},
            {"state", StateName(l.state)},
            {"category", CategoryName(l.category)},
            {"thumbnail_url", l.photos.empty() ? boost::json::value(nullptr) : boost::json::value(l.photos.front().thumbnail_url)},
            {"species", std::move(species)},
            {"trade_area", l.trade_area},
            {"seller", {{"id", std::to_string(l.seller_id)}, {"nickname", view.seller_nickname}}},
            {"created_at", Time(l.created_at)},
            {"bumped_at", Time(l.bumped_at)},
            {"view_count", l.view_count},
            {"wish_count", l.wish_count},
            {"chat_count", l.chat_count},
            {"hidden", l.hidden}};
}

boost::json::object DetailJson(const ListingView& view, std::optional<std::int64_t> viewer, bool wished) {
    const Listing& l = view.listing;
    boost::json::object o = SummaryJson(view);
    const bool owner = viewer == l.seller_id;
    boost::json::array photos;
    for (const Photo& p : l.photos) photos.push_back(PhotoJson(p));
    o["description"] = l.description;
    o["photos"] = std::move(photos);
    o["updated_at"] = Time(l.updated_at);
    o["sold_at"] = OptionalTime(l.sold_at);
    o["deleted"] = l.deleted;
    o["is_owner"] = owner;
    o["wished"] = wished;
    const bool party = owner || (viewer && l.buyer_id == viewer);
    o["buyer_id"] = party && l.buyer_id ? boost::json::value(std::to_string(*l.buyer_id)) : boost::json::value(nullptr);
    o["can_bump_at"] = l.state == State::kSold
                           ? boost::json::value(nullptr)
                           : Time(l.bumped_at + std::chrono::duration_cast<std::chrono::milliseconds>(Limits::kBumpInterval).count());
    return o;
}

boost::json::object PageJson(const FeedPage& page, Sort sort) {
    boost::json::array items;
    for (const auto& v : page.items) items.push_back(SummaryJson(v));
    boost::json::object o{{"items", std::move(items)},
                          {"next_cursor", page.next ? boost::json::value(EncodeCursor(sort, *page.next)) : boost::json::value(nullptr)}};
    if (page.sorted_within) o["sorted_within"] = *page.sorted_within;
    return o;
}

// "n.<feed_seq>" or "<sort>.<key>.<feed_seq>[.<window floor>]": opaque to clients, and refused under another sort.
std::string EncodeCursor(Sort sort, const FeedCursor& c) {
    std::string out(SortTag(sort));
    if (sort != Sort::kNewest) out.append(".").append(std::to_string(c.key));
    out.append(".").append(std::to_string(c.feed_seq));
    if (sort != Sort::kNewest && c.window_floor > 0) out.append(".").append(std::to_string(c.window_floor));
    return out;
}

std::optional<FeedCursor> DecodeCursor(Sort sort, std::string_view text) {
    const std::string_view tag = SortTag(sort);
    if (text.size() <= tag.size() + 1 || text.substr(0, tag.size()) != tag || text[tag.size()] != '.') return std::nullopt;
    text.remove_prefix(tag.size() + 1);
    if (text.ends_with('.')) return std::nullopt;
    // The next dot-separated number, consumed from `text`.
    const auto take = [&text](std::int64_t& out) {
        const auto dot = std::min(text.find('.'), text.size());
        const bool ok = ParseInt(text.substr(0, dot), out);
        text.remove_prefix(std::min(dot + 1, text.size()));
        return ok;
    };
    FeedCursor c;
    if (sort != Sort::kNewest && !take(c.key)) return std::nullopt;
    if (!take(c.feed_seq)) return std::nullopt;
    if (sort != Sort::kNewest && !text.empty() && (!take(c.window_floor) || c.window_floor <= 0)) return std::nullopt;
    if (!text.empty()) return std::nullopt;
    return c;
}

}  // namespace sikgu::market
