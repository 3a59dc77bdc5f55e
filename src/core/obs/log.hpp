#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

namespace sikgu::obs {

enum class Level { kDebug, kInfo, kWarn, kError };

/// Configures the process logger: one JSON object per line on stderr ("json"), or readable text ("text").
void InitLogging(std::string_view level, std::string_view format);

/// Writes `{"ts":..., "level":..., "event": event, ...fields}`.
void Log(Level level, std::string_view event, boost::json::object fields = {});

bool Enabled(Level level);

}  // namespace sikgu::obs
