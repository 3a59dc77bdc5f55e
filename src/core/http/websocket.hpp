#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/async/task.hpp"
#include "core/http/handler.hpp"
#include "core/http/response.hpp"
#include "core/http/stream.hpp"

namespace sikgu::http {

/// WebSocket close codes (RFC 6455 §7.4.1) the runtime uses.
namespace close_code {
inline constexpr int kNormal = 1000;
inline constexpr int kGoingAway = 1001;        // the server is shutting down
inline constexpr int kPolicyViolation = 1008;  // the credential expired or its session was revoked
inline constexpr int kTooBig = 1009;           // a message over the route's limit
inline constexpr int kInternalError = 1011;    // the session's handler threw
}  // namespace close_code

/// A session's outgoing messages, waiting for the connection to write them. Bounded: a message that takes
/// it past its byte limit clears it and marks the connection for cutting off, so a client that does not
/// read can never make the server hold more than the limit for it. Thread-safe.
class WebSocketOutbox {
public:
    struct Message {
        std::string data;
        bool binary = false;
    };
    struct CloseRequest {
        int code = close_code::kNormal;
        std::string reason;
    };
    /// Counted per message on top of its bytes, so a flood of empty messages is bounded too.
    static constexpr std::size_t kMessageOverhead = 64;

    explicit WebSocketOutbox(std::size_t limit_bytes = 1 << 20) : limit_bytes_(limit_bytes) {}

    enum class Push { kQueued, kClosed, kOverflow };
    Push Add(std::string data, bool binary);
    void RequestClose(int code, std::string reason);

    // The connection's side.
    /// Sets the limit and the callable that wakes the writer (called outside the lock, at most once per
    /// wake-up: the connection clears the pending flag when it runs).
    void Attach(std::size_t limit_bytes, std::function<void()> wake);
    void WakeHandled();
    std::optional<Message> Pop();
    std::optional<CloseRequest> PendingClose() const;
    bool Overflowed() const;
    /// No more messages: Add answers kClosed from now on, and the queue is dropped.
    void Detach();
    std::size_t QueuedBytes() const;

private:
    void WakeLocked(std::unique_lock<std::mutex>& lock);

    mutable std::mutex mutex_;
    std::deque<Message> queue_;
    std::size_t bytes_ = 0;
    std::size_t limit_bytes_;
    bool closed_ = false;
    bool overflowed_ = false;
    bool wake_pending_ = false;
    std::optional<CloseRequest> close_;
    std::function<void()> wake_;
};

/// One WebSocket connection as its route sees it: no Beast types. Made by the route's WebSocketHandler
/// for an accepted upgrade. Messages from the client arrive one at a time, in order: the next one is not
/// read until OnMessage returns, so a slow handler slows only its own client.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
public:
    WebSocketSession() : outbox_(std::make_shared<WebSocketOutbox>()) {}
    virtual ~WebSocketSession() = default;
    WebSocketSession(const WebSocketSession&) = delete;
    WebSocketSession& operator=(const WebSocketSession&) = delete;

    /// After the handshake, before the first message is read.
    virtual core::Task<void> OnOpen() { co_return; }
    /// One whole text or binary message, at most the route's max_message_bytes.
    virtual core::Task<void> OnMessage(const std::string& data, bool binary) = 0;
    /// Once, when the connection has ended for whatever reason; Send does nothing from then on.
    virtual void OnClose(StopReason) {}

    /// Queues a message for the client and returns at once; callable from any thread. false: the connection
    /// is closing, or this message took its queue over core.http.websocket_queue_bytes, which cuts the
    /// client off (it was not reading).
    bool Send(std::string data, bool binary = false);
    /// Closes with `code` once the messages queued before it are written.
    void Close(int code = close_code::kNormal, std::string reason = {});

    /// For the connection that runs this session.
    const std::shared_ptr<WebSocketOutbox>& Outbox() const { return outbox_; }

    /// The subprotocol the handshake answers with (`Sec-WebSocket-Protocol`), chosen by the route among those
    /// the client offered (see OffersSubprotocol); empty: none. Set before AcceptWebSocket.
    void SetSubprotocol(std::string name) { subprotocol_ = std::move(name); }
    const std::string& Subprotocol() const { return subprotocol_; }

private:
    std::shared_ptr<WebSocketOutbox> outbox_;
    std::string subprotocol_;
};

/// A WebSocket route. The upgrade request is detected from its headers (nothing else is read), then
/// authenticated, Origin-checked and rate-limited like any request; Handle() returns AcceptWebSocket(session)
/// to accept it or any other response (a problem) to refuse the handshake with it.
class WebSocketHandler : public Handler {};

/// Accepts the upgrade; `session` then owns the connection.
Response AcceptWebSocket(std::shared_ptr<WebSocketSession> session);

/// Whether the upgrade request lists `name` in `Sec-WebSocket-Protocol` (case-insensitive).
bool OffersSubprotocol(const Request& request, std::string_view name);

/// Whether `request` asks for a WebSocket upgrade (`Upgrade: websocket`, `Connection: upgrade`, GET).
bool IsWebSocketUpgrade(const Request& request);

}  // namespace sikgu::http
