#include "core/http/server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>

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
    out.path = url->path();
    if (out.path.empty()) out.path = "/";
    if (!IsValidUtf8(out.path)) {
        out.path = "(invalid utf-8)";  // never echoed into logs or responses
        return "request.invalid_utf8";
    }
    for (const auto& param : url->params()) {
        if (!IsValidUtf8(param.key) || !IsValidUtf8(param.value)) return "request.invalid_utf8";
        out.query.emplace_back(param.key, param.value);
    }
    return std::nullopt;
}

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
    Impl(asio::io_context& io_in, ServerOptions options_in, const Pipeline& pipeline_in)
        : io(io_in), options(std::move(options_in)), pipeline(pipeline_in), acceptor(io_in) {}

    struct Connection {
        Stream stream;
        // Reading or answering a request. A new connection counts as busy until its first answer: its
        // client has just connected to send something, so a drain reads and answers it (within the read
        // timeout) instead of closing it unanswered.
        std::atomic<bool> busy{true};
        explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    };

    asio::io_context& io;
    ServerOptions options;
    const Pipeline& pipeline;
    Acceptor acceptor;
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> open{0};
    std::mutex connections_mutex;
    std::set<std::shared_ptr<Connection>> connections;

    core::Task<void> Accept() {
        auto self = shared_from_this();
        while (!stopping.load()) {
            auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io));
            if (ec) {
                if (stopping.load() || ec == asio::error::operation_aborted) break;
                obs::Log(obs::Level::kWarn, "accept_failed", {{"error", ec.message()}});
                continue;
            }
            socket.set_option(tcp::no_delay(true), ec);
            auto connection = std::make_shared<Connection>(std::move(socket));
            {
                std::lock_guard lock(connections_mutex);
                connections.insert(connection);
            }
            open.fetch_add(1);
            const auto executor = connection->stream.get_executor();
            asio::co_spawn(executor, Serve(connection), [self, connection](std::exception_ptr) {
                std::lock_guard lock(self->connections_mutex);
                self->connections.erase(connection);
                self->open.fetch_sub(1);
            });
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

    core::Task<void> Serve(std::shared_ptr<Connection> connection) {
        Connection& c = *connection;
        beast::flat_buffer buffer;
        std::string head;
        std::string remote;
        {
            boost::system::error_code ec;
            const auto endpoint = c.stream.socket().remote_endpoint(ec);
            if (!ec) remote = endpoint.address().to_string();
        }
        bool first = true;
        while (!stopping.load()) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
            parser.body_limit(options.max_body_bytes);
            c.stream.expires_after(first ? options.read_timeout : options.idle_timeout);
            first = false;
            auto [ec, bytes] = co_await bhttp::async_read(c.stream, buffer, parser);
            c.busy.store(true);
            Request request;
            request.remote_address = remote;
            if (ec) {
                if (ec == bhttp::error::body_limit) {
                    request.request_id = ChooseRequestId(request);
                    co_await WriteProblem(c, head, request, "request.body_too_large", 413);
                } else if (ec == bhttp::error::header_limit) {
                    request.request_id = ChooseRequestId(request);
                    co_await WriteProblem(c, head, request, "request.headers_too_large", 431);
                } else if (ec.category() == make_error_code(bhttp::error::end_of_stream).category() &&
                           ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
                    request.request_id = ChooseRequestId(request);
                    co_await WriteProblem(c, head, request, "request.malformed", 400);
                }
                break;  // closed, timed out, or answered above
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

}  // namespace sikgu::http
