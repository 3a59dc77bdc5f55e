#include "services/plant/plant_module.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/config/config.hpp"
#include "core/obs/log.hpp"
#include "core/sql/database.hpp"
#include "core/util/clock.hpp"
#include "core/util/time.hpp"
#include "services/plant/api/list_plants_handler.hpp"
#include "services/plant/api/messages.hpp"
#include "services/plant/api/species_handlers.hpp"
#include "services/plant/catalogue/catalogue_json.hpp"
#include "services/plant/catalogue/nongsaro.hpp"
#include "services/plant/store/plant_store.hpp"

namespace sikgu::plant {

std::span<const EmbeddedFile> Migrations();
std::span<const EmbeddedFile> ShippedCatalogue();

PlantConfig ParsePlantConfig(const config::Section& section) {
    PlantConfig c;
    c.image_base_url = section.GetString("image_base_url", "");
    c.nongsaro_base_url = section.GetString("nongsaro_base_url", c.nongsaro_base_url);
    c.nongsaro_api_key = section.GetString("nongsaro_api_key", "");
    c.reload_interval = std::chrono::seconds(section.GetInt("reload_seconds", 10, 1, 3600));
    section.Finish();
    while (!c.image_base_url.empty() && c.image_base_url.back() == '/') c.image_base_url.pop_back();
    return c;
}

namespace {

class PlantModule final : public runtime::Module {
public:
    explicit PlantModule(runtime::ServiceContext& context)
        : context_(context),
          config_(ParsePlantConfig(context.config.Get("plant"))),
          json_(catalog_, config_.image_base_url),
          list_(json_),
          get_(json_),
          species_(catalog_),
          species_batch_(catalog_) {}

    void Register(runtime::Registry& r) override {
        r.AddMigrations(Migrations());
        r.AddMessages(kMessages);
        r.AddRoute({http::Verb::kGet, "/api/v1/plants", http::Auth::kPublic}, list_);
        r.AddRoute({http::Verb::kGet, "/api/v1/plants/{id:int}", http::Auth::kPublic}, get_);
        // For other services (contract/plant_queries.hpp).
        r.AddRoute({http::Verb::kGet, "/internal/v1/plant/species/{id:int}", http::Auth::kService}, species_);
        r.AddRoute({http::Verb::kGet, "/internal/v1/plant/species", http::Auth::kService}, species_batch_);
        // `sikgu plants import` writes the table from another process; pick its changes up here.
        // Every process holds its own copy, so every process looks (a read) rather than one per database.
        const runtime::JobSpec reload{.name = "plant.reload-catalogue",
                                      .schedule = runtime::JobSchedule::Every(config_.reload_interval),
                                      .once_across_instances = false};
        r.AddJob(reload, [this]() -> core::Task<void> {
            const auto revision = co_await context_.db.Read([](sql::Connection& c) { return PlantStore::Revision(c); });
            if (revision == loaded_revision_) co_return;
            auto plants = co_await context_.db.Read([](sql::Connection& c) { return PlantStore::LoadAll(c); });
            obs::Log(obs::Level::kInfo, "plant_catalogue_reloaded", {{"species", plants.size()}});
            catalog_.Replace(std::move(plants));
            json_.Get();  // render now rather than in the first request
            loaded_revision_ = revision;
        });
    }

    void Start() override {
        auto plants = context_.db.WriteNow([&](sql::Connection& c) {
            auto stored = PlantStore::LoadAll(c);
            if (stored.empty()) {
                // First start: the catalogue shipped in the binary.
                PlantStore::Upsert(c, ParseCatalogue(ShippedCatalogue().front().content), ImportMode::kCatalogue,
                                   ToUnixMillis(context_.clock.Now()));
                stored = PlantStore::LoadAll(c);
            }
            loaded_revision_ = PlantStore::Revision(c);
            return stored;
        });
        obs::Log(obs::Level::kInfo, "plant_catalogue_loaded", {{"species", plants.size()}});
        catalog_.Replace(std::move(plants));
        json_.Get();
    }

private:
    runtime::ServiceContext& context_;
    PlantConfig config_;
    PlantCatalog catalog_;
    std::int64_t loaded_revision_ = -1;  // of what catalog_ holds; touched only by Start and the job
    PlantJsonCache json_;
    ListPlantsHandler list_;
    GetPlantHandler get_;
    SpeciesHandler species_;
    SpeciesBatchHandler species_batch_;
};

}  // namespace

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context) {
    return std::make_unique<PlantModule>(context);
}

int RunImport(runtime::ServiceContext& context, const ImportRequest& request) {
    const PlantConfig config = ParsePlantConfig(context.config.Get("plant"));
    std::vector<Plant> plants;
    ImportMode mode = ImportMode::kCatalogue;
    std::string source;
    if (!request.catalogue_file.empty()) {
        std::ifstream in(request.catalogue_file, std::ios::binary);
        if (!in) throw CatalogueError("cannot read " + request.catalogue_file.string());
        std::stringstream text;
        text << in.rdbuf();
        plants = ParseCatalogue(text.str());
        source = request.catalogue_file.string();
    } else if (!request.nongsaro_dir.empty()) {
        plants = ImportNongsaro(DirectorySource(request.nongsaro_dir));
        mode = ImportMode::kFactsOnly;
        source = "nongsaro dump " + request.nongsaro_dir.string();
    } else if (request.nongsaro_api) {
        if (config.nongsaro_api_key.empty()) {
            throw CatalogueError("set plant.nongsaro_api_key (SIKGU_PLANT__NONGSARO_API_KEY) to use the live API");
        }
        plants = ImportNongsaro(HttpSource(config.nongsaro_base_url, config.nongsaro_api_key, context.http_client));
        mode = ImportMode::kFactsOnly;
        source = "nongsaro api " + config.nongsaro_base_url;
    } else {
        plants = ParseCatalogue(ShippedCatalogue().front().content);
        source = "shipped catalogue";
    }
    const auto result = context.db.WriteNow([&](sql::Connection& c) {
        return PlantStore::Upsert(c, plants, mode, ToUnixMillis(context.clock.Now()));
    });
    std::cout << fmt::format("{}: {} species read, {} inserted, {} updated, {} unchanged\n", source, plants.size(),
                             result.inserted, result.updated, result.unchanged);
    return 0;
}

}  // namespace sikgu::plant
