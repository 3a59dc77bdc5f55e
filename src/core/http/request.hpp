#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/route_options.hpp"
#include "core/http/types.hpp"

namespace sikgu::http {

/// How the caller proved who it is.
enum class Credential {
    kNone,
    kBearer,  // Authorization: Bearer <access token>
    kCookie,  // the sikgu_access cookie, on routes that opt in (with an Origin check)
    kTicket,  // ?ticket= from POST /api/v1/stream-tickets, on routes that opt in
};

/// A request body the server wrote to a temporary file (RouteOptions::spool_above_bytes). The file is
/// removed once the handler returns.
struct SpooledBody {
    std::filesystem::path path;
    std::uint64_t size = 0;
};

/// An HTTP request as handlers see it: no Beast types, already limited and decoded.
struct Request {
    Verb verb = Verb::kGet;
    std::string path;  // the path as sent (percent-encoded, valid UTF-8 once decoded), without the query
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
    std::vector<Header> headers;
    std::string body;
    std::string remote_address;

    // Filled by the pipeline.
    std::string request_id;
    std::string route;  // the matched route pattern, for metrics and logs
    std::map<std::string, std::string, std::less<>> path_params;  // decoded
    std::optional<std::int64_t> user_id;
    std::int64_t session_id = 0;  // the refresh-token family the access token belongs to (0: unknown)
    std::optional<std::string> caller_service;  // Auth::kService routes: the service that asked
    // Made in this process by the query client (never from a socket): no credential needed, and not counted
    // or logged as outside traffic.
    bool internal = false;
    std::int64_t session_version = 0;  // the access token's "sv", re-checked on long-lived connections
    Credential credential = Credential::kNone;
    // When the credential stops being valid: a stream or WebSocket it opened is closed then.
    std::chrono::system_clock::time_point credential_expires_at{};
    std::optional<SpooledBody> body_file;  // set instead of `body` when the route spooled the upload
    const RouteOptions* options = nullptr;  // the matched route's options

    /// The matched route's options (defaults before routing).
    const RouteOptions& Options() const;

    /// Case-insensitive header lookup (first occurrence).
    std::optional<std::string_view> GetHeader(std::string_view name) const;
    std::optional<std::string_view> Query(std::string_view name) const;
    std::optional<std::string_view> Cookie(std::string_view name) const;
    std::string_view PathParam(std::string_view name) const;
    /// A `{name:int}` path parameter; the router has already checked the digits.
    std::int64_t PathInt(std::string_view name) const;
    /// The authenticated user; only callable on routes declared Auth::kUser.
    std::int64_t User() const;
    Language GetLanguage() const;
};

}  // namespace sikgu::http
