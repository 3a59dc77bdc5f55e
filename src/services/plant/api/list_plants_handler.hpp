#pragma once

#include <string>

#include "core/http/handler.hpp"
#include "services/plant/store/plant_store.hpp"

namespace sikgu::plant {

/// GET /api/v1/plants — filters, name search (Korean, English, 1–2 syllables, 초성), keyset pages.
class ListPlantsHandler final : public http::Handler {
public:
    ListPlantsHandler(const PlantCatalog& catalog, std::string image_base_url);
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const PlantCatalog& catalog_;
    std::string image_base_url_;
};

/// GET /api/v1/plants/{id:int}
class GetPlantHandler final : public http::Handler {
public:
    GetPlantHandler(const PlantCatalog& catalog, std::string image_base_url);
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const PlantCatalog& catalog_;
    std::string image_base_url_;
};

}  // namespace sikgu::plant
