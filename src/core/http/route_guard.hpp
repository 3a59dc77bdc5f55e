#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/http/router.hpp"
#include "core/http/stream.hpp"
#include "core/util/clock.hpp"

namespace sikgu {
class RateLimiter;
}
namespace sikgu::auth {
class JwtCodec;
class SessionRevocations;
class StreamTickets;
}  // namespace sikgu::auth

namespace sikgu::http {

struct RouteGuardOptions {
    /// The server's own origin (from core.http.public_url) and core.http.cors_origins.
    std::vector<std::string> allowed_origins;
    const Clock* clock = nullptr;
    const auth::StreamTickets* tickets = nullptr;  // null: ?ticket= is never accepted
    const auth::SessionRevocations* revocations = nullptr;
};

/// The per-route checks the pipeline makes from the headers, before the body is read: browser credentials
/// (the access cookie with an Origin check, stream tickets), the WebSocket handshake's shape and Origin,
/// and per-route rate limits. Also re-checks the credential of a long-lived connection.
class RouteGuard {
public:
    RouteGuard(const Router& router, const auth::JwtCodec& tokens, RouteGuardOptions options);
    ~RouteGuard();

    /// For a route that accepts a ticket or the cookie and a request without an Authorization header:
    /// authenticates from `?ticket=` or the cookie (setting the user), or refuses. nullopt: go on (possibly
    /// anonymous on an Auth::kOptional route).
    std::optional<Response> AuthenticateBrowser(const Route& route, Request& request) const;

    /// After authentication: a WebSocket route needs an upgrade request and an acceptable Origin when one
    /// is sent; then the route's rate limit.
    std::optional<Response> Check(const Route& route, Request& request) const;

    /// Whether a long-lived connection opened with `request`'s credential may go on: kExpired once the
    /// credential's expiry has passed, kRevoked once its session version is revoked, kNone otherwise.
    StopReason Recheck(const Request& request) const;

    bool OriginAllowed(std::string_view origin) const;

private:
    const auth::JwtCodec& tokens_;
    RouteGuardOptions options_;
    SystemClock system_clock_;
    const Clock& clock_;
    std::vector<std::unique_ptr<RateLimiter>> limiters_;  // by Route::index; null: no limit
};

/// "scheme://host[:port]" of a URL, lower-case, without a default port: how browsers write Origin.
std::string OriginOf(std::string_view url);

}  // namespace sikgu::http
