#include "services/plant/store/plant_store.hpp"

#include <boost/json.hpp>

#include "services/plant/catalogue/catalogue_json.hpp"

namespace sikgu::plant {

std::vector<Plant> PlantStore::LoadAll(sql::Connection& c) {
    std::vector<Plant> plants;
    for (const auto& row : c.Query("SELECT data FROM plants ORDER BY id")) {
        const auto value = boost::json::parse(row[0].AsText());
        plants.push_back(PlantFromJson(value.as_object()));
    }
    return plants;
}

std::int64_t PlantStore::Revision(sql::Connection& c) {
    return c.QueryOne("SELECT revision FROM catalogue_revision WHERE id = 1")->at(0).AsInt();
}

ImportResult PlantStore::Upsert(sql::Connection& c, const std::vector<Plant>& plants, ImportMode mode,
                                std::int64_t now_ms) {
    ImportResult result;
    for (const Plant& incoming : plants) {
        Plant merged = incoming;
        const auto existing_row = c.QueryOne("SELECT data FROM plants WHERE id = ?", {incoming.id});
        if (existing_row) {
            const Plant existing = PlantFromJson(boost::json::parse((*existing_row)[0].AsText()).as_object());
            if (mode == ImportMode::kFactsOnly) {
                merged.pet_safe = existing.pet_safe;
                merged.toxicity_note = existing.toxicity_note;
                merged.care_tip = existing.care_tip;
                merged.care_tip_en = existing.care_tip_en;
            }
            if (merged == existing) {
                ++result.unchanged;
                continue;
            }
            ++result.updated;
        } else {
            ++result.inserted;
        }
        c.Execute(
            "INSERT INTO plants (id, name_ko, data, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name_ko = excluded.name_ko, data = excluded.data, "
            "updated_at = excluded.updated_at",
            {merged.id, merged.name_ko, boost::json::serialize(PlantToJson(merged)), now_ms});
    }
    if (result.inserted + result.updated > 0) {
        c.Execute("UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1");
    }
    return result;
}

}  // namespace sikgu::plant
