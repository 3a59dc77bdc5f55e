#include "services/plant/catalogue/catalogue_json.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <array>
#include <set>

#include "core/util/text.hpp"

namespace sikgu::plant {
namespace json = boost::json;
namespace {

constexpr std::array<std::string_view, 4> kCategories = {"leaf", "flower", "fruit", "succulent"};
constexpr std::array<std::string_view, 3> kDifficulties = {"beginner", "experienced", "expert"};
constexpr std::array<std::string_view, 3> kLight = {"low", "medium", "high"};
constexpr std::array<std::string_view, 4> kWatering = {"wet", "moist", "surface_dry", "mostly_dry"};
constexpr std::array<std::string_view, 3> kSpeeds = {"fast", "normal", "slow"};
constexpr std::array<std::string_view, 5> kPlacements = {"dark_indoor", "living_inner", "living_window",
                                                        "balcony_inner", "balcony_window"};

template <std::size_t N>
void Check(const std::string& value, const std::array<std::string_view, N>& allowed, std::string_view field) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        throw CatalogueError(std::string(field) + ": unknown value \"" + value + "\"");
    }
}

const json::value* Field(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v == nullptr || v->is_null() ? nullptr : v;
}

std::string RequiredString(const json::object& o, std::string_view key) {
    const auto* v = Field(o, key);
    if (v == nullptr || !v->is_string() || v->as_string().empty()) {
        throw CatalogueError(std::string(key) + " must be a non-empty string");
    }
    std::string s(v->as_string());
    if (!IsValidUtf8(s)) throw CatalogueError(std::string(key) + " is not valid UTF-8");
    return s;
}

std::optional<std::string> OptionalString(const json::object& o, std::string_view key) {
    const auto* v = Field(o, key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) throw CatalogueError(std::string(key) + " must be a string");
    if (!IsValidUtf8(v->as_string())) throw CatalogueError(std::string(key) + " is not valid UTF-8");
    return std::string(v->as_string());
}

template <std::size_t N>
std::optional<std::string> OptionalEnum(const json::object& o, std::string_view key,
                                        const std::array<std::string_view, N>& allowed) {
    auto value = OptionalString(o, key);
    if (value) Check(*value, allowed, key);
    return value;
}

template <std::size_t N>
std::vector<std::string> EnumList(const json::object& o, std::string_view key,
                                  const std::array<std::string_view, N>& allowed) {
    std::vector<std::string> out;
    const auto* v = Field(o, key);
    if (v == nullptr) return out;
    if (!v->is_array()) throw CatalogueError(std::string(key) + " must be an array");
    for (const auto& item : v->as_array()) {
        if (!item.is_string()) throw CatalogueError(std::string(key) + " must hold strings");
        std::string value(item.as_string());
        Check(value, allowed, key);
        if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
    }
    return out;
}

std::optional<double> OptionalNumber(const json::object& o, std::string_view key) {
    const auto* v = Field(o, key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number()) throw CatalogueError(std::string(key) + " must be a number");
    return v->to_number<double>();
}

std::optional<Range> OptionalRange(const json::object& o, std::string_view key) {
    const auto* v = Field(o, key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_object()) throw CatalogueError(std::string(key) + " must be an object");
    const auto min = OptionalNumber(v->as_object(), "min");
    const auto max = OptionalNumber(v->as_object(), "max");
    if (!min || !max || *min > *max) throw CatalogueError(std::string(key) + " needs min <= max");
    return Range{static_cast<int>(*min), static_cast<int>(*max)};
}

std::optional<bool> OptionalBool(const json::object& o, std::string_view key) {
    const auto* v = Field(o, key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_bool()) throw CatalogueError(std::string(key) + " must be true, false or null");
    return v->as_bool();
}

json::value OrNull(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OrNull(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OrNull(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OrNull(const std::optional<bool>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OrNull(const std::optional<Range>& v) {
    return v ? json::value(json::object{{"min", v->min}, {"max", v->max}}) : json::value(nullptr);
}

}  // namespace

Plant PlantFromJson(const json::object& o) {
    Plant p;
    const auto* id = Field(o, "nongsaro_id");
    if (id == nullptr || !id->is_int64() || id->as_int64() <= 0) {
        throw CatalogueError("nongsaro_id must be a positive integer");
    }
    p.id = id->as_int64();
    try {
        p.name_ko = RequiredString(o, "name_ko");
        p.name_en = OptionalString(o, "name_en");
        p.scientific_name = RequiredString(o, "scientific_name");
        p.family_ko = OptionalString(o, "family_ko").value_or("");
        p.categories = EnumList(o, "categories", kCategories);
        p.difficulty = OptionalEnum(o, "difficulty", kDifficulties);
        p.light = EnumList(o, "light", kLight);
        if (const auto* w = Field(o, "watering")) {
            if (!w->is_object()) throw CatalogueError("watering must be an object");
            const auto& wo = w->as_object();
            p.watering = {OptionalEnum(wo, "spring", kWatering), OptionalEnum(wo, "summer", kWatering),
                          OptionalEnum(wo, "autumn", kWatering), OptionalEnum(wo, "winter", kWatering)};
        }
        p.temperature_c = OptionalRange(o, "temperature_c");
        p.humidity_pct = OptionalRange(o, "humidity_pct");
        if (const auto winter = OptionalNumber(o, "winter_min_c")) p.winter_min_c = static_cast<int>(*winter);
        p.growth_speed = OptionalEnum(o, "growth_speed", kSpeeds);
        p.height_cm = OptionalNumber(o, "height_cm");
        p.spread_cm = OptionalNumber(o, "spread_cm");
        p.placement = EnumList(o, "placement", kPlacements);
        p.pet_safe = OptionalBool(o, "pet_safe");
        p.toxicity_note = OptionalString(o, "toxicity_note");
        p.care_tip = OptionalString(o, "care_tip");
        p.care_tip_en = OptionalString(o, "care_tip_en");
        if (const auto* images = Field(o, "images")) {
            if (!images->is_array()) throw CatalogueError("images must be an array");
            for (const auto& image : images->as_array()) {
                if (!image.is_string()) throw CatalogueError("images must hold strings");
                p.images.emplace_back(image.as_string());
            }
        }
    } catch (const CatalogueError& e) {
        throw CatalogueError("plant " + std::to_string(p.id) + ": " + e.what());
    }
    return p;
}

std::vector<Plant> ParseCatalogue(std::string_view json_text) {
    boost::system::error_code ec;
    const auto root = json::parse(json_text, ec);
    if (ec || !root.is_object()) throw CatalogueError("catalogue is not a JSON object");
    const auto* plants = root.as_object().if_contains("plants");
    if (plants == nullptr || !plants->is_array()) throw CatalogueError("catalogue has no \"plants\" array");
    std::vector<Plant> out;
    std::set<std::int64_t> ids;
    for (const auto& item : plants->as_array()) {
        if (!item.is_object()) throw CatalogueError("catalogue plants must be objects");
        Plant p = PlantFromJson(item.as_object());
        if (!ids.insert(p.id).second) throw CatalogueError("plant " + std::to_string(p.id) + " appears twice");
        out.push_back(std::move(p));
    }
    return out;
}

json::object PlantToJson(const Plant& p) {
    return json::object{
        {"nongsaro_id", p.id},
        {"name_ko", p.name_ko},
        {"name_en", OrNull(p.name_en)},
        {"scientific_name", p.scientific_name},
        {"family_ko", p.family_ko},
        {"categories", json::value_from(p.categories)},
        {"difficulty", OrNull(p.difficulty)},
        {"light", json::value_from(p.light)},
        {"watering", json::object{{"spring", OrNull(p.watering.spring)},
                                  {"summer", OrNull(p.watering.summer)},
                                  {"autumn", OrNull(p.watering.autumn)},
                                  {"winter", OrNull(p.watering.winter)}}},
        {"temperature_c", OrNull(p.temperature_c)},
        {"humidity_pct", OrNull(p.humidity_pct)},
        {"winter_min_c", OrNull(p.winter_min_c)},
        {"growth_speed", OrNull(p.growth_speed)},
        {"height_cm", OrNull(p.height_cm)},
        {"spread_cm", OrNull(p.spread_cm)},
        {"placement", json::value_from(p.placement)},
        {"pet_safe", OrNull(p.pet_safe)},
        {"toxicity_note", OrNull(p.toxicity_note)},
        {"care_tip", OrNull(p.care_tip)},
        {"care_tip_en", OrNull(p.care_tip_en)},
        {"images", json::value_from(p.images)},
    };
}

}  // namespace sikgu::plant
