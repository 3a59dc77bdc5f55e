#include "services/plant/api/plant_json_cache.hpp"

#include <boost/json/serialize.hpp>

#include "services/plant/api/plant_dto.hpp"

namespace sikgu::plant {

PlantJsonCache::PlantJsonCache(const PlantCatalog& catalog, std::string image_base_url)
    : catalog_(catalog), image_base_url_(std::move(image_base_url)) {}

std::shared_ptr<const PlantJsonCache::Snapshot> PlantJsonCache::Get() const {
    auto index = catalog_.Get();
    auto current = snapshot_.load();
    if (current && current->index == index) return current;
    // Two threads may render the same new catalogue at once; both results are equal and the last wins.
    auto fresh = std::make_shared<Snapshot>();
    fresh->index = std::move(index);
    for (const Plant& plant : fresh->index->Plants()) {
        fresh->summaries.emplace(plant.id, boost::json::serialize(ToSummaryJson(plant, image_base_url_)));
        fresh->details.emplace(plant.id, boost::json::serialize(ToDetailJson(plant, image_base_url_)));
    }
    snapshot_.store(fresh);
    return fresh;
}

}  // namespace sikgu::plant
