#pragma once

#include <boost/json/object.hpp>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sikgu::obs {

enum class Level { kDebug, kInfo, kWarn, kError };

/// Configures the process logger: one JSON object per line on stderr ("json"), or readable text ("text").
void InitLogging(std::string_view level, std::string_view format);

/// Writes `{"ts":..., "level":..., "event": event, ...fields}`.
void Log(Level level, std::string_view event, boost::json::object fields = {});

bool Enabled(Level level);

/// Lets a line that may repeat at machine speed (a failing accept, a refused connection) through at most
/// once per `interval`, so a flood cannot fill the disk; Allow() returns how many were held back since the
/// last line that went through, or nullopt while holding this one back.
class LogThrottle {
public:
    explicit LogThrottle(std::chrono::steady_clock::duration interval) : interval_(interval) {}
    std::optional<std::uint64_t> Allow();

private:
    const std::chrono::steady_clock::duration interval_;
    std::atomic<std::chrono::steady_clock::rep> next_{0};
    std::atomic<std::uint64_t> held_{0};
};

}  // namespace sikgu::obs
