#include "support/raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace sikgu::test {
namespace {
sockaddr_in Loopback(const std::string& address, std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    if (::inet_pton(AF_INET, address.c_str(), &a.sin_addr) != 1) throw std::invalid_argument("bad address " + address);
    return a;
}
}  // namespace

RawConnection::RawConnection(std::uint16_t port, const std::string& source) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
    if (!source.empty()) {
        const auto from = Loopback(source, 0);
        if (::bind(fd_, reinterpret_cast<const sockaddr*>(&from), sizeof from) != 0) {
            throw std::runtime_error("bind " + source + ": " + std::strerror(errno));
        }
    }
    const auto to = Loopback("127.0.0.1", port);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0) {
        throw std::runtime_error("connect: " + std::string(std::strerror(errno)));
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

void RawConnection::Send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the peer closed; the test looks at what it answered
        sent += static_cast<std::size_t>(n);
    }
}

std::string RawConnection::ReadUntilClosed(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string out = std::move(pending_);
    pending_.clear();
    char buffer[8192];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

std::string RawConnection::ReadResponse(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string& in = pending_;
    char buffer[8192];
    while (true) {
        const auto end = in.find("\r\n\r\n");
        if (end != std::string::npos) {
            std::size_t length = 0;
            const auto header = in.find("Content-Length: ");
            if (header != std::string::npos && header < end) length = std::stoul(in.substr(header + 16));
            if (in.size() >= end + 4 + length) {
                std::string response = in.substr(0, end + 4 + length);
                in.erase(0, end + 4 + length);
                return response;
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return "";
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return "";
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return "";
        in.append(buffer, static_cast<std::size_t>(n));
    }
}

std::string RawConnection::ReadUntil(const std::string& needle, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[8192];
    while (true) {
        if (const auto at = pending_.find(needle); at != std::string::npos) {
            std::string out = pending_.substr(0, at + needle.size());
            pending_.erase(0, at + needle.size());
            return out;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return "";
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return "";
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return "";
        pending_.append(buffer, static_cast<std::size_t>(n));
    }
}

bool RawConnection::ClosedByPeer(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char byte;
    const auto n = ::recv(fd_, &byte, 1, MSG_PEEK);
    return n == 0 || (n < 0 && errno == ECONNRESET);
}

}  // namespace sikgu::test
