#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/http/types.hpp"

namespace sikgu::auth {
class ServiceCredentials;
}
namespace sikgu::http {
class Client;
class Pipeline;
}  // namespace sikgu::http
namespace sikgu::obs {
class Metrics;
}

namespace sikgu::runtime {

/// A read from another service's internal API (`/internal/v1/<service>/...`, Auth::kService routes).
struct QueryRequest {
    http::Verb verb = http::Verb::kGet;
    std::string path;  // percent-encoded, with its query string
    std::string body;  // JSON, or empty
    std::chrono::milliseconds timeout{2000};  // over HTTP; in process the handler runs to its end
};

struct QueryResponse {
    int status = 0;
    std::string body;
    std::string code;  // the problem's code when the owner answered with one
};

/// How a service reads another service: the same calls whether the owner runs in this process (dispatched
/// through its pipeline, no socket, not counted or logged as outside traffic) or in another (HTTP to its
/// internal API with a service credential). A down, refusing or slow owner throws PeerUnavailable, which
/// reaches the caller's client as 503 service.unavailable.
class QueryClient {
public:
    virtual ~QueryClient() = default;
    virtual core::Task<QueryResponse> Send(const QueryRequest& request) const = 0;
    virtual std::string_view Target() const = 0;
    virtual std::string_view Transport() const = 0;  // "in-process" | "http"
};

/// The peers a module declared (ModuleEntry::needs), wired by the composition root.
class Peers {
public:
    /// The client for `service`; a module may ask only for what it declared.
    const QueryClient& Query(std::string_view service) const;

    void Add(std::string service, std::unique_ptr<QueryClient> client);
    void ExportMetrics(obs::Metrics& metrics, std::string_view caller) const;

private:
    std::map<std::string, std::unique_ptr<QueryClient>, std::less<>> clients_;
};

/// Dispatches through this process's pipeline (looked up per call: it is made after the modules).
std::unique_ptr<QueryClient> MakeInProcessQueryClient(std::string caller, std::string target,
                                                      std::function<const http::Pipeline&()> pipeline);
/// HTTP to `base_url` (e.g. "http://plant.internal:8080") through the shared outgoing client.
std::unique_ptr<QueryClient> MakeHttpQueryClient(std::string caller, std::string target, std::string base_url,
                                                 http::Client& client, const auth::ServiceCredentials& credentials);

}  // namespace sikgu::runtime
