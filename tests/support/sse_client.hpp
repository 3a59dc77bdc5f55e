#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/raw_connection.hpp"

namespace sikgu::test {

/// One Server-Sent Event as a browser's EventSource would see it (or a comment line, which it ignores).
struct SseEvent {
    std::string event;  // "" for a comment
    std::string id;
    std::string data;
    bool comment = false;
};

/// A stream opened with a plain GET on 127.0.0.1, read event by event: the chunked framing is undone and
/// the SSE fields parsed (`retry:` lines are kept aside).
class SseClient {
public:
    SseClient(std::uint16_t port, const std::string& target, const std::vector<std::string>& headers);

    /// The response head ("HTTP/1.1 200 OK\r\n…"), read on construction.
    const std::string& Head() const { return head_; }
    bool Ok() const { return head_.starts_with("HTTP/1.1 200"); }

    /// The next event or comment, or nullopt when `timeout` passes or the stream ends first.
    std::optional<SseEvent> Next(std::chrono::milliseconds timeout);
    /// The next event named `event` (others are skipped and kept in Skipped()), or nullopt.
    std::optional<SseEvent> NextNamed(const std::string& event, std::chrono::milliseconds timeout);
    /// Every event that arrives within `window` (for asserting that nothing else came).
    std::vector<SseEvent> Drain(std::chrono::milliseconds window);

    const std::vector<std::string>& Retries() const { return retries_; }
    const std::vector<SseEvent>& Skipped() const { return skipped_; }

private:
    bool Fill(std::chrono::steady_clock::time_point deadline);

    RawConnection connection_;
    std::string head_;
    std::string text_;  // de-chunked, not yet parsed
    bool ended_ = false;
    std::vector<std::string> retries_;
    std::vector<SseEvent> skipped_;
};

}  // namespace sikgu::test
