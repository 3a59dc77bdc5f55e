#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace sikgu::http {

/// The access-token cookie the account service sets for cookie sessions (Path=/api, HttpOnly,
/// SameSite=Strict). Accepted only on routes with RouteOptions::access_cookie.
inline constexpr std::string_view kAccessCookie = "sikgu_access";

/// What a route is answered with; follows from the type of its handler (see Router::Add).
enum class RouteKind {
    kRequest,    // Handler: one request, one response
    kStream,     // StreamHandler: a response written incrementally (Server-Sent Events, large downloads)
    kWebSocket,  // WebSocketHandler: the connection upgrades and a session takes it over
};

/// A per-route budget of requests (or connection attempts), counted per user when the caller is
/// authenticated and per client address otherwise. Over it: 429 `rate.limited` with Retry-After.
struct RateLimit {
    int requests = 0;  // 0: no limit
    std::chrono::seconds window{60};
};

/// How a route treats an `Idempotency-Key` header. Carried here so handlers and middleware can read it from
/// Request::Options(); the key store itself is not part of the router.
enum class Idempotency {
    kNone,      // the header is ignored
    kOptional,  // honoured when sent
    kRequired,  // a request without it is refused
};

/// Per-route options, written in the route table:
/// `r.AddRoute({Verb::kPost, "/api/v1/photos", Auth::kUser, {.max_body_bytes = 16 << 20}}, upload_);`
/// Everything here is decided from the request's headers, before any body byte is read.
struct RouteOptions {
    /// Largest body accepted (0: core.http.max_body_bytes). A larger Content-Length gets 413 at once.
    std::size_t max_body_bytes = 0;
    /// Bodies larger than this (and every chunked body) are written to a temporary file instead of memory;
    /// the handler finds it in Request::body_file, and it is removed once the handler returns. 0: never.
    std::size_t spool_above_bytes = 0;
    RateLimit rate_limit;
    /// Also accept the `sikgu_access` cookie as the credential, together with an Origin check: for
    /// connections a browser opens without an Authorization header (EventSource, WebSocket). GET only.
    bool access_cookie = false;
    /// Also accept `?ticket=` from POST /api/v1/stream-tickets (single use, ~30 s). GET only.
    bool stream_ticket = false;
    /// WebSocket routes: the largest message read from the client (0: core.http.websocket_max_message_bytes).
    std::size_t max_message_bytes = 0;
    Idempotency idempotency = Idempotency::kNone;
};

}  // namespace sikgu::http
