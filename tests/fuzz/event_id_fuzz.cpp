// libFuzzer target: notify::ParseEventId, what a reconnecting stream's Last-Event-ID goes through. Any
// bytes at all must give either nothing or a number in [0, 10^18) that prints back as exactly the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "services/notify/domain/notification.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto id = sikgu::notify::ParseEventId(text);
    if (!id) return 0;
    if (*id < 0 || *id >= 1'000'000'000'000'000'000LL) std::abort();
    // Leading zeros are the only way two texts name one id; either way the digits are all there is.
    const std::string printed = std::to_string(*id);
    const std::string_view digits = text.substr(std::min(text.find_first_not_of('0'), text.size()));
    if (digits.empty() ? printed != "0" : printed != digits) std::abort();
    return 0;
}
