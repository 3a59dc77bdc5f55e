#include "services/plant/api/plant_dto.hpp"

#include <boost/json.hpp>

#include "services/plant/catalogue/catalogue_json.hpp"

namespace sikgu::plant {

boost::json::object ToSummaryJson(const Plant& p, const std::string& image_base_url) {
    boost::json::object o{
        {"id", std::to_string(p.id)},
        {"name_ko", p.name_ko},
        {"name_en", p.name_en ? boost::json::value(*p.name_en) : nullptr},
        {"scientific_name", p.scientific_name},
        {"family_ko", p.family_ko},
        {"categories", boost::json::value_from(p.categories)},
        {"difficulty", p.difficulty ? boost::json::value(*p.difficulty) : nullptr},
        {"light", boost::json::value_from(p.light)},
        {"pet_safe", p.pet_safe ? boost::json::value(*p.pet_safe) : nullptr},
        {"image_url", (!image_base_url.empty() && !p.images.empty())
                          ? boost::json::value(image_base_url + "/" + p.images.front())
                          : nullptr},
    };
    return o;
}

boost::json::object ToDetailJson(const Plant& p, const std::string& image_base_url) {
    boost::json::object o = ToSummaryJson(p, image_base_url);
    // The catalogue form already spells every fact the way the API does.
    boost::json::object facts = PlantToJson(p);
    for (const char* key : {"watering", "temperature_c", "humidity_pct", "winter_min_c", "growth_speed", "height_cm",
                            "spread_cm", "placement", "toxicity_note", "care_tip", "care_tip_en"}) {
        o[key] = std::move(facts[key]);
    }
    // The light codes stand for Nongsaro's lux bands; clients get the numbers too.
    boost::json::array lux;
    for (const auto& level : p.light) {
        if (level == "low") lux.push_back({{"level", level}, {"min", 300}, {"max", 800}});
        if (level == "medium") lux.push_back({{"level", level}, {"min", 800}, {"max", 1500}});
        if (level == "high") lux.push_back({{"level", level}, {"min", 1500}, {"max", 10000}});
    }
    o["light_lux"] = std::move(lux);
    o["source"] = kAttribution;
    return o;
}

}  // namespace sikgu::plant
