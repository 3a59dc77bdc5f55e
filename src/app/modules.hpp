#pragma once

#include <span>

#include "core/runtime/module.hpp"

namespace sikgu::app {

/// Every service this binary can run, in start-up order. The only list that names them all.
std::span<const runtime::ModuleEntry> AllModules();

}  // namespace sikgu::app
