#include "services/plant/api/list_plants_handler.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <charconv>

#include "core/util/text.hpp"

namespace sikgu::plant {
namespace {

constexpr std::string_view kCategories[] = {"leaf", "flower", "fruit", "succulent"};
constexpr std::string_view kDifficulties[] = {"beginner", "experienced", "expert"};
constexpr std::string_view kLight[] = {"low", "medium", "high"};
constexpr std::string_view kWatering[] = {"wet", "moist", "surface_dry", "mostly_dry"};

template <std::size_t N>
std::optional<std::string> EnumParam(const http::Request& request, std::string_view name,
                                     const std::string_view (&allowed)[N], std::vector<http::FieldError>& errors) {
    const auto value = request.Query(name);
    if (!value || value->empty()) return std::nullopt;
    if (std::find(std::begin(allowed), std::end(allowed), *value) == std::end(allowed)) {
        errors.push_back({std::string(name), "validation.invalid_value"});
        return std::nullopt;
    }
    return std::string(*value);
}

}  // namespace

core::Task<http::Response> ListPlantsHandler::Handle(http::Request& request) const {
    std::vector<http::FieldError> errors;
    PlantQuery query;
    if (const auto q = request.Query("q")) {
        const auto text = Trim(*q);
        if (CountCodePoints(text) > 50) {
            errors.push_back({"q", "validation.too_long"});
        } else if (HasControlCharacters(text)) {
            errors.push_back({"q", "validation.invalid_format"});
        } else if (!text.empty()) {
            query.text = std::string(text);
        }
    }
    query.category = EnumParam(request, "category", kCategories, errors);
    query.difficulty = EnumParam(request, "difficulty", kDifficulties, errors);
    query.light = EnumParam(request, "light", kLight, errors);
    query.watering = EnumParam(request, "watering", kWatering, errors);
    if (const auto pet_safe = request.Query("pet_safe"); pet_safe && !pet_safe->empty()) {
        if (*pet_safe == "true") {
            query.pet_safe = true;
        } else if (*pet_safe == "false") {
            query.pet_safe = false;
        } else {
            errors.push_back({"pet_safe", "validation.invalid_value"});
        }
    }
    if (const auto limit = request.Query("limit"); limit && !limit->empty()) {
        std::size_t n = 0;
        const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
        if (ec != std::errc{} || end != limit->data() + limit->size() || n < 1 || n > 100) {
            errors.push_back({"limit", "validation.out_of_range"});
        } else {
            query.limit = n;
        }
    }
    if (const auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
        if (cursor->size() > 512) {
            errors.push_back({"cursor", "validation.too_long"});
        } else {
            query.after = std::string(*cursor);
        }
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));

    const auto json = json_.Get();
    // The catalogue changes only on an import, so a page, once rendered, is the answer until then.
    std::string key;
    for (const auto* part : {&query.text, &query.category, &query.difficulty, &query.light, &query.watering, &query.after}) {
        key += part->value_or("\x1e");
        key += '\x1f';
    }
    key += query.pet_safe ? (*query.pet_safe ? "1" : "0") : "-";
    key += std::to_string(query.limit);
    if (const auto cached = json->Page(key)) co_return http::Text(200, *cached, "application/json");

    const auto page = json->index->Search(query);
    if (!page) co_return http::Problem::BadRequest("plant.invalid_cursor");
    // {"items":[<cached summaries>],"next_cursor":<string or null>}
    const std::string cursor = page->next_cursor ? boost::json::serialize(boost::json::value(*page->next_cursor)) : "null";
    std::size_t size = 32 + cursor.size();
    for (const Plant* plant : page->items) size += json->summaries.at(plant->id).size() + 1;
    auto body = std::make_shared<std::string>();
    body->reserve(size);
    body->append(R"({"items":[)");
    for (std::size_t i = 0; i < page->items.size(); ++i) {
        if (i > 0) body->push_back(',');
        body->append(json->summaries.at(page->items[i]->id));
    }
    body->append(R"(],"next_cursor":)").append(cursor).push_back('}');
    json->RememberPage(std::move(key), body);
    co_return http::Text(200, *body, "application/json");
}

core::Task<http::Response> GetPlantHandler::Handle(http::Request& request) const {
    const auto json = json_.Get();
    const auto found = json->details.find(request.PathInt("id"));
    if (found == json->details.end()) co_return http::Problem::NotFound("plant.not_found");
    co_return http::Text(200, found->second, "application/json");
}

}  // namespace sikgu::plant
