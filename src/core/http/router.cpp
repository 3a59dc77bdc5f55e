#include "core/http/router.hpp"

#include <stdexcept>

#include "core/http/stream.hpp"
#include "core/http/websocket.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace {
std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    while (true) {
        const auto slash = path.find('/');
        parts.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return parts;
}

// Browser credentials are ambient (the cookie) or travel in the URL (the ticket): both are only safe on
// requests that change nothing, and a WebSocket handshake is always a GET.
void CheckOptions(const RouteSpec& spec, RouteKind kind) {
    const RouteOptions& o = spec.options;
    if ((o.access_cookie || o.stream_ticket) && (spec.verb != Verb::kGet || spec.auth == Auth::kPublic)) {
        throw std::logic_error("cookie or ticket credentials need an authenticated GET route: " + spec.pattern);
    }
    if (kind == RouteKind::kWebSocket && spec.verb != Verb::kGet) {
        throw std::logic_error("a WebSocket route must be GET: " + spec.pattern);
    }
    if (o.rate_limit.requests < 0 || (o.rate_limit.requests > 0 && o.rate_limit.window.count() <= 0)) {
        throw std::logic_error("bad rate limit on " + spec.pattern);
    }
}

bool AllDigits(std::string_view s) {
    if (s.empty() || s.size() > 18) return false;  // fits an int64 without overflow checks
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}
}  // namespace

void Router::Add(RouteSpec spec, const Handler& handler) {
    auto route = std::make_unique<Route>();
    for (const auto part : SplitPath(spec.pattern)) {
        Route::Segment segment;
        if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
            std::string_view inner = part.substr(1, part.size() - 2);
            segment.is_param = true;
            if (inner.ends_with(":int")) {
                segment.is_int = true;
                inner.remove_suffix(4);
            }
            segment.text = std::string(inner);
        } else {
            segment.text = std::string(part);
        }
        route->segments.push_back(std::move(segment));
    }
    for (const auto& existing : routes_) {
        if (existing->spec.verb == spec.verb && existing->spec.pattern == spec.pattern) {
            throw std::logic_error("duplicate route " + spec.pattern);
        }
    }
    if (dynamic_cast<const WebSocketHandler*>(&handler) != nullptr) {
        route->kind = RouteKind::kWebSocket;
    } else if (dynamic_cast<const StreamHandler*>(&handler) != nullptr) {
        route->kind = RouteKind::kStream;
    }
    CheckOptions(spec, route->kind);
    route->literal_prefix = spec.pattern.substr(0, spec.pattern.find('{'));
    route->spec = std::move(spec);
    route->handler = &handler;
    route->index = routes_.size();
    routes_.push_back(std::move(route));
}

namespace {
// Walks `path` segment by segment against the route without allocating; calls `on_param(name, value)` for
// each parameter of a matching path.
template <class OnParam>
bool MatchSegments(const Route& route, std::string_view path, OnParam on_param) {
    if (!path.starts_with(route.literal_prefix)) return false;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    const std::size_t count = route.segments.size();
    for (std::size_t i = 0; i < count; ++i) {
        const auto slash = path.find('/');
        const bool last_part = slash == std::string_view::npos;
        if (last_part != (i + 1 == count)) return false;
        const std::string_view part = path.substr(0, slash);
        const auto& segment = route.segments[i];
        if (!segment.is_param) {
            if (segment.text != part) return false;
        } else if (part.empty() || (segment.is_int && !AllDigits(part))) {
            return false;
        } else {
            on_param(segment.text, part);
        }
        if (!last_part) path.remove_prefix(slash + 1);
    }
    return true;
}
}  // namespace

Router::Match Router::Find(Verb verb, std::string_view path) const {
    Match match;
    const Verb lookup = verb == Verb::kHead ? Verb::kGet : verb;
    for (const auto& route : routes_) {
        if (!MatchSegments(*route, path, [](std::string_view, std::string_view) {})) continue;
        if (route->spec.verb == lookup) {
            match.outcome = Outcome::kFound;
            match.route = route.get();
            // Parameters are decoded only now, segment by segment: an encoded "/" stays inside its value.
            bool decodable = true;
            MatchSegments(*route, path, [&](std::string_view name, std::string_view value) {
                auto decoded = PercentDecode(value);
                decodable = decodable && decoded && IsValidUtf8(*decoded);
                match.params.emplace_back(std::string(name), decoded ? std::move(*decoded) : std::string());
            });
            if (!decodable) return Match{};
            return match;
        }
        match.outcome = Outcome::kMethodNotAllowed;
        match.allowed.push_back(route->spec.verb);
    }
    return match;
}

}  // namespace sikgu::http
