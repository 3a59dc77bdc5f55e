#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "core/runtime/module.hpp"

namespace sikgu::config {
class Section;
}

namespace sikgu::plant {

struct PlantConfig {
    std::string image_base_url;  // e.g. https://www.nongsaro.go.kr/cms_contents/301; empty: no photos
    std::string nongsaro_base_url = "http://api.nongsaro.go.kr/service/garden";
    std::string nongsaro_api_key;
    std::chrono::seconds reload_interval{10};  // how often a running server looks for an import
};

PlantConfig ParsePlantConfig(const config::Section& section);

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context);

/// `sikgu plants import`: the shipped catalogue (no source), a catalogue JSON file, a Nongsaro dump
/// folder, or the live Nongsaro API when an API key is configured. Prints a summary; returns an exit code.
struct ImportRequest {
    std::filesystem::path catalogue_file;
    std::filesystem::path nongsaro_dir;
    bool nongsaro_api = false;
};
int RunImport(runtime::ServiceContext& context, const ImportRequest& request);

}  // namespace sikgu::plant
