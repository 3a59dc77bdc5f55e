#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/http/route_options.hpp"
#include "core/http/stream.hpp"

namespace sikgu::http {

/// A long-lived connection (a streamed response or a WebSocket session) as the listener sees it, so a
/// drain can ask it to end. Stop() may be called from any thread.
class LiveSession {
public:
    virtual ~LiveSession() = default;
    virtual void Stop(StopReason reason) = 0;
};

/// Counters of one stream or WebSocket route, read by /metrics.
struct LiveRouteStats {
    LiveRouteStats(std::string route_in, RouteKind kind_in) : route(std::move(route_in)), kind(kind_in) {}

    const std::string route;
    const RouteKind kind;
    std::atomic<std::int64_t> open{0};
    std::atomic<std::uint64_t> messages_in{0};   // WebSocket messages read
    std::atomic<std::uint64_t> messages_out{0};  // WebSocket messages written, stream pieces written

    void Ended(StopReason reason) {
        std::lock_guard lock(mutex);
        ++ended[std::string(StopReasonName(reason))];
    }
    void Refused(const std::string& code) {
        std::lock_guard lock(mutex);
        ++refused[code];
    }

    std::mutex mutex;
    std::map<std::string, std::uint64_t> ended;    // by StopReasonName
    std::map<std::string, std::uint64_t> refused;  // by problem code
};

/// The limits a long-lived connection runs under (from [core.http]).
struct LiveLimits {
    std::chrono::seconds write_timeout{10};       // one stream piece or WebSocket message
    std::chrono::seconds recheck_interval{10};    // credential expiry and revocation
    std::chrono::seconds websocket_idle{60};      // nothing from the client; pings at half of it
    std::chrono::seconds websocket_handshake{10};  // the opening and the closing handshake
    std::size_t websocket_max_message = 64 << 10;
    std::size_t websocket_queue_bytes = 1 << 20;
};

}  // namespace sikgu::http
