#pragma once

#include <chrono>
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

/// A time zone as a fixed offset from UTC. Enough for Korea (no daylight saving since 1988), which is where
/// the business day and the daily drops live; zones with daylight saving are refused rather than guessed.
struct TimeZone {
    std::string name;  // "Asia/Seoul", "UTC", "+09:00"
    std::chrono::minutes offset{0};
};
/// "UTC", "Asia/Seoul" (+09:00) or an explicit "+HH:MM" / "-HH:MM"; nullopt for anything else.
std::optional<TimeZone> ParseTimeZone(std::string_view name);
inline const TimeZone kSeoul{"Asia/Seoul", std::chrono::hours(9)};

}  // namespace sikgu
