#include "core/http/client.hpp"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <atomic>
#include <filesystem>
#include <future>
#include <optional>
#include <sstream>
#include <thread>

#include "core/util/errors.hpp"
#include "support/test_server.hpp"

namespace sikgu::http {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

/// A small HTTP/1.1 server on 127.0.0.1 with keep-alive, on its own thread. Routes:
///   /echo          200, the request back: "<method> <target>\n<name: value>...\n\n<body>"
///   /n/<i>         200 "reply <i>"
///   /hang          reads until the client closes, never answers
///   /redirect      302 to /echo
///   /big?<n>       200 with n bytes and a Content-Length; /chunked?<n> the same, chunked
class LoopbackServer {
public:
    LoopbackServer() : acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)) {
        asio::co_spawn(io_, Accept(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }
    ~LoopbackServer() {
        io_.stop();
        thread_.join();
    }

    std::string Url(const std::string& target) const {
        return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + target;
    }

    std::atomic<int> connections{0};  // accepted
    std::atomic<int> echoes{0};
    std::atomic<int> hanging{0};  // /hang requests whose connection is still open

private:
    core::Task<void> Accept() {
        while (true) {
            auto [ec, socket] = co_await acceptor_.async_accept(core::AsTuple{});
            if (ec) co_return;
            ++connections;
            auto shared = std::make_shared<tcp::socket>(std::move(socket));
            asio::co_spawn(io_, [this, shared]() -> core::Task<void> { co_await Serve(*shared); }, asio::detached);
        }
    }

    core::Task<void> Serve(tcp::socket& socket) {
        std::string buffer;
        char chunk[16384];
        while (true) {
            std::size_t end = 0;
            while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
                auto [ec, n] = co_await socket.async_read_some(asio::buffer(chunk), core::AsTuple{});
                if (ec) co_return;
                buffer.append(chunk, n);
            }
            const std::string head = buffer.substr(0, end);
            buffer.erase(0, end + 4);
            std::istringstream lines(head);
            std::string method, target, version, line;
            lines >> method >> target >> version;
            std::getline(lines, line);
            std::string headers;
            std::size_t length = 0;
            while (std::getline(lines, line)) {
                if (!line.empty() && line.back() == '\r') line.pop_back();
                const auto colon = line.find(':');
                if (colon == std::string::npos) continue;
                std::string name = AsciiLowerCopy(line.substr(0, colon));
                std::string value = line.substr(colon + 1);
                while (!value.empty() && value.front() == ' ') value.erase(0, 1);
                if (name == "content-length") length = std::stoul(value);
                headers += name + ": " + value + "\n";
            }
            while (buffer.size() < length) {
                auto [ec, n] = co_await socket.async_read_some(asio::buffer(chunk), core::AsTuple{});
                if (ec) co_return;
                buffer.append(chunk, n);
            }
            const std::string body = buffer.substr(0, length);
            buffer.erase(0, length);

            if (target == "/hang") {
                ++hanging;
                while (true) {
                    auto [ec, n] = co_await socket.async_read_some(asio::buffer(chunk), core::AsTuple{});
                    if (ec) break;
                }
                --hanging;
                co_return;
            }
            std::string response;
            if (target == "/echo") {
                ++echoes;
                response = Reply(200, method + " " + target + "\n" + headers + "\n" + body);
            } else if (target.starts_with("/n/")) {
                response = Reply(200, "reply " + target.substr(3));
            } else if (target == "/redirect") {
                response = "HTTP/1.1 302 Found\r\nLocation: /echo\r\nContent-Length: 0\r\n\r\n";
            } else if (target.starts_with("/big?")) {
                response = Reply(200, std::string(std::stoul(target.substr(5)), 'x'));
            } else if (target.starts_with("/chunked?")) {
                const std::string data(std::stoul(target.substr(9)), 'x');
                std::ostringstream out;
                out << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" << std::hex << data.size() << "\r\n"
                    << data << "\r\n0\r\n\r\n";
                response = out.str();
            } else {
                response = Reply(404, "no such route");
            }
            auto [ec, n] = co_await asio::async_write(socket, asio::buffer(response), core::AsTuple{});
            if (ec) co_return;
        }
    }

    static std::string AsciiLowerCopy(std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }

    static std::string Reply(int status, const std::string& body) {
        return "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") +
               "\r\nContent-Type: text/plain\r\nX-Server: loopback\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\n\r\n" + body;
    }

    asio::io_context io_;
    tcp::acceptor acceptor_;
    std::thread thread_;
};

/// Runs `task` to completion on `io` on this thread and returns its value (or rethrows).
template <class T>
T RunOn(asio::io_context& io, core::Task<T> task) {
    std::optional<T> value;
    std::exception_ptr error;
    asio::co_spawn(io, std::move(task), [&](std::exception_ptr e, T v) {
        error = e;
        if (!e) value = std::move(v);
    });
    io.restart();
    io.run();
    if (error) std::rethrow_exception(error);
    return std::move(*value);
}

std::size_t OpenFileDescriptors() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

/// Waits up to `limit` for `condition`.
template <class F>
bool Eventually(F condition, std::chrono::milliseconds limit = 2000ms) {
    const auto until = SteadyClock::now() + limit;
    while (!condition()) {
        if (SteadyClock::now() > until) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

ClientRequest Get(const std::string& url, std::chrono::milliseconds timeout = 5s) {
    ClientRequest r;
    r.url = url;
    r.deadline = SteadyClock::now() + timeout;
    return r;
}

ClientErrorKind KindOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const ClientError& e) {
        return e.Kind();
    }
    ADD_FAILURE() << "no ClientError";
    return ClientErrorKind::kTransfer;
}

std::uint64_t Finished(const Client& client, std::string_view outcome) {
    const auto stats = client.Stats();
    for (std::size_t i = 0; i < ClientStats::kOutcomes.size(); ++i) {
        if (ClientStats::kOutcomes[i] == outcome) return stats.finished[i];
    }
    return 0;
}

TEST(HttpClient, GetAndPostWithHeadersAndBody) {
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    const auto caller = std::this_thread::get_id();

    ClientRequest get = Get(server.Url("/echo"));
    get.headers = {{"X-Test", "one two"}, {"Accept", "text/plain"}};
    const ClientResponse got = RunOn(io, [&]() -> core::Task<ClientResponse> {
        auto response = co_await client.Fetch(get);
        // Completed on the awaiting coroutine's executor, not on the client's I/O thread.
        EXPECT_EQ(std::this_thread::get_id(), caller);
        co_return response;
    }());
    EXPECT_EQ(got.status, 200);
    EXPECT_TRUE(got.body.starts_with("GET /echo\n")) << got.body;
    EXPECT_NE(got.body.find("x-test: one two\n"), std::string::npos) << got.body;
    EXPECT_NE(got.body.find("accept: text/plain\n"), std::string::npos) << got.body;
    EXPECT_NE(got.body.find("user-agent: sikgu\n"), std::string::npos) << got.body;
    EXPECT_EQ(got.GetHeader("X-Server"), "loopback");
    EXPECT_EQ(got.GetHeader("content-type"), "text/plain");

    ClientRequest post = Get(server.Url("/echo"));
    post.method = "POST";
    post.headers = {{"Content-Type", "application/json"}};
    post.body = R"({"식물":"몬스테라"})";
    const ClientResponse posted = RunOn(io, client.Fetch(post));
    EXPECT_EQ(posted.status, 200);
    EXPECT_TRUE(posted.body.starts_with("POST /echo\n")) << posted.body;
    EXPECT_NE(posted.body.find("content-type: application/json\n"), std::string::npos);
    EXPECT_NE(posted.body.find("content-length: " + std::to_string(post.body.size())), std::string::npos);
    EXPECT_TRUE(posted.body.ends_with("\n\n" + post.body)) << posted.body;
    EXPECT_EQ(posted.body.find("expect:"), std::string::npos);

    ClientRequest put = post;
    put.method = "PUT";
    EXPECT_TRUE(RunOn(io, client.Fetch(put)).body.starts_with("PUT /echo\n"));
    ClientRequest del = Get(server.Url("/echo"));
    del.method = "DELETE";
    EXPECT_TRUE(RunOn(io, client.Fetch(del)).body.starts_with("DELETE /echo\n"));

    EXPECT_EQ(Finished(client, "ok"), 4U);
    EXPECT_EQ(client.Stats().in_flight, 0U);
}

TEST(HttpClient, ConnectionsAreReused) {
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        EXPECT_EQ(RunOn(io, client.Fetch(Get(server.Url("/n/" + n)))).body, "reply " + n);
    }
    EXPECT_EQ(server.connections.load(), 1);
}

TEST(HttpClient, TwoHundredConcurrentRequestsAllComplete) {
    LoopbackServer server;
    ClientOptions options;
    options.max_connections = 16;
    options.max_queued = 512;
    Client client(options);
    asio::io_context io;
    std::atomic<int> right{0};
    std::atomic<int> wrong{0};
    std::vector<ClientRequest> requests;
    for (int i = 0; i < 200; ++i) requests.push_back(Get(server.Url("/n/" + std::to_string(i)), 20s));
    for (int i = 0; i < 200; ++i) {
        asio::co_spawn(
            io,
            [&, i]() -> core::Task<void> {
                const auto response = co_await client.Fetch(requests[i]);
                if (response.status == 200 && response.body == "reply " + std::to_string(i)) {
                    ++right;
                } else {
                    ++wrong;
                }
            },
            [&](std::exception_ptr e) {
                if (e) ++wrong;
            });
    }
    // Two threads await, as the server's event loop does.
    std::thread second([&] { io.run(); });
    io.run();
    second.join();
    EXPECT_EQ(right.load(), 200);
    EXPECT_EQ(wrong.load(), 0);
    // At most max_connections ran at once, and their connections carried the rest.
    EXPECT_LE(server.connections.load(), 16);
    EXPECT_EQ(client.Stats().in_flight, 0U);
    EXPECT_EQ(client.Stats().queued, 0U);
}

TEST(HttpClient, AServerThatNeverAnswersHitsTheDeadline) {
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    const auto started = SteadyClock::now();
    try {
        RunOn(io, client.Fetch(Get(server.Url("/hang"), 300ms)));
        FAIL() << "no error";
    } catch (const ClientError& e) {
        EXPECT_EQ(e.Kind(), ClientErrorKind::kTimeout) << e.what();
        EXPECT_NE(std::string(e.what()).find("deadline"), std::string::npos) << e.what();
    }
    const auto took = SteadyClock::now() - started;
    EXPECT_GE(took, 290ms);
    EXPECT_LT(took, 600ms);
    EXPECT_EQ(Finished(client, "timeout"), 1U);
}

TEST(HttpClient, ACancelledTransferLeavesTheMultiHandleAtOnceAndLeaksNothing) {
    using namespace boost::asio::experimental::awaitable_operators;
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    // The event loop's reactor (epoll, eventfd, timerfd) comes with its first timer: make it before counting.
    asio::steady_timer warm_up(io);
    const std::size_t before = OpenFileDescriptors();

    const ClientRequest hang = Get(server.Url("/hang"), 10s);
    const auto started = SteadyClock::now();
    const auto index = RunOn(io, [&]() -> core::Task<std::size_t> {
        asio::steady_timer timer(co_await asio::this_coro::executor, 100ms);
        const auto winner = co_await (client.Fetch(hang) || timer.async_wait(asio::use_awaitable));
        // `||` resumes only after the cancelled Fetch has completed: it is off the multi handle now.
        EXPECT_EQ(client.Stats().in_flight, 0U);
        EXPECT_EQ(client.Stats().queued, 0U);
        co_return winner.index();
    }());
    EXPECT_EQ(index, 1U);
    EXPECT_LT(SteadyClock::now() - started, 600ms);
    EXPECT_EQ(Finished(client, "cancelled"), 1U);
    // The connection was closed, not parked: the server sees it go, and no descriptor is left behind.
    EXPECT_TRUE(Eventually([&] { return server.hanging.load() == 0; }));
    EXPECT_TRUE(Eventually([&] { return OpenFileDescriptors() == before; }))
        << OpenFileDescriptors() << " open, " << before << " before";
}

TEST(HttpClient, CancellationsRacingCompletionsLeaveNothingBehind) {
    using namespace boost::asio::experimental::awaitable_operators;
    LoopbackServer server;
    ClientOptions options;
    options.max_connections = 8;
    Client client(options);
    asio::io_context io;
    std::vector<ClientRequest> requests;
    for (int i = 0; i < 300; ++i) requests.push_back(Get(server.Url(i % 3 == 0 ? "/hang" : "/n/" + std::to_string(i))));
    std::atomic<int> done{0};
    std::atomic<int> fetched{0};
    for (int i = 0; i < 300; ++i) {
        // Each on its own strand, as the server's connections are: the cancelling timer and the transfer's
        // completion then never run at once for one coroutine.
        asio::co_spawn(
            asio::make_strand(io),
            [&, i]() -> core::Task<void> {
                asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::microseconds(i * 37 % 3000));
                const auto winner = co_await (client.Fetch(requests[i]) || timer.async_wait(asio::use_awaitable));
                if (winner.index() == 0) {
                    EXPECT_EQ(std::get<0>(winner).body, "reply " + std::to_string(i));
                    ++fetched;
                }
            },
            [&](std::exception_ptr e) {
                EXPECT_FALSE(e);
                ++done;
            });
    }
    std::thread second([&] { io.run(); });
    io.run();
    second.join();
    EXPECT_EQ(done.load(), 300);
    EXPECT_EQ(client.Stats().in_flight, 0U);
    EXPECT_EQ(client.Stats().queued, 0U);
    // Some were cancelled before Fetch even began, and never reached the client.
    EXPECT_LE(Finished(client, "ok") + Finished(client, "cancelled"), 300U);
    EXPECT_GT(Finished(client, "cancelled"), 0U);
    EXPECT_EQ(Finished(client, "timeout") + Finished(client, "failed") + Finished(client, "shutdown"), 0U);
    // A transfer may finish just as its timer wins: it counts as ok, but the caller took the timer.
    EXPECT_GE(Finished(client, "ok"), static_cast<std::uint64_t>(fetched.load()));
    EXPECT_TRUE(Eventually([&] { return server.hanging.load() == 0; }));
}

TEST(HttpClient, AResponseOverTheCapFailsClearly) {
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    ClientRequest big = Get(server.Url("/big?100000"));
    big.max_response_bytes = 10000;
    try {
        RunOn(io, client.Fetch(big));
        FAIL() << "no error";
    } catch (const ClientError& e) {
        EXPECT_EQ(e.Kind(), ClientErrorKind::kTooLarge);
        EXPECT_STREQ(e.what(), "response body larger than 10000 bytes");
    }
    // Without a Content-Length the cap still holds while the body streams in.
    ClientRequest chunked = Get(server.Url("/chunked?100000"));
    chunked.max_response_bytes = 10000;
    EXPECT_EQ(KindOf([&] { RunOn(io, client.Fetch(chunked)); }), ClientErrorKind::kTooLarge);
    // Exactly the cap is fine.
    ClientRequest exact = Get(server.Url("/chunked?10000"));
    exact.max_response_bytes = 10000;
    EXPECT_EQ(RunOn(io, client.Fetch(exact)).body.size(), 10000U);
    EXPECT_EQ(Finished(client, "too_large"), 2U);
}

TEST(HttpClient, RedirectsAreNotFollowed) {
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    const auto response = RunOn(io, client.Fetch(Get(server.Url("/redirect"))));
    EXPECT_EQ(response.status, 302);
    EXPECT_EQ(response.GetHeader("location"), "/echo");
    EXPECT_EQ(server.echoes.load(), 0);
    // Only when asked for.
    ClientRequest follow = Get(server.Url("/redirect"));
    follow.max_redirects = 1;
    EXPECT_EQ(RunOn(io, client.Fetch(follow)).status, 200);
    EXPECT_EQ(server.echoes.load(), 1);
}

TEST(HttpClient, AnUnreachablePortFailsFast) {
    std::uint16_t port = 0;
    {
        asio::io_context scratch;
        tcp::acceptor closed(scratch, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
        port = closed.local_endpoint().port();
    }
    Client client({});
    asio::io_context io;
    const auto started = SteadyClock::now();
    try {
        RunOn(io, client.Fetch(Get("http://127.0.0.1:" + std::to_string(port) + "/", 10s)));
        FAIL() << "no error";
    } catch (const ClientError& e) {
        EXPECT_EQ(e.Kind(), ClientErrorKind::kConnect) << e.what();
    }
    EXPECT_LT(SteadyClock::now() - started, 1s);
    EXPECT_EQ(Finished(client, "connect_failed"), 1U);
}

TEST(HttpClient, BeyondTheQueueCallsAreOverloadedAndQueuedOnesKeepTheirDeadline) {
    LoopbackServer server;
    ClientOptions options;
    options.max_connections = 1;
    options.max_queued = 1;
    Client client(options);
    asio::io_context io;
    std::optional<ClientErrorKind> running_error;
    std::optional<ClientErrorKind> queued_error;
    SteadyClock::duration queued_took{};
    const ClientRequest running = Get(server.Url("/hang"), 2s);
    const ClientRequest queued = Get(server.Url("/hang"), 200ms);
    const ClientRequest refused = Get(server.Url("/n/1"));
    const auto started = SteadyClock::now();
    auto record = [](std::optional<ClientErrorKind>& into) {
        return [&into](std::exception_ptr e, ClientResponse) {
            try {
                if (e) std::rethrow_exception(e);
            } catch (const ClientError& error) {
                into = error.Kind();
            }
        };
    };
    asio::co_spawn(io, client.Fetch(running), record(running_error));
    asio::co_spawn(io, [&]() -> core::Task<ClientResponse> {
        try {
            co_return co_await client.Fetch(queued);
        } catch (const ClientError&) {
            queued_took = SteadyClock::now() - started;
            throw;
        }
    }, record(queued_error));
    asio::co_spawn(io, [&]() -> core::Task<void> {
        // Until the client's thread has taken both up (a loaded machine may be slow to schedule it).
        asio::steady_timer timer(co_await asio::this_coro::executor);
        for (int i = 0; i < 100 && client.Stats().in_flight == 0; ++i) {
            timer.expires_after(5ms);
            co_await timer.async_wait(asio::use_awaitable);
        }
        EXPECT_EQ(client.Stats().in_flight, 1U);
        EXPECT_EQ(client.Stats().queued, 1U);
        EXPECT_THROW(co_await client.Fetch(refused), OverloadedError);
    }, asio::detached);
    io.run();
    EXPECT_EQ(running_error, ClientErrorKind::kTimeout);
    EXPECT_EQ(queued_error, ClientErrorKind::kTimeout);
    EXPECT_GE(queued_took, 190ms);
    EXPECT_LT(queued_took, 600ms);
    EXPECT_EQ(Finished(client, "overloaded"), 1U);
    EXPECT_EQ(server.hanging.load() <= 1, true);
}

TEST(HttpClient, FetchNowBlocksForCommandLineCode) {
    LoopbackServer server;
    Client client({});
    const auto response = client.FetchNow(Get(server.Url("/n/42")));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "reply 42");
    EXPECT_EQ(KindOf([&] { client.FetchNow(Get(server.Url("/hang"), 100ms)); }), ClientErrorKind::kTimeout);
}

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

TEST(HttpClient, PerformRunsATransferTheCallerConfigured) {
    LoopbackServer server;
    Client client({});
    asio::io_context io;
    std::string body;
    const std::string url = server.Url("/n/7");
    CurlTransfer transfer;
    transfer.deadline = SteadyClock::now() + 5s;
    transfer.configure = [&](void* easy) {
        curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, Collect);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
    };
    EXPECT_EQ(RunOn(io, client.Perform(transfer)).response_code, 200);
    EXPECT_EQ(body, "reply 7");

    CurlTransfer hang;
    hang.deadline = SteadyClock::now() + 200ms;
    const std::string hang_url = server.Url("/hang");
    hang.configure = [&](void* easy) { curl_easy_setopt(easy, CURLOPT_URL, hang_url.c_str()); };
    EXPECT_EQ(KindOf([&] { RunOn(io, client.Perform(hang)); }), ClientErrorKind::kTimeout);
}

TEST(HttpClient, DestroyingTheClientFailsWhatIsStillRunning) {
    LoopbackServer server;
    auto client = std::make_unique<Client>(ClientOptions{});
    asio::io_context io;
    auto work = asio::make_work_guard(io);
    std::thread runner([&] { io.run(); });
    std::promise<std::optional<ClientErrorKind>> outcome;
    const ClientRequest hang = Get(server.Url("/hang"), 10s);
    asio::co_spawn(io, client->Fetch(hang), [&](std::exception_ptr e, ClientResponse) {
        try {
            if (e) std::rethrow_exception(e);
            outcome.set_value(std::nullopt);
        } catch (const ClientError& error) {
            outcome.set_value(error.Kind());
        }
    });
    ASSERT_TRUE(Eventually([&] { return server.hanging.load() == 1; }));
    client.reset();
    auto future = outcome.get_future();
    ASSERT_EQ(future.wait_for(2s), std::future_status::ready);
    EXPECT_EQ(future.get(), ClientErrorKind::kShutdown);
    work.reset();
    runner.join();
}

TEST(HttpClient, MalformedRequestsAreRefusedBeforeTheyLeave) {
    Client client({});
    ClientRequest injected = Get("http://127.0.0.1:1/");
    injected.headers = {{"X-Test", "a\r\nX-Evil: 1"}};
    EXPECT_THROW(client.FetchNow(injected), std::invalid_argument);
    ClientRequest method = Get("http://127.0.0.1:1/");
    method.method = "GET /x";
    EXPECT_THROW(client.FetchNow(method), std::invalid_argument);
    ClientRequest ftp = Get("ftp://127.0.0.1:1/");
    EXPECT_EQ(KindOf([&] { client.FetchNow(ftp); }), ClientErrorKind::kTransfer);
}

TEST(HttpClient, TheServerExportsItsMetrics) {
    test::TestServer server;
    auto client = server.Client();
    const auto metrics = client.Get("/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("sikgu_http_client_transfers_in_flight 0"), std::string::npos);
    EXPECT_NE(metrics.body.find("sikgu_http_client_transfers_queued 0"), std::string::npos);
    EXPECT_NE(metrics.body.find("sikgu_http_client_requests_total{outcome=\"ok\"} 0"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::http
