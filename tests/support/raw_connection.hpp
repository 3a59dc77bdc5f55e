#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace sikgu::test {

/// A plain TCP connection to 127.0.0.1 for tests that need bytes on the wire a normal client never sends
/// (partial requests, smuggling attempts) or many idle connections.
class RawConnection {
public:
    /// Connects to 127.0.0.1:`port`, from `source` (any 127.x.y.z address) when given.
    explicit RawConnection(std::uint16_t port, const std::string& source = "");
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void Send(const std::string& bytes);
    /// Reads until the peer closes or `timeout` passes; returns what arrived.
    std::string ReadUntilClosed(std::chrono::milliseconds timeout);
    /// Reads one response's worth: until "\r\n\r\n" plus its Content-Length body, or timeout.
    std::string ReadResponse(std::chrono::milliseconds timeout);
    /// Reads until `needle` has arrived; returns what arrived up to and including it (the rest stays for the
    /// next read), or "" when the peer closes or `timeout` passes first (what arrived stays too).
    std::string ReadUntil(const std::string& needle, std::chrono::milliseconds timeout);
    /// Whether the peer has closed the connection (waits up to `timeout` for it).
    bool ClosedByPeer(std::chrono::milliseconds timeout);

private:
    int fd_ = -1;
    std::string pending_;
};

}  // namespace sikgu::test
