#include "core/util/ids.hpp"

#include <stdexcept>
#include <thread>

#include "core/util/time.hpp"

namespace sikgu {
namespace {
constexpr std::int64_t kEpochMs = 1704067200000;  // 2024-01-01T00:00:00Z
constexpr std::uint32_t kSequenceBits = 12;
constexpr std::uint32_t kNodeBits = 10;
}  // namespace

IdGenerator::IdGenerator(const Clock& clock, std::uint32_t node) : clock_(clock), node_(node) {
    if (node >= (1U << kNodeBits)) throw std::invalid_argument("id node must be below 1024");
}

std::int64_t IdGenerator::Next() {
    std::lock_guard lock(mutex_);
    std::int64_t now = ToUnixMillis(clock_.Now()) - kEpochMs;
    // A clock that steps back (or a test clock that stands still) keeps ids increasing.
    if (now <= last_ms_) {
        now = last_ms_;
        if (++sequence_ >= (1U << kSequenceBits)) {
            sequence_ = 0;
            ++now;
        }
    } else {
        sequence_ = 0;
    }
    last_ms_ = now;
    return (now << (kNodeBits + kSequenceBits)) | (static_cast<std::int64_t>(node_) << kSequenceBits) | sequence_;
}

}  // namespace sikgu
