#include "core/http/pipeline.hpp"

#include <arpa/inet.h>

#include <boost/json.hpp>
#include <algorithm>
#include <cstring>
#include <random>
#include <chrono>
#include <cmath>
#include <exception>

#include "core/auth/jwt.hpp"
#include "core/auth/service_credentials.hpp"
#include "core/http/route_guard.hpp"
#include "core/http/static_files.hpp"
#include "core/obs/log.hpp"
#include "core/obs/metrics.hpp"
#include "core/util/crypto.hpp"
#include "core/util/errors.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace {
// The security headers of every response, by kind: one constant block each.
constexpr std::string_view kCommonHeaders = "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n";
constexpr std::string_view kApiHeaders =
    "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\nCache-Control: no-store\r\n";
constexpr std::string_view kHtmlHeaders =
    "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\nX-Frame-Options: DENY\r\n"
    "Content-Security-Policy: default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'\r\n";

bool PlainId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string JoinVerbs(const std::vector<Verb>& verbs) {
    std::string out;
    for (const Verb v : verbs) {
        if (!out.empty()) out += ", ";
        out += VerbName(v);
    }
    return out;
}
}  // namespace

std::optional<std::string> CanonicalAddress(std::string_view text) {
    if (text.empty() || text.size() > 45) return std::nullopt;
    const std::string copy(text);
    unsigned char bytes[sizeof(in6_addr)];
    char out[INET6_ADDRSTRLEN];
    if (::inet_pton(AF_INET, copy.c_str(), bytes) == 1) return ::inet_ntop(AF_INET, bytes, out, sizeof out);
    if (::inet_pton(AF_INET6, copy.c_str(), bytes) == 1) return ::inet_ntop(AF_INET6, bytes, out, sizeof out);
    return std::nullopt;
}

std::string ClientAddress(const Request& request, const std::vector<std::string>& trusted_proxies) {
    const auto trusted = [&](std::string_view address) {
        return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
    };
    if (!trusted(request.remote_address)) return request.remote_address;
    // Every X-Forwarded-For line, in order, is one list (RFC 9110 §5.3); each proxy appends its peer on the
    // right, so the right-most hop that is not one of ours is the client. Only a proxy's own word counts:
    // a hop that is not an address means the chain is broken there, and nothing left of it is believed.
    std::vector<std::string_view> hops;
    for (const Header& header : request.headers) {
        if (!AsciiEqualsIgnoreCase(header.name, "x-forwarded-for")) continue;
        std::string_view rest = header.value;
        while (true) {
            const auto comma = rest.find(',');
            hops.push_back(Trim(rest.substr(0, comma)));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        auto address = CanonicalAddress(*hop);
        if (!address) break;
        if (!trusted(*address)) return std::move(*address);
    }
    return request.remote_address;
}

std::string ChooseRequestId(const Request& request) {
    if (const auto incoming = request.GetHeader("x-request-id"); incoming && PlainId(*incoming)) {
        return std::string(*incoming);
    }
    // Correlation ids need to be unique, not secret: a per-thread generator seeded from the OS avoids a
    // system call per request.
    thread_local std::mt19937_64 generator([] {
        std::random_device device;
        return (static_cast<std::uint64_t>(device()) << 32) ^ device();
    }());
    std::string bytes(12, '\0');
    const std::uint64_t a = generator();
    const std::uint64_t b = generator();
    std::memcpy(bytes.data(), &a, 8);
    std::memcpy(bytes.data() + 8, &b, 4);
    return Base64UrlEncode(bytes);
}

Pipeline::Pipeline(const Router& router, const MessageCatalog& messages, const auth::JwtCodec& tokens,
                   const auth::ServiceCredentials& services, obs::Metrics& metrics, const StaticFiles* static_files,
                   PipelineOptions options)
    : router_(router),
      messages_(messages),
      tokens_(tokens),
      services_(services),
      metrics_(metrics),
      static_files_(static_files),
      options_(std::move(options)) {
    std::vector<std::string> origins = options_.cors_origins;
    if (!options_.public_url.empty()) origins.push_back(options_.public_url);
    guard_ = std::make_unique<RouteGuard>(
        router_, tokens_, RouteGuardOptions{std::move(origins), options_.clock, options_.tickets, options_.revocations});
}

Pipeline::~Pipeline() = default;

core::Task<Response> Pipeline::Dispatch(Request& request) const {
    auto admission = Admit(request);
    if (admission.answer) co_return std::move(*admission.answer);
    co_return co_await Handle(request, *admission.route);
}

namespace {
// Counts a request as in flight for as long as it lives.
struct InFlightScope {
    explicit InFlightScope(std::atomic<std::size_t>& counter_in) : counter(counter_in) { counter.fetch_add(1); }
    ~InFlightScope() { counter.fetch_sub(1); }
    std::atomic<std::size_t>& counter;
};
}  // namespace

Admission Pipeline::Admit(Request& request) const {
    const auto started = std::chrono::steady_clock::now();
    const InFlightScope in_flight(in_flight_);
    if (request.request_id.empty()) request.request_id = ChooseRequestId(request);
    if (!options_.trusted_proxies.empty()) request.remote_address = ClientAddress(request, options_.trusted_proxies);
    Admission admission;
    try {
        admission.answer = RouteAndCheck(request, admission.route);
    } catch (...) {
        admission.answer = Failure(request, std::current_exception());
    }
    if (admission.answer) {
        Finish(request, *admission.answer);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        Record(request, *admission.answer, seconds);
    }
    return admission;
}

core::Task<Response> Pipeline::Handle(Request& request, const http::Route& route) const {
    const auto started = std::chrono::steady_clock::now();
    const InFlightScope in_flight(in_flight_);
    Response response;
    try {
        response = co_await route.handler->Handle(request);
    } catch (...) {
        response = Failure(request, std::current_exception());
    }
    Finish(request, response);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Record(request, response, seconds);
    co_return response;
}

Response Pipeline::Failure(const Request& request, std::exception_ptr error) const {
    try {
        std::rethrow_exception(std::move(error));
    } catch (const OverloadedError& e) {
        obs::Log(obs::Level::kWarn, "overloaded", {{"request_id", request.request_id}, {"what", e.what()}});
        Response response = Problem::Make(503, "server.overloaded");
        response.SetHeader("Retry-After", "1");
        return response;
    } catch (const PeerUnavailable& e) {
        // Another service this one needs is down or too slow: the caller learns which, and may retry.
        obs::Log(obs::Level::kWarn, "peer_unavailable",
                 {{"request_id", request.request_id}, {"peer", e.Peer()}, {"what", e.what()}});
        Response response = Problem::Make(503, "service.unavailable");
        response.SetHeader("Retry-After", "2");
        return response;
    } catch (const std::exception& e) {
        // The client learns only the code and the request id; the cause goes to the log.
        obs::Log(obs::Level::kError, "unhandled_exception",
                 {{"request_id", request.request_id}, {"route", request.route}, {"what", e.what()}});
    } catch (...) {
        obs::Log(obs::Level::kError, "unhandled_exception",
                 {{"request_id", request.request_id}, {"route", request.route}, {"what", "non-standard exception"}});
    }
    return Problem::Make(500, "server.internal");
}

StopReason Pipeline::Recheck(const Request& request) const { return guard_->Recheck(request); }

std::optional<Response> Pipeline::RouteAndCheck(Request& request, const http::Route*& matched) const {
    if (request.verb == Verb::kOptions && request.GetHeader("origin") &&
        request.GetHeader("access-control-request-method")) {
        return NoContent();  // CORS preflight; ApplyCors decides what it allows
    }
    auto match = router_.Find(request.verb, request.path);
    if (match.outcome == Router::Outcome::kMethodNotAllowed) {
        Response response = Problem::Make(405, "route.method_not_allowed");
        response.SetHeader("Allow", JoinVerbs(match.allowed));
        return response;
    }
    if (match.outcome == Router::Outcome::kNotFound) {
        if (static_files_ != nullptr && !request.path.starts_with("/api/") && !request.path.starts_with("/internal/")) {
            if (auto file = static_files_->Serve(request)) return std::move(*file);
        }
        return Problem::NotFound("route.not_found");
    }
    const http::Route& route = *match.route;
    request.route = route.spec.pattern;
    request.options = &route.spec.options;
    matched = &route;
    for (auto& [name, value] : match.params) request.path_params.emplace(std::move(name), std::move(value));

    if (route.spec.auth == Auth::kService) {
        // The internal API: another service's credential, or a call made in this process. Nothing a user
        // holds passes here.
        if (!request.internal) {
            const auto header = request.GetHeader("authorization");
            const auto caller = header && header->starts_with("Service ") ? services_.Verify(header->substr(8))
                                                                          : std::optional<std::string>();
            if (!caller) {
                Response response = Problem::Unauthorized("auth.service_credential_required");
                response.SetHeader("WWW-Authenticate", "Service");
                return response;
            }
            request.caller_service = *caller;
        }
        if (auto refused = guard_->Check(route, request)) return std::move(*refused);
        return std::nullopt;
    }
    if (route.spec.auth != Auth::kPublic) {
        const auto header = request.GetHeader("authorization");
        if (header && header->size() > 7 && (header->starts_with("Bearer ") || header->starts_with("bearer "))) {
            const auto verified = tokens_.Verify(header->substr(7));
            if (const auto* claims = std::get_if<auth::AccessClaims>(&verified)) {
                request.user_id = claims->user_id;
                request.session_id = claims->session_id;
                request.session_version = claims->session_version;
                request.credential = Credential::kBearer;
                request.credential_expires_at = claims->expires_at;
            } else if (route.spec.auth == Auth::kUser) {
                const auto error = std::get<auth::TokenError>(verified);
                Response response = Problem::Unauthorized(error == auth::TokenError::kExpired   ? "auth.token_expired"
                                                          : error == auth::TokenError::kRevoked ? "auth.token_revoked"
                                                                                                : "auth.token_invalid");
                response.SetHeader("WWW-Authenticate", "Bearer");
                return response;
            }
        } else if (route.spec.options.access_cookie || route.spec.options.stream_ticket) {
            if (auto refused = guard_->AuthenticateBrowser(route, request)) return std::move(*refused);
        } else if (route.spec.auth == Auth::kUser) {
            Response response = Problem::Unauthorized("auth.unauthenticated");
            response.SetHeader("WWW-Authenticate", "Bearer");
            return response;
        }
    }
    // Decided from the headers, before the body is read.
    if (route.spec.options.idempotency == Idempotency::kRequired && !request.GetHeader("idempotency-key")) {
        return Problem::BadRequest("idempotency.key_required");
    }
    if (auto refused = guard_->Check(route, request)) return std::move(*refused);
    return std::nullopt;
}

Response Pipeline::RenderProblem(const Request& request, ProblemInfo problem) const {
    Response response;
    response.status = problem.status;
    response.problem = std::move(problem);
    Finish(request, response);
    return response;
}

void Pipeline::Finish(const Request& request, Response& response) const {
    if (response.problem) {
        const ProblemInfo& p = *response.problem;
        const Language language = request.GetLanguage();
        boost::json::object body{{"type", options_.problem_base_url + p.code},
                                 {"title", messages_.Title(p.code, language)},
                                 {"status", p.status},
                                 {"detail", p.detail ? std::string_view(*p.detail) : messages_.Title(p.code, language)},
                                 {"instance", request.request_id},
                                 {"code", p.code}};
        if (!p.errors.empty()) {
            boost::json::array errors;
            for (const auto& e : p.errors) {
                errors.push_back(
                    {{"field", e.field}, {"code", e.code}, {"detail", messages_.Title(e.code, language)}});
            }
            body["errors"] = std::move(errors);
        }
        response.status = p.status;
        response.content_type = "application/problem+json";
        response.body = boost::json::serialize(body);
        response.SetHeader("Content-Language", language == Language::kEn ? "en" : "ko");
    }
    response.SetHeader("X-Request-Id", request.request_id);
    response.fixed_headers = response.content_type.starts_with("text/html") ? kHtmlHeaders
                             : request.path.starts_with("/api/")            ? kApiHeaders
                                                                            : kCommonHeaders;
    ApplyCors(request, response);
}

void Pipeline::ApplyCors(const Request& request, Response& response) const {
    const auto origin = request.GetHeader("origin");
    if (!origin) return;
    for (const auto& allowed : options_.cors_origins) {
        if (allowed != *origin) continue;
        response.SetHeader("Access-Control-Allow-Origin", allowed);
        response.SetHeader("Access-Control-Allow-Credentials", "true");
        response.SetHeader("Vary", "Origin");
        if (request.verb == Verb::kOptions) {
            response.SetHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
            response.SetHeader("Access-Control-Allow-Headers",
                               "Authorization, Content-Type, Accept-Language, Idempotency-Key, X-Sikgu-Csrf, X-Request-Id");
            response.SetHeader("Access-Control-Max-Age", "600");
        }
        return;
    }
}

void Pipeline::Record(const Request& request, const Response& response, double seconds) const {
    if (request.internal) return;  // counted by the query client, as a call between services
    metrics_.ObserveRequest(request.route, VerbName(request.verb), response.status, seconds);
    if (!options_.log_requests) return;
    const obs::Level level = response.status >= 500 ? obs::Level::kError : obs::Level::kInfo;
    if (!obs::Enabled(level)) return;
    obs::Log(level, "http_request",
             {{"request_id", request.request_id},
              {"method", VerbName(request.verb)},
              {"path", request.path},
              {"route", request.route},
              {"status", response.status},
              {"duration_ms", std::round(seconds * 1e6) / 1e3},
              {"remote", request.remote_address},
              {"code", response.problem ? std::string_view(response.problem->code) : std::string_view{}}});
}

}  // namespace sikgu::http
