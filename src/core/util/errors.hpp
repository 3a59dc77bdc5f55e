#pragma once

#include <stdexcept>
#include <string>

namespace sikgu {

/// A bounded queue or pool is full. The pipeline answers 503 server.overloaded with Retry-After.
class OverloadedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A service this one needs (through the query client) is down, refused the call, or did not answer by the
/// deadline. The pipeline answers 503 service.unavailable with Retry-After.
class PeerUnavailable : public std::runtime_error {
public:
    PeerUnavailable(std::string peer, const std::string& what) : std::runtime_error(what), peer_(std::move(peer)) {}
    const std::string& Peer() const { return peer_; }

private:
    std::string peer_;
};

}  // namespace sikgu
