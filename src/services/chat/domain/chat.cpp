#include "services/chat/domain/chat.hpp"

#include <algorithm>
#include <array>

#include "core/util/text.hpp"

namespace sikgu::chat {
namespace {

constexpr std::array<std::string_view, 3> kKindNames = {"text", "photo", "system"};
constexpr std::array<std::string_view, 4> kNoticeNames = {"reserved", "selling", "sold", "deleted"};

}  // namespace

std::string_view KindName(MessageKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::optional<MessageKind> ParseKind(std::string_view name) {
    const auto found = std::find(kKindNames.begin(), kKindNames.end(), name);
    if (found == kKindNames.end()) return std::nullopt;
    return static_cast<MessageKind>(found - kKindNames.begin());
}

std::string_view NoticeName(Notice notice) { return kNoticeNames[static_cast<std::size_t>(notice)]; }

std::optional<Notice> NoticeForState(std::string_view state) {
    if (state == "reserved") return Notice::kReserved;
    if (state == "selling") return Notice::kSelling;
    if (state == "sold") return Notice::kSold;
    return std::nullopt;
}

bool IsValidClientId(std::string_view id) {
    return !id.empty() && id.size() <= Limits::kClientIdMaxBytes &&
           std::all_of(id.begin(), id.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

std::optional<std::string> CleanText(std::string_view text) {
    if (!IsValidUtf8(text)) return std::nullopt;
    const std::string_view trimmed = Trim(text);
    if (trimmed.empty() || CountCodePoints(trimmed) > Limits::kTextMaxChars) return std::nullopt;
    const bool control = std::any_of(trimmed.begin(), trimmed.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F;
    });
    if (control) return std::nullopt;
    return std::string(trimmed);
}

}  // namespace sikgu::chat
