#include "core/http/server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/async/task.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/response_head.hpp"
#include "core/obs/log.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Stream = core::AsTuple::as_default_on_t<beast::tcp_stream>;
using Acceptor = core::AsTuple::as_default_on_t<tcp::acceptor>;
using Timer = core::AsTuple::as_default_on_t<asio::steady_timer>;

// How much the wait for a request's first bytes reads at once.
constexpr std::size_t kFirstReadBytes = 4096;

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

// Fills `out` from the Beast request; returns a problem code when the target cannot be used.
std::optional<std::string> Convert(bhttp::request<bhttp::string_body>&& in, Request& out) {
    out.verb = ToVerb(in.method());
    for (const auto& field : in) {
        out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    out.body = std::move(in.body());
    const auto url = boost::urls::parse_origin_form(in.target());
    if (!url) return "request.malformed";
    // The path stays percent-encoded: the router splits it into segments first and decodes only parameter
    // values, so an encoded "/" never splits a segment and an encoded letter never spells a route.
    out.path = url->encoded_path();
    if (out.path.empty()) out.path = "/";
    for (const auto segment : url->encoded_segments()) {
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

// What the open-file limit leaves for client connections after the databases, mail and files.
std::size_t ConnectionCapFor(std::size_t configured) {
    constexpr std::size_t kDefaultCap = 10000;
    constexpr std::size_t kReservedDescriptors = 64;
    rlimit limit{};
    std::size_t allowed = kDefaultCap;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        allowed = limit.rlim_cur > kReservedDescriptors * 2 ? limit.rlim_cur - kReservedDescriptors : limit.rlim_cur / 2;
    }
    if (configured != 0) return configured;  // the operator's number, even above the limit (then accept backs off)
    return std::max<std::size_t>(1, std::min(kDefaultCap, allowed));
}

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
    Impl(asio::io_context& io_in, ServerOptions options_in, const Pipeline& pipeline_in)
        : io(io_in),
          options(std::move(options_in)),
          max_connections(ConnectionCapFor(options.max_connections)),
          pipeline(pipeline_in),
          acceptor(io_in) {}

    struct Connection {
        Stream stream;
        std::string remote;  // the TCP peer's address
        // Reading or answering a request. A new connection counts as busy until its first answer: its
        // client has just connected to send something, so a drain reads and answers it (within the read
        // timeout) instead of closing it unanswered.
        std::atomic<bool> busy{true};
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

    core::Task<void> Serve(std::shared_ptr<Connection> connection) {
        Connection& c = *connection;
        beast::flat_buffer buffer;
        std::string head;
        bool first = true;
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
            parser.body_limit(options.max_body_bytes);
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
            auto [body_ec, body_bytes] = co_await bhttp::async_read(c.stream, buffer, parser);
            if (body_ec) {
                if (const auto problem = ReadProblem(body_ec)) {
                    request.request_id = ChooseRequestId(request);
                    co_await WriteProblem(c, head, request, problem->first, problem->second);
                }
                break;
            }
            auto& message = parser.get();
            const unsigned version = message.version();
            const bool keep_alive = message.keep_alive();
            const bool head_only = message.method() == bhttp::verb::head;
            if (auto problem = Convert(parser.release(), request)) {
                request.request_id = ChooseRequestId(request);
                co_await WriteProblem(c, head, request, *problem, 400);
                break;
            }
            const Response response = co_await pipeline.Dispatch(request);
            const bool keep = keep_alive && !stopping.load();
            const auto write_ec = co_await Write(c, head, response, version, keep, head_only);
            c.busy.store(false);
            if (write_ec || !keep) break;
        }
        boost::system::error_code ignored;
        c.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        c.stream.close();
    }
};

HttpServer::HttpServer(asio::io_context& io, ServerOptions options, const Pipeline& pipeline)
    : impl_(std::make_shared<Impl>(io, std::move(options), pipeline)) {}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::Start() {
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

}  // namespace sikgu::http
