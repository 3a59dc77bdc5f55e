#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/handler.hpp"
#include "core/http/route_options.hpp"
#include "core/http/types.hpp"

namespace sikgu::http {

struct RouteSpec {
    Verb verb;
    std::string pattern;  // "/api/v1/plants/{id:int}"; {name} matches one segment, {name:int} only digits
    Auth auth = Auth::kPublic;
    RouteOptions options{};
};

struct Route {
    RouteSpec spec;
    const Handler* handler;
    RouteKind kind = RouteKind::kRequest;
    std::size_t index;  // position in the table, used by metrics

    struct Segment {
        std::string text;  // literal text, or the parameter name
        bool is_param = false;
        bool is_int = false;
    };
    std::vector<Segment> segments;
    std::string literal_prefix;  // the pattern up to its first parameter: a cheap first test
};

/// The route table. Built once at start-up, then read concurrently without locks.
class Router {
public:
    /// The route's kind follows from the handler's type: a StreamHandler streams, a WebSocketHandler upgrades.
    /// Options that cannot work together (a cookie on a POST route, say) are a start-up error.
    void Add(RouteSpec spec, const Handler& handler);

    enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
    struct Match {
        Outcome outcome = Outcome::kNotFound;
        const Route* route = nullptr;
        std::vector<std::pair<std::string, std::string>> params;
        std::vector<Verb> allowed;  // for 405
    };
    /// Matches the raw (percent-encoded) path: literal segments compare as sent, so "/%6detrics" is not
    /// "/metrics"; parameter values come back decoded.
    Match Find(Verb verb, std::string_view path) const;

    const std::vector<std::unique_ptr<Route>>& Routes() const { return routes_; }

private:
    std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace sikgu::http
