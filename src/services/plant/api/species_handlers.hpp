#pragma once

#include "core/http/handler.hpp"
#include "services/plant/store/plant_store.hpp"

namespace sikgu::plant {

/// GET /internal/v1/plant/species/{id:int} — one species for another service (Auth::kService).
class SpeciesHandler final : public http::Handler {
public:
    explicit SpeciesHandler(const PlantCatalog& catalog) : catalog_(catalog) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const PlantCatalog& catalog_;
};

/// GET /internal/v1/plant/species?ids=1,2,3 — up to 100 species at once, in the order asked.
class SpeciesBatchHandler final : public http::Handler {
public:
    explicit SpeciesBatchHandler(const PlantCatalog& catalog) : catalog_(catalog) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const PlantCatalog& catalog_;
};

}  // namespace sikgu::plant
