#include "services/plant/api/plant_json_cache.hpp"

#include <boost/json/serialize.hpp>

#include "services/plant/api/plant_dto.hpp"

namespace sikgu::plant {

PlantJsonCache::PlantJsonCache(const PlantCatalog& catalog, std::string image_base_url)
    : catalog_(catalog), image_base_url_(std::move(image_base_url)) {}

std::shared_ptr<const std::string> PlantJsonCache::Snapshot::Page(const std::string& key) const {
    std::shared_lock lock(pages_mutex_);
    const auto it = pages_.find(key);
    return it == pages_.end() ? nullptr : it->second;
}

void PlantJsonCache::Snapshot::RememberPage(std::string key, std::shared_ptr<const std::string> body) const {
    std::unique_lock lock(pages_mutex_);
    if (pages_.size() >= kMaxPages) pages_.clear();
    pages_.emplace(std::move(key), std::move(body));
}

std::shared_ptr<const PlantJsonCache::Snapshot> PlantJsonCache::Get() const {
    if (auto current = snapshot_.load(); current && current->index == catalog_.Get()) return current;
    // One thread renders a new catalogue; the others wait for it rather than render it again.
    std::lock_guard lock(render_mutex_);
    auto index = catalog_.Get();  // the newest, so an older rendering never replaces a newer one
    if (auto current = snapshot_.load(); current && current->index == index) return current;
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
