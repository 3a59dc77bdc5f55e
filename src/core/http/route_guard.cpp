#include "core/http/route_guard.hpp"

#include <algorithm>

#include "core/auth/jwt.hpp"
#include "core/auth/session_revocations.hpp"
#include "core/auth/stream_tickets.hpp"
#include "core/http/websocket.hpp"
#include "core/util/rate_limiter.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace {

Response Unauthenticated(std::string code) {
    Response response = Problem::Unauthorized(std::move(code));
    response.SetHeader("WWW-Authenticate", "Bearer");
    return response;
}

std::string TicketCode(auth::TicketError error) {
    switch (error) {
        case auth::TicketError::kExpired: return "auth.ticket_expired";
        case auth::TicketError::kUsed: return "auth.ticket_used";
        case auth::TicketError::kRevoked: return "auth.token_revoked";
        case auth::TicketError::kInvalid: break;
    }
    return "auth.ticket_invalid";
}

std::string TokenCode(auth::TokenError error) {
    switch (error) {
        case auth::TokenError::kExpired: return "auth.token_expired";
        case auth::TokenError::kRevoked: return "auth.token_revoked";
        case auth::TokenError::kInvalid: break;
    }
    return "auth.token_invalid";
}

}  // namespace

std::string OriginOf(std::string_view url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return AsciiLower(url);
    const std::string scheme = AsciiLower(url.substr(0, scheme_end));
    std::string_view authority = url.substr(scheme_end + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    std::string host = AsciiLower(authority);
    if ((scheme == "http" && host.ends_with(":80")) || (scheme == "https" && host.ends_with(":443"))) {
        host.erase(host.rfind(':'));
    }
    return scheme + "://" + host;
}

RouteGuard::RouteGuard(const Router& router, const auth::JwtCodec& tokens, RouteGuardOptions options)
    : tokens_(tokens), options_(std::move(options)), clock_(options_.clock != nullptr ? *options_.clock : system_clock_) {
    for (auto& origin : options_.allowed_origins) origin = OriginOf(origin);
    limiters_.resize(router.Routes().size());
    for (const auto& route : router.Routes()) {
        const RateLimit& limit = route->spec.options.rate_limit;
        if (limit.requests > 0) limiters_[route->index] = std::make_unique<RateLimiter>(clock_, limit.requests, limit.window);
    }
}

RouteGuard::~RouteGuard() = default;

bool RouteGuard::OriginAllowed(std::string_view origin) const {
    const std::string normalized = OriginOf(Trim(origin));
    return std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(), normalized) !=
           options_.allowed_origins.end();
}

std::optional<Response> RouteGuard::AuthenticateBrowser(const Route& route, Request& request) const {
    const RouteOptions& o = route.spec.options;
    const bool required = route.spec.auth == Auth::kUser;
    if (const auto ticket = request.Query("ticket"); o.stream_ticket && ticket && options_.tickets != nullptr) {
        // A ticket in the URL is never ambient: whoever holds it was handed it by a script with the access
        // token, so it needs no Origin check (a WebSocket route still checks a sent Origin in Check()).
        const auto redeemed = options_.tickets->Redeem(*ticket);
        if (const auto* error = std::get_if<auth::TicketError>(&redeemed)) return Unauthenticated(TicketCode(*error));
        const auto& claims = std::get<auth::TicketClaims>(redeemed);
        request.user_id = claims.user_id;
        request.session_id = claims.session_id;
        request.session_version = claims.session_version;
        request.credential = Credential::kTicket;
        request.credential_expires_at = claims.access_expires_at;
        return std::nullopt;
    }
    const auto cookie = o.access_cookie ? request.Cookie(kAccessCookie) : std::nullopt;
    if (!cookie || cookie->empty()) return required ? std::optional(Unauthenticated("auth.unauthenticated")) : std::nullopt;
    // The cookie is ambient: a page on another site could make the browser send it. SameSite=Strict keeps
    // it off cross-site requests; the Origin check also refuses other origins of the same site and, for
    // WebSockets (which browsers always open with an Origin), cross-site WebSocket hijacking.
    const auto origin = request.GetHeader("origin");
    const auto fetch_site = request.GetHeader("sec-fetch-site");
    const bool websocket = route.kind == RouteKind::kWebSocket;
    const bool origin_ok = origin ? OriginAllowed(*origin) : !websocket;
    const bool site_ok = !fetch_site || *fetch_site == "same-origin" || *fetch_site == "none" || (origin && origin_ok);
    if (!origin_ok || !site_ok) return Problem::Forbidden("auth.origin_refused");
    const auto verified = tokens_.Verify(*cookie);
    if (const auto* error = std::get_if<auth::TokenError>(&verified)) {
        return required ? std::optional(Unauthenticated(TokenCode(*error))) : std::nullopt;
    }
    const auto& claims = std::get<auth::AccessClaims>(verified);
    request.user_id = claims.user_id;
    request.session_id = claims.session_id;
    request.session_version = claims.session_version;
    request.credential = Credential::kCookie;
    request.credential_expires_at = claims.expires_at;
    return std::nullopt;
}

std::optional<Response> RouteGuard::Check(const Route& route, Request& request) const {
    if (route.kind == RouteKind::kWebSocket) {
        if (!IsWebSocketUpgrade(request)) {
            Response response = Problem::Make(426, "request.upgrade_required");
            response.SetHeader("Upgrade", "websocket");
            return response;
        }
        // RFC 6455 §4.4: a version we do not speak gets 426 with the one we do. Checked here so that the
        // handshake Beast answers later cannot fail with a reply that is not a problem document.
        if (const auto version = request.GetHeader("sec-websocket-version"); !version || Trim(*version) != "13") {
            Response response = Problem::Make(426, "request.upgrade_required");
            response.SetHeader("Upgrade", "websocket");
            response.SetHeader("Sec-WebSocket-Version", "13");
            return response;
        }
        if (const auto key = request.GetHeader("sec-websocket-key"); !key || Trim(*key).size() != 24) {
            return Problem::BadRequest("request.malformed");
        }
        // Browsers always send Origin on a WebSocket handshake; one from elsewhere is refused whatever the
        // credential. Clients that are not browsers send none.
        if (const auto origin = request.GetHeader("origin"); origin && !OriginAllowed(*origin)) {
            return Problem::Forbidden("auth.origin_refused");
        }
    }
    if (auto* limiter = route.index < limiters_.size() ? limiters_[route.index].get() : nullptr) {
        const std::string key = request.user_id ? "u:" + std::to_string(*request.user_id) : "a:" + request.remote_address;
        if (const int retry = limiter->TryConsume(key); retry > 0) return Problem::TooManyRequests("rate.limited", retry);
    }
    return std::nullopt;
}

StopReason RouteGuard::Recheck(const Request& request) const {
    if (request.credential == Credential::kNone || !request.user_id) return StopReason::kNone;
    if (clock_.Now() >= request.credential_expires_at) return StopReason::kExpired;
    if (options_.revocations != nullptr && options_.revocations->IsRevoked(*request.user_id, request.session_version)) {
        return StopReason::kRevoked;
    }
    return StopReason::kNone;
}

}  // namespace sikgu::http
