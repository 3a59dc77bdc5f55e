#include "core/http/router.hpp"

#include <stdexcept>

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
    route->spec = std::move(spec);
    route->handler = &handler;
    route->index = routes_.size();
    routes_.push_back(std::move(route));
}

Router::Match Router::Find(Verb verb, std::string_view path) const {
    const auto parts = SplitPath(path);
    Match match;
    const Verb lookup = verb == Verb::kHead ? Verb::kGet : verb;
    for (const auto& route : routes_) {
        if (route->segments.size() != parts.size()) continue;
        std::vector<std::pair<std::string, std::string>> params;
        bool ok = true;
        for (std::size_t i = 0; i < parts.size() && ok; ++i) {
            const auto& segment = route->segments[i];
            if (!segment.is_param) {
                ok = segment.text == parts[i];
            } else if (parts[i].empty() || (segment.is_int && !AllDigits(parts[i]))) {
                ok = false;
            } else {
                params.emplace_back(segment.text, std::string(parts[i]));
            }
        }
        if (!ok) continue;
        if (route->spec.verb == lookup) {
            match.outcome = Outcome::kFound;
            match.route = route.get();
            match.params = std::move(params);
            return match;
        }
        match.outcome = Outcome::kMethodNotAllowed;
        match.allowed.push_back(route->spec.verb);
    }
    return match;
}

}  // namespace sikgu::http
