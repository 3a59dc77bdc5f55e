#pragma once

#include <memory>

#include "core/runtime/module.hpp"

namespace sikgu::account {

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context);

}  // namespace sikgu::account
