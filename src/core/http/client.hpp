#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/http/types.hpp"

namespace sikgu::http {

/// When an outgoing call must be done. Absolute, so a caller passes on what is left of its own budget.
using Deadline = std::chrono::steady_clock::time_point;

struct ClientOptions {
    std::size_t max_connections = 64;  // transfers running at once (each holds at most one connection)
    std::size_t max_queued = 256;      // transfers waiting for a slot; beyond that OverloadedError
    std::chrono::milliseconds default_timeout{std::chrono::seconds(30)};  // for requests without a deadline
    std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};   // HTTP requests only
    std::size_t max_response_bytes = 4U << 20;  // for requests that do not set their own cap
};

/// AWS Signature Version 4 for S3-compatible storage, computed by libcurl (CURLOPT_AWS_SIGV4).
struct AwsSigV4 {
    std::string provider;  // "aws:amz:<region>:s3"
    std::string access_key;
    std::string secret_key;
};

/// An outgoing HTTP request. Redirects are not followed and TLS peers are always verified.
struct ClientRequest {
    std::string method = "GET";
    std::string url;  // http:// or https:// only
    std::vector<Header> headers;
    std::string body;  // sent when non-empty, or always for POST, PUT and PATCH
    Deadline deadline{};  // default: now + ClientOptions::default_timeout
    std::size_t max_response_bytes = 0;  // 0: ClientOptions::max_response_bytes
    int max_redirects = 0;  // 0: a 3xx is returned as it is
    std::optional<AwsSigV4> aws_sigv4;  // sign the request (S3); headers to sign must be set in `headers`
};

struct ClientResponse {
    long status = 0;
    std::vector<Header> headers;  // names lower-cased, in arrival order (of the last response when redirected)
    std::string body;

    /// The first value of a header (`name` in any case), or "".
    std::string_view GetHeader(std::string_view name) const;
};

/// Why a transfer failed. Any HTTP status is a response, not an error.
enum class ClientErrorKind {
    kTimeout,    // the deadline passed: while queued, connecting or transferring
    kTooLarge,   // the response body is over the request's cap
    kConnect,    // the host could not be resolved or connected to
    kTransfer,   // anything else libcurl reports: TLS, protocol, a reset connection, a bad URL
    kCancelled,  // the awaiting operation was cancelled
    kShutdown,   // the client was destroyed before the transfer finished
};

std::string_view ClientErrorKindName(ClientErrorKind kind);

/// The one exception type of a failed transfer; what() carries libcurl's message (never a header or body).
class ClientError : public std::runtime_error {
public:
    ClientError(ClientErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ClientErrorKind Kind() const { return kind_; }

private:
    ClientErrorKind kind_;
};

/// A transfer of any protocol libcurl speaks, set up by the caller (SMTP's mail upload). `configure`
/// receives the fresh easy handle (a `CURL*`) on the calling thread and sets the protocol's options; the
/// client then adds only CURLOPT_NOSIGNAL, CURLOPT_PRIVATE, CURLOPT_ERRORBUFFER and the deadline
/// (CURLOPT_TIMEOUT_MS). Whatever the options point to must live until Perform returns; it returns only
/// after libcurl has let go of the handle, also when cancelled.
struct CurlTransfer {
    std::function<void(void* curl_easy)> configure;
    Deadline deadline{};  // default: now + ClientOptions::default_timeout
};

/// What a finished CurlTransfer reports (CURLINFO_RESPONSE_CODE: the last SMTP or HTTP reply code).
struct CurlResult {
    long response_code = 0;
};

/// Counts for metrics; read at scrape time.
struct ClientStats {
    std::size_t in_flight = 0;  // transfers on the multi handle
    std::size_t queued = 0;     // admitted, waiting for a slot
    /// Finished transfers by outcome, indexed as ClientStats::kOutcomes.
    std::array<std::uint64_t, 8> finished{};
    static constexpr std::array<std::string_view, 8> kOutcomes = {
        "ok", "timeout", "too_large", "connect_failed", "failed", "cancelled", "shutdown", "overloaded"};
};

/// The process's one outgoing HTTP (and SMTP) client: one libcurl multi handle driven by one I/O thread,
/// so every caller shares its connection cache, DNS cache and TLS sessions. At most `max_connections`
/// transfers run at once; up to `max_queued` more wait in arrival order (their deadline still counts);
/// beyond that a call fails at once with OverloadedError, which the pipeline answers with 503.
///
///   ClientRequest r{.url = "https://kapi.kakao.com/v2/user/me", .deadline = Now() + 10s};
///   ClientResponse answer = co_await client.Fetch(r);
///
/// Completions run on the awaiting coroutine's executor. Cancelling the awaiting operation (per-operation
/// cancellation, e.g. `co_await (client.Fetch(r) || timer.async_wait(use_awaitable))`) removes the transfer
/// from the multi handle before the awaiting coroutine resumes.
class Client {
public:
    explicit Client(ClientOptions options);
    ~Client();  // fails what is still running or queued with kShutdown, then joins the I/O thread
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// Throws ClientError when the transfer fails, OverloadedError when the queue is full,
    /// std::invalid_argument for a malformed method or header.
    core::Task<ClientResponse> Fetch(const ClientRequest& request);

    /// Fetch for command-line code outside any event loop: blocks the calling thread (never call it on an
    /// event-loop thread).
    ClientResponse FetchNow(const ClientRequest& request);

    /// The generic entry for non-HTTP transfers; throws as Fetch does.
    core::Task<CurlResult> Perform(const CurlTransfer& transfer);

    ClientStats Stats() const;
    const ClientOptions& Options() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace sikgu::http
