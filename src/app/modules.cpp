#include "app/modules.hpp"

#include <CLI/CLI.hpp>

#include <memory>

#include "core/runtime/app.hpp"
#include "services/account/account_module.hpp"
#include "services/chat/chat_module.hpp"
#include "services/market/market_module.hpp"
#include "services/media/media_module.hpp"
#include "services/notify/notify_module.hpp"
#include "services/plant/plant_module.hpp"

namespace sikgu::app {
namespace {
constexpr runtime::ModuleEntry kModules[] = {
    {"account", &account::MakeModule},
    {"plant", &plant::MakeModule},
    {"media", &media::MakeModule},
    {"market", &market::MakeModule, market::kNeeds},
    {"chat", &chat::MakeModule, chat::kNeeds},
    {"notify", &notify::MakeModule},
};
}  // namespace

std::span<const runtime::ModuleEntry> AllModules() { return kModules; }

std::vector<Command> AllCommands() {
    auto import = std::make_shared<plant::ImportRequest>();
    return {
        Command{
            .declare =
                [import](CLI::App& root) {
                    auto* plants = root.add_subcommand("plants", "plant encyclopedia tools");
                    plants->require_subcommand(1);
                    auto* command = plants->add_subcommand(
                        "import",
                        "load the shipped catalogue, a catalogue file, a Nongsaro dump folder, or the live Nongsaro API");
                    command->add_option("--file", import->catalogue_file, "a catalogue JSON file in sikgu's format")
                        ->check(CLI::ExistingFile);
                    command->add_option("--nongsaro-dir", import->nongsaro_dir, "a Nongsaro API dump folder")
                        ->check(CLI::ExistingDirectory);
                    command->add_flag("--nongsaro-api", import->nongsaro_api,
                                      "fetch from the live Nongsaro API (needs plant.nongsaro_api_key)");
                    return command;
                },
            .services = {"plant"},
            .run =
                [import](runtime::App& app) {
                    app.Migrate();
                    return plant::RunImport(app.ContextOf("plant"), *import);
                },
        },
    };
}

}  // namespace sikgu::app
