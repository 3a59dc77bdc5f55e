#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A listing (중고거래 글) and the rules every change to one follows. No I/O here.
namespace sikgu::market {

enum class State { kSelling, kReserved, kSold };     // 판매중, 예약중, 거래완료
enum class Category { kPlant, kSupplies, kOther };  // 식물, 화분·용품, 기타

std::string_view StateName(State state);
std::optional<State> ParseState(std::string_view name);
std::string_view CategoryName(Category category);
std::optional<Category> ParseCategory(std::string_view name);

struct Limits {
    static constexpr std::size_t kTitleMin = 2;
    static constexpr std::size_t kTitleMax = 60;
    static constexpr std::size_t kDescriptionMax = 4000;
    static constexpr std::size_t kTradeAreaMax = 40;
    static constexpr std::int64_t kPriceMax = 100'000'000;  // KRW
    static constexpr std::size_t kPhotosMin = 1;
    static constexpr std::size_t kPhotosMax = 10;
    static constexpr std::size_t kKeywordsMax = 20;
    static constexpr std::size_t kKeywordMaxChars = 20;
    static constexpr std::chrono::hours kBumpInterval{24};
    static constexpr std::chrono::hours kPriceGuideWindow{24 * 90};
};

/// A photo as the listing keeps it: media's id and the URLs of its renditions at the time it was attached.
struct Photo {
    std::int64_t id = 0;
    std::string thumbnail_url;
    std::string large_url;
    int width = 0;
    int height = 0;
    bool operator==(const Photo&) const = default;
};

struct Listing {
    std::int64_t id = 0;
    std::int64_t seller_id = 0;
    std::string title;
    std::string description;
    std::int64_t price = 0;  // KRW, 0 = 나눔
    Category category = Category::kPlant;
    std::optional<std::int64_t> species_id;
    std::optional<std::string> species_name;  // the species' Korean name when it was linked
    std::string trade_area;
    State state = State::kSelling;
    std::optional<std::int64_t> buyer_id;
    std::vector<Photo> photos;
    bool hidden = false;
    bool deleted = false;
    std::int64_t created_at = 0;  // Unix ms
    std::int64_t bumped_at = 0;   // created_at until the first bump
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> sold_at;
    std::int64_t feed_seq = 0;  // position in the newest-first feed; a fresh one on every bump
    std::int64_t view_count = 0;
    std::int64_t wish_count = 0;
    std::int64_t chat_count = 0;

    /// Shown to others: not deleted and not hidden by its seller.
    bool IsPublic() const { return !deleted && !hidden; }
};

/// Whether the seller may move a listing from `from` to `to`: 판매중 ⇄ 예약중, either → 거래완료, and
/// 거래완료 is final (its price counts in the species' price guide). Returns the problem code, if refused.
std::optional<std::string> CheckTransition(State from, State to);

/// Whether a bump is allowed at `now_ms` (Unix ms), given the last one.
bool CanBump(std::int64_t bumped_at_ms, std::int64_t now_ms);

/// How popular a listing is, for `sort=popular`: chats weigh most, then wishes, then views.
inline std::int64_t Popularity(std::int64_t views, std::int64_t wishes, std::int64_t chats) {
    return views + 4 * wishes + 8 * chats;
}

/// The median and range of sold prices, for the encyclopedia's price guide.
struct PriceGuide {
    std::size_t count = 0;
    std::int64_t median = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
};
PriceGuide MakePriceGuide(std::vector<std::int64_t> prices);

/// Whether a keyword alert fires for a listing: the keyword's search key appears in the title's or the
/// description's (core/util/search_text.hpp), so case, width, composition and spacing never matter.
bool KeywordMatches(std::string_view keyword_key, std::string_view title_key, std::string_view description_key);

}  // namespace sikgu::market
