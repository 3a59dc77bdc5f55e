#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace sikgu::obs {
class Metrics;
}

namespace sikgu::http {

class Pipeline;

struct ServerOptions {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t max_body_bytes = 1 << 20;
    std::size_t max_header_bytes = 16 << 10;
    // A request's headers and body, from its first byte (or from the connection's opening, for the first).
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds idle_timeout{75};  // a keep-alive connection waiting for the first byte of its next request
    std::chrono::seconds write_timeout{30};
    // Connections beyond these are closed as soon as they are accepted. 0: derived from the open-file limit.
    std::size_t max_connections = 0;
    std::size_t max_connections_per_address = 256;
    std::vector<std::string> unlimited_addresses;  // trusted proxies, which carry many clients each

    // Long-lived connections: streamed responses and WebSocket sessions.
    std::chrono::seconds stream_write_timeout{10};  // one stream piece or WebSocket message; slower: cut off
    std::chrono::seconds live_recheck_interval{10};  // how often their credential's expiry and revocation are checked
    std::chrono::seconds websocket_idle_timeout{60};  // nothing from the client (pings go out at half of it)
    std::size_t websocket_max_message_bytes = 64 << 10;
    std::size_t websocket_queue_bytes = 1 << 20;  // a session's unsent messages; beyond: the client is cut off
    std::filesystem::path spool_dir;  // uploads spooled to disk (RouteOptions::spool_above_bytes); empty: the temp folder
};

/// Counts of connections the listener turned away, for /metrics.
struct RefusedConnections {
    std::uint64_t over_capacity = 0;     // max_connections reached
    std::uint64_t over_per_address = 0;  // max_connections_per_address reached
    std::uint64_t accept_errors = 0;     // accept() failed (e.g. out of file descriptors)
};

/// The HTTP/1.1 listener: accepts connections and runs one coroutine per connection (read with limits and
/// timeouts, dispatch through the Pipeline, write, keep alive).
class HttpServer {
public:
    HttpServer(boost::asio::io_context& io, ServerOptions options, const Pipeline& pipeline);
    ~HttpServer();

    /// Binds and starts accepting. Returns the bound port (port 0 asks the OS for a free one).
    std::uint16_t Start();
    /// Stops accepting, closes idle connections, lets busy ones finish their current request, sends each
    /// WebSocket a close frame (1001 going away) and tells each stream to end (its last event).
    void BeginShutdown();
    std::size_t OpenConnections() const;
    /// The connection cap in force (max_connections, or what the open-file limit allows).
    std::size_t MaxConnections() const;
    RefusedConnections Refused() const;
    /// Sets the gauges and counters of streams and WebSocket sessions, by route.
    void ExportMetrics(obs::Metrics& metrics) const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace sikgu::http
