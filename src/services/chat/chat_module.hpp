#pragma once

#include <memory>
#include <string_view>

#include "core/runtime/module.hpp"

namespace sikgu::chat {

/// The services chat reads: market (the listing a buyer opens a room about) and media (the photos sent).
inline constexpr std::string_view kNeeds[] = {"market", "media"};

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context);

}  // namespace sikgu::chat
