#pragma once

#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/http/messages.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/http/router.hpp"
#include "core/http/stream.hpp"

namespace sikgu {
class Clock;
}
namespace sikgu::auth {
class JwtCodec;
class ServiceCredentials;
class SessionRevocations;
class StreamTickets;
}  // namespace sikgu::auth
namespace sikgu::obs {
class Metrics;
}

namespace sikgu::http {

class StaticFiles;
class RouteGuard;

struct PipelineOptions {
    std::vector<std::string> cors_origins;  // exact origins allowed to call the API from a browser
    std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For names the real client
    bool log_requests = true;
    // Prefix of every problem's `type`: <public_url>/api/problems/, where each code is documented.
    std::string problem_base_url = "/api/problems/";
    // Long-lived connections and per-route options (see RouteGuard).
    std::string public_url;                                // its origin may open cookie streams and WebSockets
    const Clock* clock = nullptr;                          // rate limits and credential expiry; null: system clock
    const auth::StreamTickets* tickets = nullptr;          // null: ?ticket= is not accepted
    const auth::SessionRevocations* revocations = nullptr;  // re-checked on long-lived connections
};

/// What the pipeline decided from a request's headers: send `answer` (a refusal, a preflight, a static
/// file; already finished and recorded) or, without one, go on to `route`: read the body, then Handle.
struct Admission {
    const Route* route = nullptr;  // the matched route, also when `answer` refuses the request
    std::optional<Response> answer;
};

/// Everything between the socket and the handler, free of Beast so it is tested with plain Requests and
/// used as the in-process transport of the internal client: request id, routing (404/405), authentication,
/// CORS, the handler call with its exception boundary, problem rendering, security headers, metrics and
/// the access log.
class Pipeline {
public:
    /// `router` is complete: per-route rate limiters are made here.
    Pipeline(const Router& router, const MessageCatalog& messages, const auth::JwtCodec& tokens,
             const auth::ServiceCredentials& services, obs::Metrics& metrics, const StaticFiles* static_files,
             PipelineOptions options);
    ~Pipeline();

    /// Admit, then Handle: for callers that have the whole request (the in-process transport, tests).
    core::Task<Response> Dispatch(Request& request) const;

    /// Everything decided from the headers alone, before any body byte is read: request id, client
    /// address, route (404/405) or static file, authentication (bearer, or the cookie / a ticket where the
    /// route accepts them), the WebSocket handshake's shape and Origin, the route's rate limit.
    Admission Admit(Request& request) const;
    /// Runs an admitted request's handler (its body read) with the exception boundary, problem rendering,
    /// headers, metrics and the access log.
    core::Task<Response> Handle(Request& request, const Route& route) const;

    /// For a long-lived connection: whether the credential that opened it still holds (kExpired, kRevoked).
    StopReason Recheck(const Request& request) const;

    /// Renders a problem for a request that never reached Dispatch (oversized body, bad headers).
    Response RenderProblem(const Request& request, ProblemInfo problem) const;

    /// Counts and logs a request the session answered itself.
    void Record(const Request& request, const Response& response, double seconds) const;

    std::size_t InFlight() const { return in_flight_.load(); }

private:
    std::optional<Response> RouteAndCheck(Request& request, const http::Route*& matched) const;
    Response Failure(const Request& request, std::exception_ptr error) const;
    void Finish(const Request& request, Response& response) const;
    void ApplyCors(const Request& request, Response& response) const;

    const Router& router_;
    const MessageCatalog& messages_;
    const auth::JwtCodec& tokens_;
    const auth::ServiceCredentials& services_;
    obs::Metrics& metrics_;
    const StaticFiles* static_files_;
    PipelineOptions options_;
    std::unique_ptr<RouteGuard> guard_;
    mutable std::atomic<std::size_t> in_flight_{0};
};

/// The client address: the TCP peer, or, when the peer is a trusted proxy, the right-most entry of all
/// X-Forwarded-For lines together that is not itself a trusted proxy (in canonical form). A hop that is not
/// an IP address ends the search: then the peer's own address is used.
std::string ClientAddress(const Request& request, const std::vector<std::string>& trusted_proxies);

/// `text` as an IPv4 or IPv6 address in canonical form ("0:0::1" -> "::1"), or nullopt when it is not one.
std::optional<std::string> CanonicalAddress(std::string_view text);

/// Accepts an incoming X-Request-Id only when it is short and plain; otherwise makes a new one.
std::string ChooseRequestId(const Request& request);

}  // namespace sikgu::http
