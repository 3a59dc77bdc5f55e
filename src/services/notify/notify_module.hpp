#pragma once

#include <memory>

#include "core/runtime/module.hpp"

namespace sikgu::notify {

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context);

}  // namespace sikgu::notify
