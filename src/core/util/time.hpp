#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"

namespace sikgu {

std::int64_t ToUnixMillis(TimePoint t);
TimePoint FromUnixMillis(std::int64_t ms);

/// RFC 3339 in UTC with millisecond precision: 2026-11-24T04:05:06.789Z
std::string FormatRfc3339(TimePoint t);
std::optional<TimePoint> ParseRfc3339(std::string_view text);

}  // namespace sikgu
