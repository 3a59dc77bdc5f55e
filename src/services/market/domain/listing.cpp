#include "services/market/domain/listing.hpp"

#include <algorithm>

namespace sikgu::market {
namespace {
constexpr std::string_view kStates[] = {"selling", "reserved", "sold"};
constexpr std::string_view kCategories[] = {"plant", "supplies", "other"};
}  // namespace

std::string_view StateName(State state) { return kStates[static_cast<int>(state)]; }

std::optional<State> ParseState(std::string_view name) {
    for (int i = 0; i < 3; ++i) {
        if (kStates[i] == name) return static_cast<State>(i);
    }
    return std::nullopt;
}

std::string_view CategoryName(Category category) { return kCategories[static_cast<int>(category)]; }

std::optional<Category> ParseCategory(std::string_view name) {
    for (int i = 0; i < 3; ++i) {
        if (kCategories[i] == name) return static_cast<Category>(i);
    }
    return std::nullopt;
}

std::optional<std::string> CheckTransition(State from, State to) {
    if (from == State::kSold) return "market.listing_sold";
    if (from == to) return "market.state_unchanged";
    return std::nullopt;
}

bool CanBump(std::int64_t bumped_at_ms, std::int64_t now_ms) {
    return now_ms - bumped_at_ms >= std::chrono::duration_cast<std::chrono::milliseconds>(Limits::kBumpInterval).count();
}

PriceGuide MakePriceGuide(std::vector<std::int64_t> prices) {
    PriceGuide guide;
    if (prices.empty()) return guide;
    std::sort(prices.begin(), prices.end());
    guide.count = prices.size();
    guide.min = prices.front();
    guide.max = prices.back();
    const std::size_t mid = prices.size() / 2;
    guide.median = prices.size() % 2 == 1 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
    return guide;
}

bool KeywordMatches(std::string_view keyword_key, std::string_view title_key, std::string_view description_key) {
    if (keyword_key.empty()) return false;
    return title_key.find(keyword_key) != std::string_view::npos ||
           description_key.find(keyword_key) != std::string_view::npos;
}

}  // namespace sikgu::market
