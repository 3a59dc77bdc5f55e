#include "core/http/server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/async/task.hpp"
#include "core/http/live.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/response_head.hpp"
#include "core/http/stream.hpp"
#include "core/http/websocket.hpp"
#include "core/http/websocket_connection.hpp"
#include "core/obs/log.hpp"
#include "core/obs/metrics.hpp"
#include "core/util/crypto.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

using Acceptor = core::AsTuple::as_default_on_t<tcp::acceptor>;
using Timer = core::AsTuple::as_default_on_t<asio::steady_timer>;

// How much the wait for a request's first bytes reads at once.
constexpr std::size_t kFirstReadBytes = 4096;
// After answering without reading a body, how long and how much of it is read and dropped before the close,
// so the client reads the answer instead of a reset (closing with unread data sends RST).
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::size_t kLingerBytes = 1 << 20;
// The largest body of a refused request that is read (and dropped) to keep its connection alive.
constexpr std::uint64_t kDroppableBodyBytes = 16 << 10;
// A streamed response's client should send nothing; past this much it is treated as gone.
constexpr std::size_t kStreamClientBytes = 64 << 10;

namespace {

Verb ToVerb(bhttp::verb v) {
    switch (v) {
        case bhttp::verb::get: return Verb::kGet;
        case bhttp::verb::head: return Verb::kHead;
        case bhttp::verb::post: return Verb::kPost;
        case bhttp::verb::put: return Verb::kPut;
        case bhttp::verb::patch: return Verb::kPatch;
        case bhttp::verb::delete_: return Verb::kDelete;
        case bhttp::verb::options: return Verb::kOptions;
        default: return Verb::kOther;
    }
}

// Fills `out` from the request's header (the body comes later, or never); returns a problem code when the
// target cannot be used.
std::optional<std::string> ConvertHeader(const bhttp::request<bhttp::string_body>& in, Request& out) {
    out.verb = ToVerb(in.method());
    for (const auto& field : in) {
        out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    const auto url = boost::urls::parse_origin_form(in.target());
    if (!url) return "request.malformed";
    // The path stays percent-encoded: the router splits it into segments first and decodes only parameter
    // values, so an encoded "/" never splits a segment and an encoded letter never spells a route.
    out.path = url->encoded_path();
    if (out.path.empty()) out.path = "/";
    // Without escapes the path is plain ASCII (the parser refused anything else): nothing to decode.
    for (const auto segment : out.path.find('%') == std::string::npos ? boost::urls::segments_encoded_view()
                                                                       : url->encoded_segments()) {
        if (!IsValidUtf8(segment.decode())) {
            out.path = "(invalid utf-8)";  // never echoed into logs or responses
            return "request.invalid_utf8";
        }
    }
    for (const auto& param : url->params()) {
        if (!IsValidUtf8(param.key) || !IsValidUtf8(param.value)) return "request.invalid_utf8";
        out.query.emplace_back(param.key, param.value);
    }
    return std::nullopt;
}

// RFC 9112 §6.1-6.3: a request with Transfer-Encoding must end in chunked, be HTTP/1.1 and carry no
// Content-Length; otherwise its body's end is ambiguous between us and any proxy in front (smuggling).
std::optional<std::string> CheckFraming(const bhttp::request<bhttp::string_body>& header, bool chunked) {
    if (header.find(bhttp::field::transfer_encoding) == header.end()) return std::nullopt;
    if (header.version() < 11 || !chunked || header.find(bhttp::field::content_length) != header.end()) {
        return "request.bad_framing";
    }
    return std::nullopt;
}

// Accept failures that mean the process or the system is out of a resource: retrying at once would spin.
bool IsResourceExhaustion(const boost::system::error_code& ec) {
    if (ec.category() != boost::system::system_category()) return false;
    const int value = ec.value();
    return value == EMFILE || value == ENFILE || value == ENOBUFS || value == ENOMEM;
}

// Descriptors the process holds now (the databases are open by the time the listener is made).
std::size_t OpenDescriptors() {
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        ++n;
    }
    return n;
}

// What the open-file limit leaves for client connections after what is open at start (every service's
// databases) and a margin for what opens later (more pooled reads, mail, uploads, outgoing calls).
std::size_t ConnectionCapFor(std::size_t configured) {
    constexpr std::size_t kDefaultCap = 10000;
    constexpr std::size_t kMargin = 48;
    const std::size_t reserved = std::max<std::size_t>(64, OpenDescriptors() + kMargin);
    rlimit limit{};
    std::size_t allowed = kDefaultCap;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        allowed = limit.rlim_cur > reserved * 2 ? limit.rlim_cur - reserved : limit.rlim_cur / 2;
    }
    if (configured != 0) return configured;  // the operator's number, even above the limit (then accept backs off)
    return std::max<std::size_t>(1, std::min(kDefaultCap, allowed));
}

// Creates the spool folder (owner only) and removes uploads a killed process left behind a day ago or more
// (younger ones may belong to another process sharing the folder).
void PrepareSpoolDir(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::create_directories(dir, ec)) {
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    }
    const auto stale = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.path().filename().string().starts_with("sikgu-upload-")) continue;
        std::error_code entry_ec;
        if (entry.last_write_time(entry_ec) < stale && !entry_ec) std::filesystem::remove(entry.path(), entry_ec);
    }
}

// A request body written to a temporary file; the file goes when this does.
class SpoolFile {
public:
    SpoolFile() = default;
    SpoolFile(const SpoolFile&) = delete;
    SpoolFile& operator=(const SpoolFile&) = delete;
    ~SpoolFile() { Remove(); }

    // Creates a fresh owner-only file under `dir`; returns its descriptor, or -1.
    int Create(const std::filesystem::path& dir) {
        path_ = dir / ("sikgu-upload-" + RandomToken(12));
        const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) path_.clear();
        return fd;
    }
    void Remove() {
        if (path_.empty()) return;
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        path_.clear();
    }
    const std::filesystem::path& Path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A streamed response in progress: the StreamWriter its body writes to, and what a drain, a closed client
// or a re-check of the credential uses to make it end.
class StreamConnection final : public StreamWriter,
                               public LiveSession,
                               public std::enable_shared_from_this<StreamConnection> {
public:
    StreamConnection(TcpStream& stream, const Request& request, const Pipeline& pipeline, const LiveLimits& limits,
                     LiveRouteStats& stats, bool chunked, std::optional<std::uint64_t> length)
        : stream_(stream),
          executor_(stream.get_executor()),
          wake_(executor_),
          monitor_(executor_),
          request_(request),
          pipeline_(pipeline),
          limits_(limits),
          stats_(stats),
          chunked_(chunked),
          remaining_(length) {}

    // Runs `body` while watching the socket (a client that goes away) and the credential.
    core::Task<void> Run(const std::shared_ptr<StreamBody>& body) {
        using namespace asio::experimental::awaitable_operators;
        co_await (RunBody(body) && Watch() && Monitor());
    }

    core::Task<bool> Write(const std::string& data) override {
        if (broken_) co_return false;
        if (data.empty()) co_return true;
        if (remaining_) {
            if (data.size() > *remaining_) {
                obs::Log(obs::Level::kError, "stream_overrun", {{"request_id", request_.request_id}, {"route", request_.route}});
                Break(StopReason::kError);
                co_return false;
            }
            *remaining_ -= data.size();
        }
        char size_line[24];
        const int size_length = chunked_ ? std::snprintf(size_line, sizeof size_line, "%zx\r\n", data.size()) : 0;
        const std::array<asio::const_buffer, 3> buffers{
            asio::buffer(size_line, static_cast<std::size_t>(size_length)), asio::buffer(data),
            chunked_ ? asio::buffer("\r\n", 2) : asio::const_buffer{}};
        // Back-pressure: the body waits here until the socket has taken the piece; a client that takes
        // nothing for the write timeout is cut off (the stream's timer closes the socket).
        stream_.expires_after(limits_.write_timeout);
        auto [ec, n] = co_await asio::async_write(stream_, buffers);
        if (ec) {
            Break(ec == beast::error::timeout ? StopReason::kTooSlow : StopReason::kClientGone);
            co_return false;
        }
        bytes_ += data.size();
        stats_.messages_out.fetch_add(1);
        co_return true;
    }

    core::Task<bool> Wait(std::chrono::milliseconds timeout) override {
        if (Stopping()) co_return false;
        if (!woken_) {
            wake_.expires_after(timeout);
            co_await wake_.async_wait();
        }
        woken_ = false;
        co_return !Stopping();
    }

    std::function<void()> Waker() override {
        return [weak = weak_from_this(), executor = executor_] {
            asio::post(executor, [weak] {
                if (const auto self = weak.lock()) {
                    self->woken_ = true;
                    self->wake_.cancel();
                }
            });
        };
    }

    StopReason Reason() const override { return reason_; }

    void Stop(StopReason reason) override {
        asio::post(executor_, [self = shared_from_this(), reason] { self->StopHere(reason); });
    }

    std::uint64_t Bytes() const { return bytes_; }

private:
    core::Task<void> RunBody(const std::shared_ptr<StreamBody>& body) {
        try {
            co_await body->Run(*this);
        } catch (const std::exception& e) {
            obs::Log(obs::Level::kError, "unhandled_exception",
                     {{"request_id", request_.request_id}, {"route", request_.route}, {"what", e.what()}});
            Break(StopReason::kError);
        }
        if (remaining_ && *remaining_ > 0) Break(StopReason::kError);  // shorter than announced: the close tells
        if (chunked_ && !broken_) {
            stream_.expires_after(limits_.write_timeout);
            auto [ec, n] = co_await asio::async_write(stream_, asio::buffer("0\r\n\r\n", 5));
            if (ec) Break(StopReason::kClientGone);
        }
        done_ = true;
        boost::system::error_code ignored;
        stream_.socket().cancel(ignored);  // ends Watch
        monitor_.cancel();
    }

    // A streamed response's client only reads; the read that completes tells that it has gone.
    core::Task<void> Watch() {
        std::array<char, 512> scratch{};
        std::size_t received = 0;
        while (!done_) {
            auto [ec, n] = co_await stream_.socket().async_read_some(asio::buffer(scratch), core::AsTuple{});
            if (ec) {
                if (!done_ && ec != asio::error::operation_aborted) Break(StopReason::kClientGone);
                break;
            }
            received += n;
            if (received > kStreamClientBytes) {
                Break(StopReason::kClientGone);
                break;
            }
        }
    }

    core::Task<void> Monitor() {
        while (!done_ && !broken_) {
            monitor_.expires_after(limits_.recheck_interval);
            co_await monitor_.async_wait();
            if (done_) break;
            if (const StopReason verdict = pipeline_.Recheck(request_); verdict != StopReason::kNone) {
                StopHere(verdict);
                break;
            }
        }
    }

    // On the strand: the body is told at its next Wait (and may still write a last event).
    void StopHere(StopReason reason) {
        if (reason_ == StopReason::kNone) reason_ = reason;
        wake_.cancel();
    }

    // On the strand: nothing more can be written.
    void Break(StopReason reason) {
        broken_ = true;
        StopHere(reason);
    }

    TcpStream& stream_;
    TcpStream::executor_type executor_;
    Timer wake_;
    Timer monitor_;
    const Request& request_;
    const Pipeline& pipeline_;
    const LiveLimits& limits_;
    LiveRouteStats& stats_;
    const bool chunked_;
    std::optional<std::uint64_t> remaining_;
    StopReason reason_ = StopReason::kNone;
    bool woken_ = false;
    bool broken_ = false;
    bool done_ = false;
    std::uint64_t bytes_ = 0;
};

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
    Impl(asio::io_context& io_in, ServerOptions options_in, const Pipeline& pipeline_in)
        : io(io_in),
          options(std::move(options_in)),
          max_connections(ConnectionCapFor(options.max_connections)),
          pipeline(pipeline_in),
          acceptor(io_in),
          live_limits{.write_timeout = options.stream_write_timeout,
                      .recheck_interval = options.live_recheck_interval,
                      .websocket_idle = options.websocket_idle_timeout,
                      .websocket_handshake = options.read_timeout,
                      .websocket_max_message = options.websocket_max_message_bytes,
                      .websocket_queue_bytes = options.websocket_queue_bytes},
          spool_dir(options.spool_dir.empty() ? std::filesystem::temp_directory_path() : options.spool_dir) {}

    struct Connection {
        TcpStream stream;
        std::string remote;  // the TCP peer's address
        // Reading or answering a request. A new connection counts as busy until its first answer: its
        // client has just connected to send something, so a drain reads and answers it (within the read
        // timeout) instead of closing it unanswered.
        std::atomic<bool> busy{true};
        // A stream or WebSocket session running on this connection, which a drain asks to end.
        std::mutex live_mutex;
        std::shared_ptr<LiveSession> live;
        Connection(tcp::socket socket, std::string remote_in) : stream(std::move(socket)), remote(std::move(remote_in)) {}
    };

    asio::io_context& io;
    ServerOptions options;
    const std::size_t max_connections;
    const Pipeline& pipeline;
    Acceptor acceptor;
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> open{0};
    std::mutex connections_mutex;
    std::set<std::shared_ptr<Connection>> connections;
    std::unordered_map<std::string, std::size_t> per_address;  // open connections by peer address
    std::atomic<std::uint64_t> refused_capacity{0};
    std::atomic<std::uint64_t> refused_per_address{0};
    std::atomic<std::uint64_t> accept_errors{0};
    obs::LogThrottle accept_log{std::chrono::seconds(5)};
    obs::LogThrottle refuse_log{std::chrono::seconds(5)};
    const LiveLimits live_limits;
    const std::filesystem::path spool_dir;
    mutable std::mutex stats_mutex;
    std::map<std::string, std::unique_ptr<LiveRouteStats>, std::less<>> live_stats;  // by route pattern

    LiveRouteStats& StatsFor(const Route& route) {
        std::lock_guard lock(stats_mutex);
        auto& stats = live_stats[route.spec.pattern];
        if (!stats) stats = std::make_unique<LiveRouteStats>(route.spec.pattern, route.kind);
        return *stats;
    }

    // Makes `live` reachable by a drain; a drain that began before it could see it is applied at once.
    void SetLive(Connection& c, const std::shared_ptr<LiveSession>& live) {
        {
            std::lock_guard lock(c.live_mutex);
            c.live = live;
        }
        if (stopping.load()) live->Stop(StopReason::kShutdown);
    }

    void ClearLive(Connection& c) {
        std::lock_guard lock(c.live_mutex);
        c.live.reset();
    }

    bool Unlimited(const std::string& address) const {
        return std::find(options.unlimited_addresses.begin(), options.unlimited_addresses.end(), address) !=
               options.unlimited_addresses.end();
    }

    // Registers a new connection unless a cap is reached; returns the reason it was refused otherwise.
    std::optional<std::string_view> Admit(const std::shared_ptr<Connection>& connection) {
        std::lock_guard lock(connections_mutex);
        if (connections.size() >= max_connections) {
            refused_capacity.fetch_add(1);
            return "max_connections";
        }
        const bool limited = !Unlimited(connection->remote);
        if (limited && per_address[connection->remote] >= options.max_connections_per_address) {
            refused_per_address.fetch_add(1);
            return "max_connections_per_address";
        }
        if (limited) ++per_address[connection->remote];
        connections.insert(connection);
        open.fetch_add(1);
        return std::nullopt;
    }

    void Forget(const std::shared_ptr<Connection>& connection) {
        std::lock_guard lock(connections_mutex);
        if (connections.erase(connection) == 0) return;
        open.fetch_sub(1);
        if (const auto it = per_address.find(connection->remote); it != per_address.end() && --it->second == 0) {
            per_address.erase(it);
        }
    }

    core::Task<void> Accept() {
        auto self = shared_from_this();
        Timer backoff_timer(acceptor.get_executor());
        std::chrono::milliseconds backoff{0};
        while (!stopping.load()) {
            auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io));
            if (ec) {
                if (stopping.load() || ec == asio::error::operation_aborted) break;
                accept_errors.fetch_add(1);
                const bool exhausted = IsResourceExhaustion(ec);
                // Out of descriptors the pending connection stays queued and accept fails again at once:
                // wait, longer each time, until connections have closed.
                if (exhausted) backoff = std::min(std::chrono::milliseconds(1000), std::max(backoff * 2, std::chrono::milliseconds(10)));
                if (const auto held = accept_log.Allow()) {
                    obs::Log(obs::Level::kWarn, "accept_failed",
                             {{"error", ec.message()}, {"suppressed", *held}, {"retry_ms", exhausted ? backoff.count() : 0}});
                }
                if (exhausted) {
                    backoff_timer.expires_after(backoff);
                    co_await backoff_timer.async_wait();
                }
                continue;
            }
            backoff = std::chrono::milliseconds(0);
            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            const auto endpoint = socket.remote_endpoint(ignored);
            auto connection = std::make_shared<Connection>(std::move(socket), ignored ? "" : endpoint.address().to_string());
            if (const auto refused = Admit(connection)) {
                if (const auto held = refuse_log.Allow()) {
                    obs::Log(obs::Level::kWarn, "connection_refused",
                             {{"reason", *refused}, {"remote", connection->remote}, {"suppressed", *held}});
                }
                connection->stream.socket().close(ignored);
                continue;
            }
            const auto executor = connection->stream.get_executor();
            asio::co_spawn(executor, Serve(connection),
                           [self, connection](std::exception_ptr) { self->Forget(connection); });
        }
    }

    // Sends the head and, unless `head_only`, the body in one gathered write.
    core::Task<boost::system::error_code> Write(Connection& c, std::string& head, const Response& response,
                                                unsigned version, bool keep_alive, bool head_only) {
        WriteResponseHead(head, response, version, keep_alive);
        const bool with_body = !head_only && StatusHasBody(response.status) && !response.body.empty();
        const std::array<asio::const_buffer, 2> buffers{asio::buffer(head),
                                                        with_body ? asio::buffer(response.body) : asio::const_buffer{}};
        c.stream.expires_after(options.write_timeout);
        auto [ec, written] = co_await asio::async_write(c.stream, buffers);
        co_return ec;
    }

    core::Task<void> WriteProblem(Connection& c, std::string& head, const Request& request, const std::string& code,
                                  int status) {
        const Response response = pipeline.RenderProblem(request, ProblemInfo{code, status, {}, std::nullopt});
        pipeline.Record(request, response, 0.0);
        co_await Write(c, head, response, 11, false, false);
    }

    // The problem for a failed read, or nullopt when the connection just closed or timed out.
    static std::optional<std::pair<std::string, int>> ReadProblem(const boost::system::error_code& ec) {
        if (ec == bhttp::error::body_limit) return std::pair{std::string("request.body_too_large"), 413};
        if (ec == bhttp::error::header_limit) return std::pair{std::string("request.headers_too_large"), 431};
        if (ec == bhttp::error::bad_transfer_encoding || ec == bhttp::error::bad_content_length) {
            return std::pair{std::string("request.bad_framing"), 400};
        }
        if (ec.category() == make_error_code(bhttp::error::end_of_stream).category() &&
            ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
            return std::pair{std::string("request.malformed"), 400};
        }
        return std::nullopt;
    }

    // After an answer sent without reading the request's body: stop sending, then read and drop what the
    // client is still sending for a moment, so that closing does not reset the connection before the
    // client has read the answer.
    static core::Task<void> Linger(Connection& c) {
        boost::system::error_code ignored;
        c.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        c.stream.expires_after(kLingerTime);
        std::array<char, 4096> scratch{};
        std::size_t drained = 0;
        while (drained < kLingerBytes) {
            auto [ec, n] = co_await c.stream.async_read_some(asio::buffer(scratch));
            if (ec) break;
            drained += n;
        }
    }

    // Counts a refused stream or WebSocket connection (bad or missing credential, foreign Origin, rate limit).
    void CountRefusal(const Route* route, const Response& answer) {
        if (route == nullptr || route->kind == RouteKind::kRequest || !answer.problem) return;
        const int status = answer.status;
        if (status == 401 || status == 403 || status == 426 || status == 429) StatsFor(*route).Refused(answer.problem->code);
    }

    enum class BodyOutcome { kRead, kAnswered, kClosed };

    // Reads the body of an admitted request within the route's limit, into memory or (above the route's
    // spool size, and for chunked bodies) into `spool`.
    template <class Parser>
    core::Task<BodyOutcome> ReadBody(Connection& c, beast::flat_buffer& buffer, Parser& parser, Request& request,
                                     const Route& route, SpoolFile& spool, std::string& head) {
        const RouteOptions& route_options = route.spec.options;
        const std::uint64_t limit = route_options.max_body_bytes != 0 ? route_options.max_body_bytes : options.max_body_bytes;
        const auto length = parser.content_length();
        if (length && *length > limit) {
            co_await WriteProblem(c, head, request, "request.body_too_large", 413);
            co_return BodyOutcome::kAnswered;
        }
        if (parser.is_done()) co_return BodyOutcome::kRead;  // no body
        // The client waits for this before sending a body, so a refusal above cost it nothing.
        if (const auto expect = request.GetHeader("expect"); expect && AsciiEqualsIgnoreCase(*expect, "100-continue") &&
                                                           parser.get().version() >= 11) {
            c.stream.expires_after(options.write_timeout);
            auto [ec, n] = co_await asio::async_write(c.stream, asio::buffer("HTTP/1.1 100 Continue\r\n\r\n", 25));
            if (ec) co_return BodyOutcome::kClosed;
            c.stream.expires_after(options.read_timeout);
        }
        const bool spool_it = route_options.spool_above_bytes != 0 && (!length || *length > route_options.spool_above_bytes);
        boost::system::error_code ec;
        if (spool_it) {
            bhttp::request_parser<bhttp::file_body> file_parser(std::move(parser));
            file_parser.body_limit(limit);
            const int fd = spool.Create(spool_dir);
            if (fd < 0) {
                obs::Log(obs::Level::kError, "upload_spool_failed",
                         {{"request_id", request.request_id}, {"dir", spool_dir.string()}, {"error", std::strerror(errno)}});
                co_await WriteProblem(c, head, request, "server.overloaded", 503);
                co_return BodyOutcome::kAnswered;
            }
            beast::file file;
            file.native_handle(fd);
            file_parser.get().body().reset(std::move(file), ec);
            if (!ec) std::tie(ec, std::ignore) = co_await bhttp::async_read(c.stream, buffer, file_parser);
            file_parser.get().body().close();
            if (!ec) {
                std::error_code size_ec;
                request.body_file = SpooledBody{spool.Path(), std::filesystem::file_size(spool.Path(), size_ec)};
            }
        } else {
            parser.body_limit(limit);
            std::tie(ec, std::ignore) = co_await bhttp::async_read(c.stream, buffer, parser);
            if (!ec) request.body = std::move(parser.get().body());
        }
        if (!ec) co_return BodyOutcome::kRead;
        if (const auto problem = ReadProblem(ec)) {
            co_await WriteProblem(c, head, request, problem->first, problem->second);
            co_return BodyOutcome::kAnswered;
        }
        co_return BodyOutcome::kClosed;
    }

    // Writes a streamed response: its head, then whatever its body writes, until the body returns, the
    // client goes or a drain, expiry or revocation ends it. The connection closes afterwards.
    core::Task<void> ServeStream(Connection& c, std::string& head, const Request& request, const Route& route,
                                 const Response& response, unsigned version) {
        WriteResponseHead(head, response, version, false);
        c.stream.expires_after(options.write_timeout);
        auto [ec, n] = co_await asio::async_write(c.stream, asio::buffer(head));
        if (ec) co_return;
        head = std::string{};
        const auto started = std::chrono::steady_clock::now();
        LiveRouteStats& stats = StatsFor(route);
        const bool chunked = !response.stream_length && version >= 11;
        const auto live = std::make_shared<StreamConnection>(c.stream, request, pipeline, live_limits, stats, chunked,
                                                             response.stream_length);
        stats.open.fetch_add(1);
        SetLive(c, live);
        co_await live->Run(response.stream);
        ClearLive(c);
        stats.open.fetch_sub(1);
        stats.Ended(live->Reason() == StopReason::kNone ? StopReason::kClosed : live->Reason());
        if (obs::Enabled(obs::Level::kInfo)) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            obs::Log(obs::Level::kInfo, "live_closed",
                     {{"request_id", request.request_id},
                      {"route", request.route},
                      {"kind", "stream"},
                      {"reason", StopReasonName(live->Reason() == StopReason::kNone ? StopReason::kClosed : live->Reason())},
                      {"duration_ms", std::round(seconds * 1e3)},
                      {"bytes", live->Bytes()}});
        }
    }

    core::Task<void> ServeWebSocket(Connection& c, const UpgradeRequest& upgrade, const Request& request,
                                    const Route& route, const Response& response) {
        const std::function<void(const std::shared_ptr<LiveSession>&)> on_live =
            [this, &c](const std::shared_ptr<LiveSession>& live) { SetLive(c, live); };
        co_await RunWebSocket(c.stream, upgrade, request, response.websocket, pipeline, live_limits, StatsFor(route),
                              on_live);
        ClearLive(c);
    }

    core::Task<void> Serve(std::shared_ptr<Connection> connection) {
        Connection& c = *connection;
        beast::flat_buffer buffer;
        std::string head;
        bool first = true;
        bool linger = false;
        while (!stopping.load()) {
            // Between requests a connection may idle; once a request's first byte is here, the whole request
            // must arrive within the read timeout (a slow sender cannot hold the slot for the idle time).
            if (buffer.size() == 0) {
                c.stream.expires_after(first ? options.read_timeout : options.idle_timeout);
                auto [ec, n] = co_await c.stream.async_read_some(buffer.prepare(kFirstReadBytes));
                if (ec) break;  // closed, timed out, or cancelled by a drain
                buffer.commit(n);
            }
            first = false;
            c.busy.store(true);
            c.stream.expires_after(options.read_timeout);
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
            parser.body_limit(boost::none);  // the route's limit applies once the route is known
            Request request;
            request.remote_address = c.remote;
            auto [header_ec, header_bytes] = co_await bhttp::async_read_header(c.stream, buffer, parser);
            if (header_ec) {
                if (const auto problem = ReadProblem(header_ec)) {
                    request.request_id = ChooseRequestId(request);
                    co_await WriteProblem(c, head, request, problem->first, problem->second);
                }
                break;
            }
            if (const auto framing = CheckFraming(parser.get(), parser.chunked())) {
                request.request_id = ChooseRequestId(request);
                co_await WriteProblem(c, head, request, *framing, 400);
                break;  // the rest of the stream cannot be told apart from a smuggled request
            }
            const unsigned version = parser.get().version();
            const bool keep_alive = parser.get().keep_alive();
            const bool head_only = parser.get().method() == bhttp::verb::head;
            if (auto problem = ConvertHeader(parser.get(), request)) {
                request.request_id = ChooseRequestId(request);
                co_await WriteProblem(c, head, request, *problem, 400);
                break;
            }
            // Routing, authentication and the route's checks come from the headers alone: a request that is
            // refused is refused before any of its body is read.
            auto admission = pipeline.Admit(request);
            if (admission.answer) {
                CountRefusal(admission.route, *admission.answer);
                bool body_unread = !parser.is_done();
                const auto length = parser.content_length();
                if (body_unread && keep_alive && length && *length <= kDroppableBodyBytes && !request.GetHeader("expect")) {
                    // A small body (a refused JSON call's, usually here already) is cheaper to read and drop
                    // than the connection; anything larger is refused unread and the connection closed.
                    auto [drop_ec, dropped] = co_await bhttp::async_read(c.stream, buffer, parser);
                    body_unread = static_cast<bool>(drop_ec);
                }
                const bool keep = keep_alive && !stopping.load() && !body_unread;
                const auto write_ec = co_await Write(c, head, *admission.answer, version, keep, head_only);
                c.busy.store(false);
                linger = body_unread;
                if (write_ec || !keep) break;
                continue;
            }
            const Route& route = *admission.route;
            if (route.kind == RouteKind::kWebSocket) {
                if (!parser.is_done()) {  // a handshake has no body
                    co_await WriteProblem(c, head, request, "request.malformed", 400);
                    linger = true;
                    break;
                }
                const Response response = co_await pipeline.Handle(request, route);
                if (response.websocket) {
                    co_await ServeWebSocket(c, parser.get(), request, route, response);
                } else {
                    Response internal;
                    co_await Write(c, head, Sane(request, response, internal), version, false, false);
                }
                break;
            }
            SpoolFile spool;
            const BodyOutcome body = co_await ReadBody(c, buffer, parser, request, route, spool, head);
            if (body != BodyOutcome::kRead) {
                linger = body == BodyOutcome::kAnswered;
                break;
            }
            const Response response = co_await pipeline.Handle(request, route);
            spool.Remove();  // the handler is done with it
            if (response.stream && route.kind == RouteKind::kStream) {
                if (head_only) {
                    const auto write_ec = co_await Write(c, head, response, version, keep_alive && !stopping.load(), true);
                    c.busy.store(false);
                    if (write_ec || !keep_alive) break;
                    continue;
                }
                // Its client sends nothing more: the read buffer and the parsed message are not kept for the
                // stream's life (they are much of what an idle stream holds).
                buffer = beast::flat_buffer{};
                { const auto parsed = parser.release(); }
                co_await ServeStream(c, head, request, route, response, version);
                break;
            }
            const bool keep = keep_alive && !stopping.load();
            Response internal;
            const auto write_ec = co_await Write(c, head, Sane(request, response, internal), version, keep, head_only);
            c.busy.store(false);
            if (write_ec || !keep) break;
        }
        if (linger) co_await Linger(c);
        boost::system::error_code ignored;
        c.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        c.stream.close();
    }

    // A stream or an upgrade where none can run (a request route, a refused handshake) is a bug in the
    // handler: it is answered as one (into `internal`) rather than sent as an empty 200 or a 101 without a switch.
    const Response& Sane(const Request& request, const Response& response, Response& internal) const {
        if (!response.stream && !response.websocket) return response;
        obs::Log(obs::Level::kError, "long_lived_answer_refused",
                 {{"request_id", request.request_id}, {"route", request.route}, {"status", response.status}});
        internal = pipeline.RenderProblem(request, ProblemInfo{"server.internal", 500, {}, std::nullopt});
        return internal;
    }
};

HttpServer::HttpServer(asio::io_context& io, ServerOptions options, const Pipeline& pipeline)
    : impl_(std::make_shared<Impl>(io, std::move(options), pipeline)) {}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::Start() {
    PrepareSpoolDir(impl_->spool_dir);
    const tcp::endpoint endpoint{asio::ip::make_address(impl_->options.bind), impl_->options.port};
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen(asio::socket_base::max_listen_connections);
    const auto port = impl_->acceptor.local_endpoint().port();
    asio::co_spawn(impl_->acceptor.get_executor(), impl_->Accept(), asio::detached);
    return port;
}

void HttpServer::BeginShutdown() {
    auto impl = impl_;
    impl->stopping.store(true);
    asio::post(impl->acceptor.get_executor(), [impl] {
        boost::system::error_code ignored;
        impl->acceptor.close(ignored);
    });
    std::lock_guard lock(impl->connections_mutex);
    for (const auto& connection : impl->connections) {
        std::shared_ptr<LiveSession> live;
        {
            std::lock_guard live_lock(connection->live_mutex);
            live = connection->live;
        }
        if (live) {
            live->Stop(StopReason::kShutdown);  // a WebSocket gets its close frame, a stream its last event
            continue;
        }
        if (connection->busy.load()) continue;  // finishes its request, then sees `stopping`
        asio::post(connection->stream.get_executor(), [connection] {
            boost::system::error_code ignored;  // the client may have closed it meanwhile
            connection->stream.socket().cancel(ignored);
        });
    }
}

std::size_t HttpServer::OpenConnections() const { return impl_->open.load(); }

std::size_t HttpServer::MaxConnections() const { return impl_->max_connections; }

RefusedConnections HttpServer::Refused() const {
    return {impl_->refused_capacity.load(), impl_->refused_per_address.load(), impl_->accept_errors.load()};
}

void HttpServer::ExportMetrics(obs::Metrics& m) const {
    std::lock_guard lock(impl_->stats_mutex);
    for (const auto& [route, stats] : impl_->live_stats) {
        const bool websocket = stats->kind == RouteKind::kWebSocket;
        const std::string kind = websocket ? "websocket" : "stream";
        const double open = static_cast<double>(stats->open.load());
        if (websocket) {
            m.SetGauge("sikgu_websocket_sessions", "Open WebSocket sessions", {{"route", route}}, open);
            m.SetCounter("sikgu_websocket_messages_total", "WebSocket messages by direction", {{"route", route}, {"direction", "in"}},
                         static_cast<double>(stats->messages_in.load()));
            m.SetCounter("sikgu_websocket_messages_total", "WebSocket messages by direction", {{"route", route}, {"direction", "out"}},
                         static_cast<double>(stats->messages_out.load()));
        } else {
            m.SetGauge("sikgu_http_streams", "Open streamed responses", {{"route", route}}, open);
            m.SetCounter("sikgu_http_stream_writes_total", "Pieces written to streamed responses", {{"route", route}},
                         static_cast<double>(stats->messages_out.load()));
        }
        std::lock_guard stats_lock(stats->mutex);
        for (const auto& [reason, count] : stats->ended) {
            m.SetCounter("sikgu_live_connections_ended_total",
                         "Streams and WebSocket sessions that ended, by reason (too_slow: cut off for back-pressure)",
                         {{"route", route}, {"kind", kind}, {"reason", reason}}, static_cast<double>(count));
        }
        for (const auto& [code, count] : stats->refused) {
            m.SetCounter("sikgu_live_connections_refused_total",
                         "Stream and WebSocket connections refused before opening (credential, Origin, rate limit)",
                         {{"route", route}, {"kind", kind}, {"code", code}}, static_cast<double>(count));
        }
    }
}

}  // namespace sikgu::http
