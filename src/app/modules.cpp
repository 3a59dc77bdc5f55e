#include "app/modules.hpp"

namespace sikgu::app {

std::span<const runtime::ModuleEntry> AllModules() { return {}; }

}  // namespace sikgu::app
