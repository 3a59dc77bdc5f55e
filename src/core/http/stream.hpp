#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/async/task.hpp"
#include "core/http/handler.hpp"
#include "core/http/response.hpp"

namespace sikgu::http {

/// Why a long-lived connection (a streamed response or a WebSocket session) is ending.
enum class StopReason {
    kNone,
    kShutdown,   // the server is draining: send a last event and return
    kExpired,    // the access token that opened it has expired: the client reconnects with a fresh one
    kRevoked,    // its session was revoked (password change, account deleted, ...)
    kClientGone,  // the client closed the connection (or it broke)
    kTooSlow,    // back-pressure: a write did not finish within the write timeout, or the queue overflowed
    kIdle,       // WebSocket: nothing from the client for the idle timeout (pings unanswered)
    kClosed,     // WebSocket: the session or the client closed it with a close frame
    kError,      // the handler threw, or a protocol error (a message over the size limit)
};

/// The label used in metrics and logs ("shutdown", "too_slow", ...).
std::string_view StopReasonName(StopReason reason);

/// Where a StreamBody writes. It lives on the connection's strand: call Write and Wait only from Run's own
/// coroutine, and keep no reference to it once Run has returned; what outlives Run (a hub's subscription)
/// holds the callable returned by Waker(), which may be called from any thread at any time.
class StreamWriter {
public:
    virtual ~StreamWriter() = default;

    /// Sends `data` as the next piece of the body and waits until the socket has taken it: back-pressure,
    /// so a stream never holds more than the piece being written. A client that cannot take it within
    /// core.http.stream_write_timeout_seconds is cut off. Returns false once the client is gone or cut off;
    /// Run should then return. Writes still work after a stop for shutdown, expiry or revocation, so a body
    /// can send a last event.
    virtual core::Task<bool> Write(const std::string& data) = 0;

    /// Waits until `timeout` passes or a waker is called (true), or until the stream must end (false: see
    /// Reason(), send a last event if you like, and return).
    virtual core::Task<bool> Wait(std::chrono::milliseconds timeout) = 0;

    /// A callable that ends the current (or the next) Wait early, from any thread: what a fan-out hub calls
    /// when it has something for this stream. Harmless after the stream has ended.
    virtual std::function<void()> Waker() = 0;

    virtual StopReason Reason() const = 0;
    bool Stopping() const { return Reason() != StopReason::kNone; }
};

/// The body of a streamed response, produced while it is being sent.
class StreamBody {
public:
    virtual ~StreamBody() = default;
    /// Writes the body and returns when it is complete, or soon after Write returns false or Wait returns
    /// false. The response ends (and its connection closes) when Run returns.
    virtual core::Task<void> Run(StreamWriter& out) = 0;
};

/// A route answered by a stream (Server-Sent Events, large downloads). Handle() returns Stream(...) or
/// EventStream(...) to start one, or any other response (a problem) to refuse it. Authentication, rate
/// limits and the Origin check have run before Handle().
class StreamHandler : public Handler {};

/// A 200 response whose body `body` writes as it goes: with a Content-Length when `content_length` is
/// known (downloads), otherwise chunked. The connection closes when the stream ends.
Response Stream(std::shared_ptr<StreamBody> body, std::string content_type,
                std::optional<std::uint64_t> content_length = std::nullopt);

/// A Server-Sent Events response (text/event-stream, unbuffered by proxies).
Response EventStream(std::shared_ptr<StreamBody> body);

/// One SSE event: `event:` (when not empty), `id:` (when not empty) and one `data:` line per line of `data`.
std::string SseEvent(std::string_view data, std::string_view event = {}, std::string_view id = {});
/// An SSE comment line, ignored by clients: the heartbeat that keeps proxies from timing the stream out.
std::string SseComment(std::string_view text);
/// The reconnection delay a client should use (`retry:`).
std::string SseRetry(std::chrono::milliseconds delay);

/// The `Last-Event-ID` a reconnecting EventSource sends, or the `last_event_id` query parameter (a client
/// that opens a new stream with a fresh ticket cannot set the header).
std::optional<std::string_view> LastEventId(const Request& request);

}  // namespace sikgu::http
