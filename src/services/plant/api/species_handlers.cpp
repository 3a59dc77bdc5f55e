#include "core/util/text.hpp"
#include "services/plant/api/species_handlers.hpp"

#include <boost/json.hpp>

#include "services/plant/contract/plant_queries.hpp"
#include "services/plant/domain/plant_search.hpp"

namespace sikgu::plant {
namespace {

SpeciesSummary Summarize(const Plant& p) {
    return {p.id,         p.name_ko,    p.name_en,           p.scientific_name, p.categories,
            p.difficulty, p.light,      p.watering.spring,   p.pet_safe,        p.care_tip};
}

}  // namespace

core::Task<http::Response> SpeciesHandler::Handle(http::Request& request) const {
    const auto index = catalog_.Get();
    const Plant* plant = index->Find(request.PathInt("id"));
    if (plant == nullptr) co_return http::Problem::NotFound("plant.not_found");
    co_return http::Json(Summarize(*plant).ToJson());
}

core::Task<http::Response> SpeciesBatchHandler::Handle(http::Request& request) const {
    const auto text = request.Query("ids").value_or("");
    const auto parsed = ParseIdList(text);
    if (!parsed) co_return http::Problem::Validation({{"ids", "validation.invalid_format"}});
    const std::vector<std::int64_t>& ids = *parsed;
    if (ids.empty() || ids.size() > PlantQueries::kMaxBatch) co_return http::Problem::Validation({{"ids", "validation.out_of_range"}});
    const auto index = catalog_.Get();
    boost::json::array items;
    for (const std::int64_t id : ids) {
        if (const Plant* plant = index->Find(id)) items.push_back(Summarize(*plant).ToJson());
    }
    co_return http::Json(boost::json::object{{"items", std::move(items)}});
}

}  // namespace sikgu::plant
