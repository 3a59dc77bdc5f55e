#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/http/messages.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/http/router.hpp"

namespace sikgu::auth {
class JwtCodec;
class ServiceCredentials;
}
namespace sikgu::obs {
class Metrics;
}

namespace sikgu::http {

class StaticFiles;

struct PipelineOptions {
    std::vector<std::string> cors_origins;  // exact origins allowed to call the API from a browser
    std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For names the real client
    bool log_requests = true;
    // Prefix of every problem's `type`: <public_url>/api/problems/, where each code is documented.
    std::string problem_base_url = "/api/problems/";
};

/// Everything between the socket and the handler, free of Beast so it is tested with plain Requests and
/// used as the in-process transport of the internal client: request id, routing (404/405), authentication,
/// CORS, the handler call with its exception boundary, problem rendering, security headers, metrics and
/// the access log.
class Pipeline {
public:
    Pipeline(const Router& router, const MessageCatalog& messages, const auth::JwtCodec& tokens,
             const auth::ServiceCredentials& services, obs::Metrics& metrics, const StaticFiles* static_files,
             PipelineOptions options);

    core::Task<Response> Dispatch(Request& request) const;

    /// Renders a problem for a request that never reached Dispatch (oversized body, bad headers).
    Response RenderProblem(const Request& request, ProblemInfo problem) const;

    /// Counts and logs a request the session answered itself.
    void Record(const Request& request, const Response& response, double seconds) const;

    std::size_t InFlight() const { return in_flight_.load(); }

private:
    core::Task<Response> RouteAndHandle(Request& request) const;
    void Finish(const Request& request, Response& response) const;
    void ApplyCors(const Request& request, Response& response) const;

    const Router& router_;
    const MessageCatalog& messages_;
    const auth::JwtCodec& tokens_;
    const auth::ServiceCredentials& services_;
    obs::Metrics& metrics_;
    const StaticFiles* static_files_;
    PipelineOptions options_;
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
