#include "services/notify/domain/notification.hpp"

#include <algorithm>
#include <charconv>


namespace sikgu::notify {
namespace {

constexpr std::array<std::string_view, kKinds.size()> kNames = {"comment", "reply", "like",    "wish",
                                                               "keyword", "chat",  "payment", "coupon"};

}  // namespace

std::string_view KindName(Kind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<Kind> ParseKind(std::string_view name) {
    const auto found = std::find(kNames.begin(), kNames.end(), name);
    if (found == kNames.end()) return std::nullopt;
    return kKinds[static_cast<std::size_t>(found - kNames.begin())];
}

std::string Shorten(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (chars++ == max_chars) return std::string(text.substr(0, i)) + "…";
    }
    return std::string(text);
}

std::optional<std::int64_t> ParseEventId(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    // Digits only: from_chars alone would take "-0".
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace sikgu::notify
