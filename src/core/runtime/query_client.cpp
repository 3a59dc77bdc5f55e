#include "core/runtime/query_client.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/auth/service_credentials.hpp"
#include "core/http/client.hpp"
#include "core/http/pipeline.hpp"
#include "core/obs/metrics.hpp"
#include "core/util/errors.hpp"
#include "core/util/text.hpp"

namespace sikgu::runtime {
namespace {

std::string ProblemCode(std::string_view content_type, const std::string& body) {
    if (!content_type.starts_with("application/problem+json")) return "";
    boost::system::error_code ec;
    const auto value = boost::json::parse(body, ec);
    if (ec || !value.is_object()) return "";
    const auto* code = value.as_object().if_contains("code");
    return code != nullptr && code->is_string() ? std::string(code->as_string()) : "";
}

// Counts of one caller → target client, by outcome.
struct Counters {
    std::atomic<std::uint64_t> ok{0};           // any answer below 500
    std::atomic<std::uint64_t> failed{0};       // the owner answered 5xx
    std::atomic<std::uint64_t> unavailable{0};  // no answer (down, refused, timed out)
};

class CountingClient : public QueryClient {
public:
    CountingClient(std::string caller, std::string target) : caller_(std::move(caller)), target_(std::move(target)) {}
    std::string_view Target() const override { return target_; }
    mutable Counters counters;

protected:
    const std::string caller_;
    const std::string target_;
};

class InProcessQueryClient final : public CountingClient {
public:
    InProcessQueryClient(std::string caller, std::string target, std::function<const http::Pipeline&()> pipeline)
        : CountingClient(std::move(caller), std::move(target)), pipeline_(std::move(pipeline)) {}
    std::string_view Transport() const override { return "in-process"; }

    core::Task<QueryResponse> Send(const QueryRequest& query) const override {
        http::Request request;
        request.verb = query.verb;
        const auto question = query.path.find('?');
        request.path = query.path.substr(0, question);
        if (question != std::string::npos) {
            std::string_view rest = std::string_view(query.path).substr(question + 1);
            while (!rest.empty()) {
                const auto amp = rest.find('&');
                const auto pair = rest.substr(0, amp);
                const auto eq = pair.find('=');
                const auto decoded = [](std::string_view text) { return PercentDecode(text).value_or(std::string(text)); };
                request.query.emplace_back(decoded(pair.substr(0, eq)),
                                           eq == std::string_view::npos ? "" : decoded(pair.substr(eq + 1)));
                rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
            }
        }
        request.body = query.body;
        if (!query.body.empty()) request.headers.push_back({"Content-Type", "application/json"});
        request.remote_address = "in-process";
        request.internal = true;
        request.caller_service = caller_;
        const http::Response response = co_await pipeline_().Dispatch(request);
        (response.status >= 500 ? counters.failed : counters.ok).fetch_add(1);
        co_return QueryResponse{response.status, response.body, response.problem ? response.problem->code : ""};
    }

private:
    const std::function<const http::Pipeline&()> pipeline_;
};

class HttpQueryClient final : public CountingClient {
public:
    HttpQueryClient(std::string caller, std::string target, std::string base_url, http::Client& client,
                    const auth::ServiceCredentials& credentials)
        : CountingClient(std::move(caller), std::move(target)),
          base_url_(std::move(base_url)),
          client_(client),
          credentials_(credentials) {}
    std::string_view Transport() const override { return "http"; }

    core::Task<QueryResponse> Send(const QueryRequest& query) const override {
        http::ClientRequest request;
        request.method = std::string(http::VerbName(query.verb));
        request.url = base_url_ + query.path;
        request.body = query.body;
        request.headers.push_back({"Authorization", "Service " + credentials_.For(caller_)});
        if (!query.body.empty()) request.headers.push_back({"Content-Type", "application/json"});
        request.deadline = std::chrono::steady_clock::now() + query.timeout;
        std::optional<http::ClientResponse> response;
        std::string failure;
        try {
            response = co_await client_.Fetch(request);
        } catch (const http::ClientError& e) {
            failure = e.what();
        } catch (const OverloadedError& e) {
            failure = e.what();
        }
        if (!response || response->status == 502 || response->status == 503 || response->status == 504) {
            counters.unavailable.fetch_add(1);
            throw PeerUnavailable(target_, failure.empty() ? "answered " + std::to_string(response->status) : failure);
        }
        (response->status >= 500 ? counters.failed : counters.ok).fetch_add(1);
        const auto status = static_cast<int>(response->status);
        co_return QueryResponse{status, response->body, ProblemCode(response->GetHeader("content-type"), response->body)};
    }

private:
    const std::string base_url_;
    http::Client& client_;
    const auth::ServiceCredentials& credentials_;
};

}  // namespace

const QueryClient& Peers::Query(std::string_view service) const {
    const auto it = clients_.find(service);
    if (it == clients_.end()) {
        throw std::logic_error("no query client for " + std::string(service) + ": declare it in the module's needs");
    }
    return *it->second;
}

void Peers::Add(std::string service, std::unique_ptr<QueryClient> client) {
    clients_.emplace(std::move(service), std::move(client));
}

void Peers::ExportMetrics(obs::Metrics& metrics, std::string_view caller) const {
    for (const auto& [target, client] : clients_) {
        const auto* counting = dynamic_cast<const CountingClient*>(client.get());
        if (counting == nullptr) continue;
        const std::string help = "Reads of another service through the query client, by outcome";
        const std::map<std::string, std::string> base{
            {"caller", std::string(caller)}, {"target", target}, {"transport", std::string(client->Transport())}};
        for (const auto& [outcome, value] : {std::pair{"ok", counting->counters.ok.load()},
                                             std::pair{"failed", counting->counters.failed.load()},
                                             std::pair{"unavailable", counting->counters.unavailable.load()}}) {
            auto labels = base;
            labels["outcome"] = outcome;
            metrics.SetCounter("sikgu_query_requests_total", help, labels, static_cast<double>(value));
        }
    }
}

std::unique_ptr<QueryClient> MakeInProcessQueryClient(std::string caller, std::string target,
                                                      std::function<const http::Pipeline&()> pipeline) {
    return std::make_unique<InProcessQueryClient>(std::move(caller), std::move(target), std::move(pipeline));
}

std::unique_ptr<QueryClient> MakeHttpQueryClient(std::string caller, std::string target, std::string base_url,
                                                 http::Client& client, const auth::ServiceCredentials& credentials) {
    return std::make_unique<HttpQueryClient>(std::move(caller), std::move(target), std::move(base_url), client,
                                             credentials);
}

}  // namespace sikgu::runtime
