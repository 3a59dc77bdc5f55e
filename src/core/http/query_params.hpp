#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace sikgu::http {

/// An integer query parameter within [min, max]: nullopt when absent or empty; a value that is not a
/// decimal integer or out of range adds a field error (validation.invalid_format / validation.out_of_range).
std::optional<std::int64_t> IntQuery(const Request& request, std::string_view name, std::int64_t min, std::int64_t max,
                                     std::vector<FieldError>& errors);

}  // namespace sikgu::http
