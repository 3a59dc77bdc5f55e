#include "services/plant/contract/plant_queries.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <stdexcept>

#include "core/runtime/query_client.hpp"
#include "core/util/errors.hpp"

namespace sikgu::plant {
namespace {

std::optional<std::string> OptionalString(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::optional<std::string>(std::string(v->as_string())) : std::nullopt;
}

std::vector<std::string> Strings(const boost::json::object& o, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& v : o.at(key).as_array()) out.emplace_back(v.as_string());
    return out;
}

// An answer the owner should never give: a bug on one side, not the caller's fault.
[[noreturn]] void Unexpected(const runtime::QueryResponse& response) {
    throw std::runtime_error("plant query answered " + std::to_string(response.status) + " " + response.code);
}

}  // namespace

boost::json::object SpeciesSummary::ToJson() const {
    return {{"id", std::to_string(id)},
            {"name_ko", name_ko},
            {"name_en", name_en ? boost::json::value(*name_en) : nullptr},
            {"scientific_name", scientific_name},
            {"categories", boost::json::value_from(categories)},
            {"difficulty", difficulty ? boost::json::value(*difficulty) : nullptr},
            {"light", boost::json::value_from(light)},
            {"watering", watering ? boost::json::value(*watering) : nullptr},
            {"pet_safe", pet_safe ? boost::json::value(*pet_safe) : nullptr},
            {"care_tip", care_tip ? boost::json::value(*care_tip) : nullptr}};
}

SpeciesSummary SpeciesSummary::FromJson(const boost::json::object& o) {
    SpeciesSummary s;
    const auto& id = o.at("id").as_string();
    if (std::from_chars(id.data(), id.data() + id.size(), s.id).ec != std::errc{}) throw std::invalid_argument("bad id");
    s.name_ko = std::string(o.at("name_ko").as_string());
    s.name_en = OptionalString(o, "name_en");
    s.scientific_name = std::string(o.at("scientific_name").as_string());
    s.categories = Strings(o, "categories");
    s.difficulty = OptionalString(o, "difficulty");
    s.light = Strings(o, "light");
    s.watering = OptionalString(o, "watering");
    if (const auto* pet = o.if_contains("pet_safe"); pet != nullptr && pet->is_bool()) s.pet_safe = pet->as_bool();
    s.care_tip = OptionalString(o, "care_tip");
    return s;
}

core::Task<std::optional<SpeciesSummary>> PlantQueries::FindSpecies(std::int64_t id) const {
    const runtime::QueryRequest request{.path = "/internal/v1/plant/species/" + std::to_string(id)};
    const runtime::QueryResponse response = co_await client_.Send(request);
    if (response.status == 404) co_return std::nullopt;
    if (response.status != 200) Unexpected(response);
    co_return SpeciesSummary::FromJson(boost::json::parse(response.body).as_object());
}

core::Task<std::vector<SpeciesSummary>> PlantQueries::FindSpeciesBatch(const std::vector<std::int64_t>& ids) const {
    std::vector<SpeciesSummary> out;
    if (ids.empty()) co_return out;
    if (ids.size() > kMaxBatch) throw std::invalid_argument("at most 100 species per batch");
    std::string path = "/internal/v1/plant/species?ids=";
    for (std::size_t i = 0; i < ids.size(); ++i) path += (i == 0 ? "" : ",") + std::to_string(ids[i]);
    const runtime::QueryRequest request{.path = path};
    const runtime::QueryResponse response = co_await client_.Send(request);
    if (response.status != 200) Unexpected(response);
    const boost::json::value parsed = boost::json::parse(response.body);
    for (const auto& item : parsed.at("items").as_array()) {
        out.push_back(SpeciesSummary::FromJson(item.as_object()));
    }
    co_return out;
}

}  // namespace sikgu::plant
