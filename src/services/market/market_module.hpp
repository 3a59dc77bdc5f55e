#pragma once

#include <memory>
#include <string_view>

#include "core/runtime/module.hpp"

namespace sikgu::market {

/// The services market reads: plant (species for linked listings) and media (the photos it attaches).
inline constexpr std::string_view kNeeds[] = {"plant", "media"};

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context);

}  // namespace sikgu::market
