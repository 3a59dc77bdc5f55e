#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "core/sql/database.hpp"
#include "services/plant/domain/plant.hpp"
#include "services/plant/domain/plant_search.hpp"

namespace sikgu::plant {

enum class ImportMode {
    kCatalogue,  // sikgu's own catalogue: facts and texts replace what is stored
    kFactsOnly,  // an outside source (Nongsaro): facts are updated, sikgu's texts and pet safety are kept
};

struct ImportResult {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

/// The `plants` table. Each row keeps the plant's facts as catalogue JSON.
class PlantStore {
public:
    static std::vector<Plant> LoadAll(sql::Connection& c);

    /// The catalogue's revision: raised by every import that inserts or updates a species.
    static std::int64_t Revision(sql::Connection& c);
    static ImportResult Upsert(sql::Connection& c, const std::vector<Plant>& plants, ImportMode mode,
                               std::int64_t now_ms);
};

/// The searchable in-memory copy of the table, swapped whole after an import so readers never lock.
class PlantCatalog {
public:
    PlantCatalog() : index_(std::make_shared<const PlantIndex>(std::vector<Plant>{})) {}
    std::shared_ptr<const PlantIndex> Get() const { return index_.load(); }
    void Replace(std::vector<Plant> plants) { index_.store(std::make_shared<const PlantIndex>(std::move(plants))); }

private:
    std::atomic<std::shared_ptr<const PlantIndex>> index_;
};

}  // namespace sikgu::plant
