#include <boost/json.hpp>

#include "core/http/json_body.hpp"
#include "core/http/query_params.hpp"
#include "core/util/clock.hpp"
#include "core/util/search_text.hpp"
#include "core/util/text.hpp"
#include "core/util/time.hpp"
#include "services/market/api/market_api.hpp"

namespace sikgu::market {
namespace {

constexpr std::size_t kMaxQueryChars = 50;
constexpr std::size_t kMaxQueryTerms = 5;

std::size_t LimitParam(const http::Request& request, std::vector<http::FieldError>& errors) {
    return static_cast<std::size_t>(http::IntQuery(request, "limit", 1, 100, errors).value_or(20));
}

std::optional<Sort> ParseSort(std::string_view name) {
    if (name.empty() || name == "newest") return Sort::kNewest;
    if (name == "price_asc") return Sort::kPriceAsc;
    if (name == "price_desc") return Sort::kPriceDesc;
    if (name == "popular") return Sort::kPopular;
    return std::nullopt;
}

// Each whitespace-separated term of `q` must appear (AND). A term is compared by its search key, so
// punctuation, `%`, `_` and quotes are not part of any search; a query with no letter or digit is refused.
std::vector<std::string> SearchKeys(std::string_view q, std::vector<http::FieldError>& errors) {
    std::vector<std::string> keys;
    const std::string_view text = Trim(q);
    if (text.empty()) return keys;
    if (CountCodePoints(text) > kMaxQueryChars) {
        errors.push_back({"q", "validation.too_long"});
        return keys;
    }
    if (HasControlCharacters(text)) {
        errors.push_back({"q", "validation.invalid_format"});
        return keys;
    }
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        std::string key = SearchKey(text.substr(start, end - start));
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
        start = end + 1;
    }
    if (keys.empty()) errors.push_back({"q", "market.query_without_letters"});
    if (keys.size() > kMaxQueryTerms) errors.push_back({"q", "market.too_many_terms"});
    return keys;
}

std::optional<State> StateParam(const http::Request& request, std::vector<http::FieldError>& errors) {
    const auto value = request.Query("state");
    if (!value || value->empty()) return std::nullopt;
    auto state = ParseState(*value);
    if (!state) errors.push_back({"state", "validation.invalid_value"});
    return state;
}

}  // namespace

core::Task<http::Response> FeedHandler::Handle(http::Request& request) const {
    std::vector<http::FieldError> errors;
    FeedQuery q;
    if (const auto text = request.Query("q")) q.search_keys = SearchKeys(*text, errors);
    if (const auto category = request.Query("category"); category && !category->empty()) {
        q.category = ParseCategory(*category);
        if (!q.category) errors.push_back({"category", "validation.invalid_value"});
    }
    if (const auto states = request.Query("state"); states && !states->empty()) {
        std::string_view rest = *states;
        while (!rest.empty()) {
            const std::size_t comma = std::min(rest.find(','), rest.size());
            const auto state = ParseState(rest.substr(0, comma));
            if (!state) {
                errors.push_back({"state", "validation.invalid_value"});
                break;
            }
            if (std::find(q.states.begin(), q.states.end(), *state) == q.states.end()) q.states.push_back(*state);
            rest.remove_prefix(std::min(comma + 1, rest.size()));
        }
    }
    q.min_price = http::IntQuery(request, "min_price", 0, Limits::kPriceMax, errors);
    q.max_price = http::IntQuery(request, "max_price", 0, Limits::kPriceMax, errors);
    if (const auto free = request.Query("free"); free && !free->empty()) {
        if (*free == "true") {
            q.max_price = 0;
        } else if (*free != "false") {
            errors.push_back({"free", "validation.invalid_value"});
        }
    }
    if (q.min_price && q.max_price && *q.min_price > *q.max_price) errors.push_back({"min_price", "validation.out_of_range"});
    q.species_id = http::IntQuery(request, "species_id", 1, INT64_MAX, errors);
    q.exclude_id = http::IntQuery(request, "exclude", 1, INT64_MAX, errors);
    const auto sort = ParseSort(request.Query("sort").value_or(""));
    if (!sort) errors.push_back({"sort", "validation.invalid_value"});
    q.sort = sort.value_or(Sort::kNewest);
    q.limit = LimitParam(request, errors);
    q.sort_window = deps_.sort_window;
    if (const auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
        q.after = DecodeCursor(q.sort, *cursor);
        if (!q.after) errors.push_back({"cursor", "validation.invalid_value"});
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));
    // The page is the same for every caller: rendered pages are shared (see FeedPageCache for how fresh).
    std::string key;
    for (const auto& [name, value] : request.query) key.append(name).append(1, '\0').append(value).append(1, '\0');
    const std::uint64_t generation = deps_.store.Generation();
    if (auto body = deps_.feed_pages.Find(key, generation)) co_return http::Text(200, std::move(*body), "application/json");
    const FeedPage page = co_await deps_.store.Feed(q);
    std::string body = boost::json::serialize(PageJson(page, q.sort));
    deps_.feed_pages.Store(key, generation, body);
    co_return http::Text(200, std::move(body), "application/json");
}

core::Task<http::Response> MyListingsHandler::Handle(http::Request& request) const {
    std::vector<http::FieldError> errors;
    const auto state = list_ == MyList::kSelling ? StateParam(request, errors) : std::nullopt;
    const std::size_t limit = LimitParam(request, errors);
    std::optional<FeedCursor> after;
    if (const auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
        after = DecodeCursor(Sort::kNewest, *cursor);
        if (!after) errors.push_back({"cursor", "validation.invalid_value"});
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));
    const FeedPage page = co_await deps_.store.Mine(request.User(), list_, state, after, limit);
    co_return http::Json(PageJson(page, Sort::kNewest));
}

core::Task<http::Response> PriceGuideHandler::Handle(http::Request& request) const {
    const std::int64_t since =
        ToUnixMillis(deps_.clock.Now() - std::chrono::duration_cast<std::chrono::system_clock::duration>(Limits::kPriceGuideWindow));
    const PriceGuide guide = co_await deps_.store.PriceGuideFor(request.PathInt("id"), since);
    if (guide.count == 0) {
        // Only an empty guide asks the encyclopedia: a species with sales exists.
        const auto species = co_await deps_.plants.FindSpecies(request.PathInt("id"));
        if (!species) co_return http::Problem::NotFound("market.unknown_species");
    }
    boost::json::object json{{"species_id", std::to_string(request.PathInt("id"))},
                             {"days", Limits::kPriceGuideWindow.count() / 24},
                             {"count", guide.count}};
    json["median"] = guide.count ? boost::json::value(guide.median) : boost::json::value(nullptr);
    json["min"] = guide.count ? boost::json::value(guide.min) : boost::json::value(nullptr);
    json["max"] = guide.count ? boost::json::value(guide.max) : boost::json::value(nullptr);
    co_return http::Json(json);
}

core::Task<http::Response> KeywordsHandler::Handle(http::Request& request) const {
    boost::json::array items;
    const std::vector<Keyword> keywords = co_await deps_.store.Keywords(request.User());
    for (const auto& k : keywords) {
        items.push_back({{"id", std::to_string(k.id)}, {"keyword", k.keyword}, {"created_at", FormatRfc3339(FromUnixMillis(k.created_at))}});
    }
    co_return http::Json(boost::json::object{{"items", std::move(items)}, {"max", Limits::kKeywordsMax}});
}

core::Task<http::Response> AddKeywordHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string keyword = body.String("keyword", {.max_chars = Limits::kKeywordMaxChars});
    if (!body.HasError("keyword")) {
        if (HasControlCharacters(keyword)) {
            body.AddError("keyword", "validation.invalid_format");
        } else if (SearchKey(keyword).empty()) {
            body.AddError("keyword", "market.query_without_letters");
        }
    }
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const auto added = co_await deps_.store.AddKeyword(request.User(), keyword);
    if (const auto* refusal = std::get_if<Refusal>(&added)) co_return http::Problem::Make(refusal->status, refusal->code);
    const Keyword& k = std::get<Keyword>(added);
    co_return http::Json(201, boost::json::object{{"id", std::to_string(k.id)},
                                                  {"keyword", k.keyword},
                                                  {"created_at", FormatRfc3339(FromUnixMillis(k.created_at))}});
}

core::Task<http::Response> RemoveKeywordHandler::Handle(http::Request& request) const {
    const bool removed = co_await deps_.store.RemoveKeyword(request.User(), request.PathInt("id"));
    if (!removed) co_return http::Problem::NotFound("market.keyword_not_found");
    co_return http::NoContent();
}

}  // namespace sikgu::market
