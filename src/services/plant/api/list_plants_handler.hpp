#pragma once

#include <string>

#include "core/http/handler.hpp"
#include "services/plant/api/plant_json_cache.hpp"

namespace sikgu::plant {

/// GET /api/v1/plants — filters, name search (Korean, English, 1–2 syllables, 초성), keyset pages.
class ListPlantsHandler final : public http::Handler {
public:
    explicit ListPlantsHandler(const PlantJsonCache& json) : json_(json) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const PlantJsonCache& json_;
};

/// GET /api/v1/plants/{id:int}
class GetPlantHandler final : public http::Handler {
public:
    explicit GetPlantHandler(const PlantJsonCache& json) : json_(json) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const PlantJsonCache& json_;
};

}  // namespace sikgu::plant
