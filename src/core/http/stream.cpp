#include "core/http/stream.hpp"

namespace sikgu::http {

std::string_view StopReasonName(StopReason reason) {
    switch (reason) {
        case StopReason::kNone: return "none";
        case StopReason::kShutdown: return "shutdown";
        case StopReason::kExpired: return "expired";
        case StopReason::kRevoked: return "revoked";
        case StopReason::kClientGone: return "client_gone";
        case StopReason::kTooSlow: return "too_slow";
        case StopReason::kIdle: return "idle";
        case StopReason::kClosed: return "closed";
        case StopReason::kError: return "error";
    }
    return "none";
}

Response Stream(std::shared_ptr<StreamBody> body, std::string content_type, std::optional<std::uint64_t> content_length) {
    Response r;
    r.status = 200;
    r.content_type = std::move(content_type);
    r.stream = std::move(body);
    r.stream_length = content_length;
    return r;
}

Response EventStream(std::shared_ptr<StreamBody> body) {
    Response r = Stream(std::move(body), "text/event-stream; charset=utf-8");
    r.SetHeader("X-Accel-Buffering", "no");  // proxies that buffer (nginx) would hold events back
    return r;
}

namespace {
// A field value must stay on its line: CR and LF would start a new field (or a new event).
void AppendField(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(": ");
    for (const char c : value) {
        if (c != '\r' && c != '\n') out.push_back(c);
    }
    out.push_back('\n');
}
}  // namespace

std::string SseEvent(std::string_view data, std::string_view event, std::string_view id) {
    std::string out;
    out.reserve(data.size() + event.size() + id.size() + 32);
    if (!event.empty()) AppendField(out, "event", event);
    if (!id.empty()) AppendField(out, "id", id);
    // Each line of the data is its own data: line; the client joins them with "\n".
    std::string_view rest = data;
    while (true) {
        const auto newline = rest.find_first_of("\r\n");
        out.append("data: ").append(rest.substr(0, newline)).push_back('\n');
        if (newline == std::string_view::npos) break;
        const bool crlf = rest[newline] == '\r' && newline + 1 < rest.size() && rest[newline + 1] == '\n';
        rest.remove_prefix(newline + (crlf ? 2 : 1));
    }
    out.push_back('\n');
    return out;
}

std::string SseComment(std::string_view text) {
    std::string out;
    AppendField(out, "", text);
    out.push_back('\n');
    return out;
}

std::string SseRetry(std::chrono::milliseconds delay) { return "retry: " + std::to_string(delay.count()) + "\n\n"; }

std::optional<std::string_view> LastEventId(const Request& request) {
    if (const auto header = request.GetHeader("last-event-id"); header && !header->empty()) return header;
    if (const auto query = request.Query("last_event_id"); query && !query->empty()) return query;
    return std::nullopt;
}

}  // namespace sikgu::http
