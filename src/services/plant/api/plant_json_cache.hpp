#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "services/plant/store/plant_store.hpp"

namespace sikgu::plant {

/// The summary and detail JSON of every species, serialized once per catalogue snapshot: the catalogue
/// changes only on an import, while every list and detail response would otherwise build and serialize
/// the same documents again.
class PlantJsonCache {
public:
    struct Snapshot {
        std::shared_ptr<const PlantIndex> index;
        std::unordered_map<std::int64_t, std::string> summaries;
        std::unordered_map<std::int64_t, std::string> details;

        /// A list page already rendered for this catalogue (the same query and cursor always give the same
        /// page), or null. Bounded: when full it starts over, which only costs rendering again.
        std::shared_ptr<const std::string> Page(const std::string& key) const;
        void RememberPage(std::string key, std::shared_ptr<const std::string> body) const;

    private:
        static constexpr std::size_t kMaxPages = 2048;
        mutable std::shared_mutex pages_mutex_;
        mutable std::unordered_map<std::string, std::shared_ptr<const std::string>> pages_;
    };

    PlantJsonCache(const PlantCatalog& catalog, std::string image_base_url);

    /// The rendering of the current catalogue; rebuilt on first use after the catalogue was replaced.
    std::shared_ptr<const Snapshot> Get() const;

private:
    const PlantCatalog& catalog_;
    std::string image_base_url_;
    mutable std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
    mutable std::mutex render_mutex_;
};

}  // namespace sikgu::plant
