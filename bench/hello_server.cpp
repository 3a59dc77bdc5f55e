// The baseline for bench/run.sh: the smallest Boost.Beast coroutine HTTP/1.1 server built the way sikgu's
// server is (one io_context run by N threads, a strand and a timed tcp_stream per connection, keep-alive,
// TCP_NODELAY, string bodies), answering 200 "hello" to every request. Whatever sikgu does beyond this —
// routing, middleware, JSON, SQL — is what the ratio to this server measures.
//
//   bench_hello_server [--port N] [--threads N] [--bind ADDR]
//
// Prints "listening on ADDR:PORT" once the socket is bound (--port 0 picks a free port) and runs until
// SIGINT or SIGTERM. Plain header-only Asio and Beast: it links nothing of sikgu.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using Token = asio::as_tuple_t<asio::use_awaitable_t<>>;
using Stream = Token::as_default_on_t<beast::tcp_stream>;
using Acceptor = Token::as_default_on_t<tcp::acceptor>;

namespace {

constexpr auto kReadTimeout = std::chrono::seconds(30);
constexpr auto kIdleTimeout = std::chrono::seconds(75);
constexpr auto kWriteTimeout = std::chrono::seconds(30);

asio::awaitable<void> Serve(Stream stream) {
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(16 * 1024);
        parser.body_limit(1024 * 1024);
        stream.expires_after(first ? kReadTimeout : kIdleTimeout);
        first = false;
        auto [read_ec, read] = co_await http::async_read(stream, buffer, parser);
        if (read_ec) break;  // closed by the client, timed out, or malformed

        const auto& request = parser.get();
        http::response<http::string_body> response{http::status::ok, request.version()};
        response.set(http::field::content_type, "text/plain; charset=utf-8");
        response.keep_alive(request.keep_alive());
        if (request.method() != http::verb::head) response.body() = "hello";
        response.prepare_payload();

        stream.expires_after(kWriteTimeout);
        auto [write_ec, written] = co_await http::async_write(stream, response);
        if (write_ec || !response.keep_alive()) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
}

asio::awaitable<void> Accept(Acceptor& acceptor, asio::io_context& io) {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io));
        if (ec) {
            if (ec == asio::error::operation_aborted) co_return;
            continue;  // e.g. EMFILE under a flood: keep accepting
        }
        socket.set_option(tcp::no_delay(true), ec);
        const auto executor = socket.get_executor();
        asio::co_spawn(executor, Serve(Stream(std::move(socket))), asio::detached);
    }
}

[[noreturn]] void Usage() {
    std::fprintf(stderr, "usage: bench_hello_server [--port N] [--threads N] [--bind ADDR]\n");
    std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    std::string bind = "127.0.0.1";
    unsigned port = 8081;
    unsigned threads = std::max(1U, std::thread::hardware_concurrency());
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i + 1 >= argc) Usage();
        if (arg == "--port") {
            port = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--threads") {
            threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--bind") {
            bind = argv[++i];
        } else {
            Usage();
        }
    }
    if (port > 65535 || threads == 0) Usage();

    try {
        asio::io_context io(static_cast<int>(threads));
        Acceptor acceptor(io);
        const tcp::endpoint endpoint{asio::ip::make_address(bind), static_cast<unsigned short>(port)};
        acceptor.open(endpoint.protocol());
        acceptor.set_option(asio::socket_base::reuse_address(true));
        acceptor.bind(endpoint);
        acceptor.listen(asio::socket_base::max_listen_connections);
        std::printf("listening on %s:%u (%u threads)\n", bind.c_str(), acceptor.local_endpoint().port(), threads);
        std::fflush(stdout);

        asio::co_spawn(io, Accept(acceptor, io), asio::detached);
        asio::signal_set signals(io, SIGINT, SIGTERM);
        signals.async_wait([&](const boost::system::error_code&, int) { io.stop(); });

        std::vector<std::thread> pool;
        for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
        io.run();
        for (auto& t : pool) t.join();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_hello_server: %s\n", e.what());
        return 1;
    }
    return 0;
}
