#include "core/util/time.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace sikgu {

std::int64_t ToUnixMillis(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint FromUnixMillis(std::int64_t ms) { return TimePoint{std::chrono::milliseconds{ms}}; }

std::string FormatRfc3339(TimePoint t) {
    const auto ms = std::chrono::floor<std::chrono::milliseconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(ms);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{ms - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), hms.subseconds().count());
}

std::optional<TimePoint> ParseRfc3339(std::string_view text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, frac_ms = 0;
    const std::string copy(text);
    int consumed = 0;
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(static_cast<std::size_t>(consumed));
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
        int digits = 0;
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
            if (digits < 3) frac_ms = frac_ms * 10 + (rest.front() - '0');
            ++digits;
            rest.remove_prefix(1);
        }
        for (; digits < 3; ++digits) frac_ms *= 10;
    }
    if (rest != "Z") return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return TimePoint{std::chrono::sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
           std::chrono::seconds{s} + std::chrono::milliseconds{frac_ms};
}

std::optional<TimeZone> ParseTimeZone(std::string_view name) {
    if (name == "UTC" || name == "Etc/UTC") return TimeZone{std::string(name), std::chrono::minutes(0)};
    if (name == "Asia/Seoul") return kSeoul;
    int hours = 0;
    int minutes = 0;
    char sign = 0;
    const std::string copy(name);
    int consumed = 0;
    if (copy.size() == 6 && std::sscanf(copy.c_str(), "%c%2d:%2d%n", &sign, &hours, &minutes, &consumed) == 3 &&
        consumed == 6 && (sign == '+' || sign == '-') && hours <= 14 && minutes < 60) {
        const auto offset = std::chrono::minutes(hours * 60 + minutes);
        return TimeZone{copy, sign == '+' ? offset : -offset};
    }
    return std::nullopt;
}

}  // namespace sikgu
