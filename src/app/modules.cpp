#include "app/modules.hpp"

#include "services/account/account_module.hpp"
#include "services/plant/plant_module.hpp"

namespace sikgu::app {
namespace {
constexpr runtime::ModuleEntry kModules[] = {
    {"account", &account::MakeModule},
    {"plant", &plant::MakeModule},
};
}  // namespace

std::span<const runtime::ModuleEntry> AllModules() { return kModules; }

}  // namespace sikgu::app
