#pragma once

#include <chrono>

namespace sikgu {

using TimePoint = std::chrono::system_clock::time_point;

/// Injected wherever time matters so tests can move it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace sikgu
