#include "core/http/websocket.hpp"

#include "core/util/text.hpp"

namespace sikgu::http {

WebSocketOutbox::Push WebSocketOutbox::Add(std::string data, bool binary) {
    std::unique_lock lock(mutex_);
    if (closed_) return Push::kClosed;
    const std::size_t cost = data.size() + kMessageOverhead;
    if (bytes_ + cost > limit_bytes_) {
        // The client is not reading what it was sent: drop it all now (the memory goes at once) and let the
        // connection cut it off; nothing more is accepted for it.
        overflowed_ = true;
        closed_ = true;
        queue_.clear();
        bytes_ = 0;
        WakeLocked(lock);
        return Push::kOverflow;
    }
    bytes_ += cost;
    queue_.push_back({std::move(data), binary});
    WakeLocked(lock);
    return Push::kQueued;
}

void WebSocketOutbox::RequestClose(int code, std::string reason) {
    std::unique_lock lock(mutex_);
    if (closed_) return;
    closed_ = true;
    close_ = CloseRequest{code, std::move(reason)};
    WakeLocked(lock);
}

void WebSocketOutbox::Attach(std::size_t limit_bytes, std::function<void()> wake) {
    std::unique_lock lock(mutex_);
    limit_bytes_ = limit_bytes;
    wake_ = std::move(wake);
    wake_pending_ = false;
    if (!queue_.empty() || close_ || overflowed_) WakeLocked(lock);
}

void WebSocketOutbox::WakeHandled() {
    std::lock_guard lock(mutex_);
    wake_pending_ = false;
}

void WebSocketOutbox::WakeLocked(std::unique_lock<std::mutex>& lock) {
    if (!wake_ || wake_pending_) return;  // one wake-up at a time is enough: the writer drains the whole queue
    wake_pending_ = true;
    const auto wake = wake_;
    lock.unlock();
    wake();
}

std::optional<WebSocketOutbox::Message> WebSocketOutbox::Pop() {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) return std::nullopt;
    Message message = std::move(queue_.front());
    queue_.pop_front();
    bytes_ -= message.data.size() + kMessageOverhead;
    return message;
}

std::optional<WebSocketOutbox::CloseRequest> WebSocketOutbox::PendingClose() const {
    std::lock_guard lock(mutex_);
    return close_;
}

bool WebSocketOutbox::Overflowed() const {
    std::lock_guard lock(mutex_);
    return overflowed_;
}

void WebSocketOutbox::Detach() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    queue_.clear();
    bytes_ = 0;
    wake_ = nullptr;
}

std::size_t WebSocketOutbox::QueuedBytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

bool WebSocketSession::Send(std::string data, bool binary) {
    return outbox_->Add(std::move(data), binary) == WebSocketOutbox::Push::kQueued;
}

void WebSocketSession::Close(int code, std::string reason) { outbox_->RequestClose(code, std::move(reason)); }

Response AcceptWebSocket(std::shared_ptr<WebSocketSession> session) {
    Response r;
    r.status = 101;
    r.websocket = std::move(session);
    return r;
}

namespace {
// Whether the comma-separated header `value` lists `token` (case-insensitive).
bool ListsToken(std::string_view value, std::string_view token) {
    while (!value.empty()) {
        const auto comma = value.find(',');
        if (AsciiEqualsIgnoreCase(Trim(value.substr(0, comma)), token)) return true;
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
    }
    return false;
}
}  // namespace

bool OffersSubprotocol(const Request& request, std::string_view name) {
    const auto offered = request.GetHeader("sec-websocket-protocol");
    return offered && ListsToken(*offered, name);
}

bool IsWebSocketUpgrade(const Request& request) {
    if (request.verb != Verb::kGet) return false;
    const auto upgrade = request.GetHeader("upgrade");
    const auto connection = request.GetHeader("connection");
    return upgrade && connection && ListsToken(*upgrade, "websocket") && ListsToken(*connection, "upgrade");
}

}  // namespace sikgu::http
