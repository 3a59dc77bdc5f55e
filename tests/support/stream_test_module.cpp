#include "support/stream_test_module.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/modules.hpp"
#include "core/http/stream.hpp"
#include "core/http/websocket.hpp"
#include "core/util/crypto.hpp"

namespace sikgu::test {
namespace {

using http::Auth;
using http::Verb;
using namespace std::chrono_literals;
using SteadyTime = std::chrono::steady_clock::time_point;

std::int64_t QueryInt(const http::Request& request, std::string_view name, std::int64_t fallback, std::int64_t min,
                      std::int64_t max) {
    const auto text = request.Query(name);
    if (!text) return fallback;
    std::int64_t value = fallback;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return std::clamp(value, min, max);
}

// Event n happens at epoch + n * interval: a clock every stream shares, so resuming is exact.
class TickerBody final : public http::StreamBody {
public:
    TickerBody(SteadyTime epoch, std::chrono::milliseconds interval, std::chrono::milliseconds heartbeat,
               std::chrono::milliseconds retry, std::int64_t close_after, std::optional<std::int64_t> last_id)
        : epoch_(epoch),
          interval_(interval),
          heartbeat_(heartbeat),
          retry_(retry),
          close_after_(close_after),
          next_(last_id ? *last_id + 1 : Current() + 1) {}

    core::Task<void> Run(http::StreamWriter& out) override {
        const std::string retry = http::SseRetry(retry_);
        if (!co_await out.Write(retry)) co_return;
        auto last_write = std::chrono::steady_clock::now();
        std::int64_t sent = 0;
        while (true) {
            std::string batch;
            for (const std::int64_t current = Current(); next_ <= current && !Done(sent); ++next_, ++sent) {
                batch += http::SseEvent("{\"n\":" + std::to_string(next_) + "}", "tick", std::to_string(next_));
            }
            if (!batch.empty()) {
                if (!co_await out.Write(batch)) co_return;
                last_write = std::chrono::steady_clock::now();
            }
            if (Done(sent)) co_return;
            const auto now = std::chrono::steady_clock::now();
            const auto until_event = epoch_ + next_ * interval_ - now;
            const auto until_heartbeat = last_write + heartbeat_ - now;
            const auto wait = std::max<std::chrono::steady_clock::duration>(1ms, std::min(until_event, until_heartbeat));
            if (!co_await out.Wait(std::chrono::ceil<std::chrono::milliseconds>(wait))) {
                const bool auth = out.Reason() == http::StopReason::kExpired || out.Reason() == http::StopReason::kRevoked;
                const std::string last = auth ? http::SseEvent(std::string(http::StopReasonName(out.Reason())), "reauth")
                                              : http::SseEvent(std::string(http::StopReasonName(out.Reason())), "bye");
                co_await out.Write(last);
                co_return;
            }
            if (std::chrono::steady_clock::now() - last_write >= heartbeat_) {
                const std::string comment = http::SseComment("heartbeat");
                if (!co_await out.Write(comment)) co_return;
                last_write = std::chrono::steady_clock::now();
            }
        }
    }

private:
    std::int64_t Current() const { return (std::chrono::steady_clock::now() - epoch_) / interval_; }
    bool Done(std::int64_t sent) const { return close_after_ > 0 && sent >= close_after_; }

    const SteadyTime epoch_;
    const std::chrono::milliseconds interval_;
    const std::chrono::milliseconds heartbeat_;
    const std::chrono::milliseconds retry_;
    const std::int64_t close_after_;
    std::int64_t next_;
};

class EventsHandler final : public http::StreamHandler {
public:
    explicit EventsHandler(SteadyTime epoch) : epoch_(epoch) {}
    core::Task<http::Response> Handle(http::Request& request) const override {
        std::optional<std::int64_t> last_id;
        if (const auto text = http::LastEventId(request)) {
            std::int64_t value = 0;
            const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
            if (ec != std::errc{} || end != text->data() + text->size() || value < 0) {
                co_return http::Problem::BadRequest("validation.invalid_format");
            }
            last_id = value;
        }
        co_return http::EventStream(std::make_shared<TickerBody>(
            epoch_, std::chrono::milliseconds(QueryInt(request, "interval_ms", 100, 5, 60000)),
            std::chrono::milliseconds(QueryInt(request, "heartbeat_ms", 1000, 10, 60000)),
            std::chrono::milliseconds(QueryInt(request, "retry_ms", 500, 10, 60000)),
            QueryInt(request, "close_after", 0, 0, 1000000), last_id));
    }

private:
    const SteadyTime epoch_;
};

class EchoSession final : public http::WebSocketSession {
public:
    explicit EchoSession(std::int64_t user_id) : user_id_(user_id) {}

    core::Task<void> OnOpen() override {
        Send("{\"hello\":" + std::to_string(user_id_) + "}");
        co_return;
    }

    core::Task<void> OnMessage(const std::string& data, bool binary) override {
        if (!binary && data.starts_with("flood ")) {
            std::istringstream words(data.substr(6));
            long count = 0;
            std::size_t bytes = 0;
            int per_ms = 1;
            words >> count >> bytes >> per_ms;
            auto self = std::static_pointer_cast<EchoSession>(shared_from_this());
            const auto executor = co_await boost::asio::this_coro::executor;
            boost::asio::co_spawn(executor, Flood(self, count, std::min<std::size_t>(bytes, 1 << 20), std::max(1, per_ms)),
                                  boost::asio::detached);
            co_return;
        }
        if (!binary && data == "close") {
            Close(http::close_code::kNormal, "bye");
            co_return;
        }
        Send(data, binary);
    }

private:
    // Sends without regard for whether the client keeps up, as a fan-out would.
    static core::Task<void> Flood(std::shared_ptr<EchoSession> self, long count, std::size_t bytes, int per_ms) {
        boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
        const std::string payload(bytes, 'x');
        for (long sent = 0; sent < count;) {
            for (int i = 0; i < per_ms && sent < count; ++i, ++sent) {
                if (!self->Send(payload)) co_return;  // closing, or cut off for not reading
            }
            timer.expires_after(1ms);
            co_await timer.async_wait(core::AsTuple{});
        }
    }

    const std::int64_t user_id_;
};

class EchoHandler final : public http::WebSocketHandler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override {
        co_return http::AcceptWebSocket(std::make_shared<EchoSession>(request.User()));
    }
};

// What the upload handler saw: in memory, or in the spooled file.
http::Response DescribeUpload(const http::Request& request) {
    if (!request.body_file) {
        return http::Json(boost::json::object{
            {"spooled", false}, {"size", request.body.size()}, {"sha256", Sha256Hex(request.body)}});
    }
    std::ifstream in(request.body_file->path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return http::Json(boost::json::object{{"spooled", true},
                                          {"size", request.body_file->size},
                                          {"sha256", Sha256Hex(content.str())},
                                          {"path", request.body_file->path.string()}});
}

class UploadHandler final : public http::Handler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override { co_return DescribeUpload(request); }
};

class SizeHandler final : public http::Handler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override {
        co_return http::Json(boost::json::object{{"size", request.body.size()}});
    }
};

class LimitedHandler final : public http::Handler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override {
        co_return http::Json(boost::json::object{{"user", request.user_id ? std::to_string(*request.user_id) : ""}});
    }
};

class DownloadBody final : public http::StreamBody {
public:
    DownloadBody(std::uint64_t bytes, std::size_t piece) : bytes_(bytes), piece_(piece) {}
    core::Task<void> Run(http::StreamWriter& out) override {
        const std::string chunk(piece_, 'd');
        for (std::uint64_t left = bytes_; left > 0;) {
            const std::string part = left >= chunk.size() ? chunk : chunk.substr(0, left);
            if (!co_await out.Write(part)) co_return;
            left -= part.size();
        }
    }

private:
    const std::uint64_t bytes_;
    const std::size_t piece_;
};

class DownloadHandler final : public http::StreamHandler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override {
        const auto bytes = static_cast<std::uint64_t>(QueryInt(request, "bytes", 1 << 20, 0, std::int64_t{1} << 34));
        const auto piece = static_cast<std::size_t>(QueryInt(request, "piece", 64 << 10, 1, 1 << 20));
        co_return http::Stream(std::make_shared<DownloadBody>(bytes, piece), "application/octet-stream", bytes);
    }
};

class IdempotentHandler final : public http::Handler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override {
        const bool required = request.Options().idempotency == http::Idempotency::kRequired;
        co_return http::Json(boost::json::object{{"idempotency", required ? "required" : "other"}});
    }
};

class StreamTestModuleImpl final : public runtime::Module {
public:
    explicit StreamTestModuleImpl(runtime::ServiceContext&) : events_(std::chrono::steady_clock::now()) {}

    void Register(runtime::Registry& r) override {
        const http::RouteOptions browser{.access_cookie = true, .stream_ticket = true};
        r.AddRoute({Verb::kGet, "/api/v1/test/events", Auth::kUser, browser}, events_);
        r.AddRoute({Verb::kGet, "/api/v1/test/echo", Auth::kUser,
                    {.access_cookie = true, .stream_ticket = true, .max_message_bytes = 64 << 10}},
                   echo_);
        r.AddRoute({Verb::kPost, "/api/v1/test/upload", Auth::kUser, {.max_body_bytes = 8 << 20, .spool_above_bytes = 64 << 10}},
                   upload_);
        r.AddRoute({Verb::kPost, "/api/v1/test/small", Auth::kPublic, {.max_body_bytes = 1024}}, small_);
        r.AddRoute({Verb::kGet, "/api/v1/test/limited", Auth::kOptional, {.rate_limit = {3, std::chrono::seconds(60)}}},
                   limited_);
        r.AddRoute({Verb::kGet, "/api/v1/test/download", Auth::kPublic}, download_);
        r.AddRoute({Verb::kPost, "/api/v1/test/idempotent", Auth::kPublic, {.idempotency = http::Idempotency::kRequired}},
                   idempotent_);
    }

private:
    EventsHandler events_;
    EchoHandler echo_;
    UploadHandler upload_;
    SizeHandler small_;
    LimitedHandler limited_;
    DownloadHandler download_;
    IdempotentHandler idempotent_;
};

std::unique_ptr<runtime::Module> MakeStreamTestModule(runtime::ServiceContext& context) {
    return std::make_unique<StreamTestModuleImpl>(context);
}

}  // namespace

runtime::ModuleEntry StreamTestModule() { return {"streamtest", &MakeStreamTestModule}; }

std::span<const runtime::ModuleEntry> ModulesWithStreamTest() {
    static const std::vector<runtime::ModuleEntry> modules = [] {
        std::vector<runtime::ModuleEntry> all(app::AllModules().begin(), app::AllModules().end());
        all.push_back(StreamTestModule());
        return all;
    }();
    return modules;
}

}  // namespace sikgu::test
