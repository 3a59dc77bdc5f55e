#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace sikgu::http {

class Pipeline;

struct ServerOptions {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t max_body_bytes = 1 << 20;
    std::size_t max_header_bytes = 16 << 10;
    std::chrono::seconds read_timeout{30};   // one request's headers and body
    std::chrono::seconds idle_timeout{75};   // a keep-alive connection waiting for its next request
    std::chrono::seconds write_timeout{30};
};

/// The HTTP/1.1 listener: accepts connections and runs one coroutine per connection (read with limits and
/// timeouts, dispatch through the Pipeline, write, keep alive).
class HttpServer {
public:
    HttpServer(boost::asio::io_context& io, ServerOptions options, const Pipeline& pipeline);
    ~HttpServer();

    /// Binds and starts accepting. Returns the bound port (port 0 asks the OS for a free one).
    std::uint16_t Start();
    /// Stops accepting, closes idle connections, and lets busy ones finish their current request.
    void BeginShutdown();
    std::size_t OpenConnections() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace sikgu::http
