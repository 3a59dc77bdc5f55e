#include "core/obs/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "core/util/time.hpp"

namespace sikgu::obs {
namespace {
spdlog::level::level_enum ToSpd(Level level) {
    switch (level) {
        case Level::kDebug: return spdlog::level::debug;
        case Level::kInfo: return spdlog::level::info;
        case Level::kWarn: return spdlog::level::warn;
        case Level::kError: return spdlog::level::err;
    }
    return spdlog::level::info;
}
std::string_view Name(Level level) {
    switch (level) {
        case Level::kDebug: return "debug";
        case Level::kInfo: return "info";
        case Level::kWarn: return "warn";
        case Level::kError: return "error";
    }
    return "info";
}
bool g_text = false;
}  // namespace

void InitLogging(std::string_view level, std::string_view format) {
    // Not registered by name, so the process (and each test server) may configure it again.
    auto logger = std::make_shared<spdlog::logger>("sikgu", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_pattern("%v");
    logger->set_level(spdlog::level::from_str(std::string(level)));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    g_text = format == "text";
}

bool Enabled(Level level) { return spdlog::default_logger_raw()->should_log(ToSpd(level)); }

void Log(Level level, std::string_view event, boost::json::object fields) {
    if (!Enabled(level)) return;
    const std::string ts = FormatRfc3339(SystemClock().Now());
    if (g_text) {
        spdlog::default_logger_raw()->log(ToSpd(level), "{} {:5} {} {}", ts, Name(level), event,
                                          boost::json::serialize(fields));
        return;
    }
    boost::json::object line;
    line.reserve(fields.size() + 3);
    line["ts"] = ts;
    line["level"] = Name(level);
    line["event"] = event;
    for (auto& [key, value] : fields) line[key] = std::move(value);
    spdlog::default_logger_raw()->log(ToSpd(level), "{}", boost::json::serialize(line));
}

std::optional<std::uint64_t> LogThrottle::Allow() {
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    auto next = next_.load();
    if (now < next || !next_.compare_exchange_strong(next, now + interval_.count())) {
        held_.fetch_add(1);
        return std::nullopt;
    }
    return held_.exchange(0);
}

}  // namespace sikgu::obs
