#include "core/http/server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace sikgu {
namespace {

TEST(Server, HealthAndReadiness) {
    test::TestServer server;
    auto client = server.Client();
    const auto health = client.Get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.Json().at("status"), "ok");
    const auto ready = client.Get("/readyz");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.Json().at("checks").at("db.account"), "ok");
    EXPECT_EQ(ready.Json().at("checks").at("db.plant"), "ok");
}

TEST(Server, MetricsCountRequestsByRouteAndStatus) {
    test::TestServer server;
    auto client = server.Client();
    client.Get("/api/v1/plants/16449");
    client.Get("/api/v1/plants/1");
    const auto metrics = client.Get("/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find(R"(sikgu_http_requests_total{method="GET",route="/api/v1/plants/{id:int}",status="200"} 1)"),
              std::string::npos)
        << metrics.body;
    EXPECT_NE(metrics.body.find(R"(route="/api/v1/plants/{id:int}",status="404"} 1)"), std::string::npos);
    EXPECT_NE(metrics.body.find("sikgu_http_request_duration_seconds_bucket"), std::string::npos);
    EXPECT_NE(metrics.body.find("sikgu_db_pool_size{service=\"plant\"}"), std::string::npos);
    EXPECT_NE(metrics.body.find("sikgu_build_info"), std::string::npos);
}

TEST(Server, ProblemsForUnknownRoutesAndMethods) {
    test::TestServer server;
    auto client = server.Client();
    const auto missing = client.Get("/api/v1/nothing-here");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.Header("content-type"), "application/problem+json");
    EXPECT_EQ(missing.Code(), "route.not_found");
    EXPECT_EQ(missing.Json().at("instance").as_string(), missing.Header("x-request-id"));

    const auto wrong = client.Request("DELETE", "/api/v1/plants");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.Header("allow"), "GET");
}

// A problem's title speaks the caller's language, like its detail, and its type is a page of our own that
// documents the code.
TEST(Server, ProblemsPointToTheirOwnDocumentationInTheCallersLanguage) {
    test::TestServer server;
    auto client = server.Client();
    const auto ko = client.Get("/api/v1/nothing-here").Json();
    EXPECT_EQ(ko.at("title"), "요청한 주소를 찾을 수 없습니다.");
    EXPECT_EQ(ko.at("title"), ko.at("detail"));
    const auto en = client.Get("/api/v1/nothing-here", {"Accept-Language: en"}).Json();
    EXPECT_EQ(en.at("title"), en.at("detail"));
    EXPECT_NE(en.at("title"), ko.at("title"));
    const std::string type(ko.at("type").as_string());
    ASSERT_TRUE(type.ends_with("/api/problems/route.not_found")) << type;
    const std::string path = type.substr(type.find("/api/problems/"));
    const auto page = client.Get(path);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.Header("content-type").find("text/html"), std::string::npos);
    EXPECT_NE(page.body.find("route.not_found"), std::string::npos);
    EXPECT_NE(page.body.find("HTTP 404"), std::string::npos);
    const auto json = client.Get("/api/problems/account.username_taken", {"Accept: application/json"}).Json();
    EXPECT_EQ(json.at("status"), 409);
    EXPECT_FALSE(json.at("ko").as_string().empty());
    // Every code the server can answer is documented there.
    const auto all = client.Get("/api/problems", {"Accept: application/json"}).Json().at("items").as_array();
    std::set<std::string> documented;
    for (const auto& item : all) documented.emplace(item.at("code").as_string());
    for (const auto& message : server.App().Messages().All()) EXPECT_TRUE(documented.contains(std::string(message.code))) << message.code;
    EXPECT_EQ(client.Get("/api/problems/no.such_code").status, 404);
    EXPECT_EQ(client.Get("/api/problems/%3Cscript%3E").body.find("<script>"), std::string::npos);
}

TEST(Server, HeadAnswersWithTheGetLengthAndNoBodyThenKeepsTheConnection) {
    test::TestServer server;
    auto client = server.Client();
    const auto head = client.Request("HEAD", "/healthz");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.Header("content-length"), "15");
    EXPECT_EQ(head.body, "");
    EXPECT_FALSE(head.Header("date").empty());
    // The same keep-alive connection still frames the next response correctly.
    EXPECT_EQ(client.Get("/healthz").Json().at("status"), "ok");
}

TEST(Server, EchoesPlainRequestIdsOnly) {
    test::TestServer server;
    auto client = server.Client();
    EXPECT_EQ(client.Get("/healthz", {"X-Request-Id: abc-123"}).Header("x-request-id"), "abc-123");
    EXPECT_NE(client.Get("/healthz", {"X-Request-Id: <script>"}).Header("x-request-id"), "<script>");
}

TEST(Server, RefusesOversizedBodiesAndHeaders) {
    test::TestServer server("", {{"core.http.max_body_bytes", "4096"}});
    auto client = server.Client();
    const auto big = client.PostJson("/api/v1/auth/login", "{\"username\":\"" + std::string(10000, 'a') + "\"}");
    EXPECT_EQ(big.status, 413);
    EXPECT_EQ(big.Code(), "request.body_too_large");
    auto client2 = server.Client();
    const auto headers = client2.Get("/healthz", {"X-Big: " + std::string(40000, 'h')});
    EXPECT_EQ(headers.status, 431);
    // The server is still fine afterwards.
    EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(Server, RejectsInvalidUtf8InTheTarget) {
    test::TestServer server;
    const auto r = server.Client().Get("/api/v1/plants?q=%ff%fe");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.Code(), "request.invalid_utf8");
}

TEST(Server, ServesTheWebAppWithSpaFallbackAndEtags) {
    test::TestServer server;
    SIKGU_REQUIRE_PREREQUISITE(std::filesystem::exists(test::SourcePath("web/dist/index.html")),
                               "the built web UI (web/dist; scripts/setup.sh builds it)");
    auto client = server.Client();
    const auto index = client.Get("/plants/16449");  // a client-side route
    EXPECT_EQ(index.status, 200);
    EXPECT_NE(index.Header("content-type").find("text/html"), std::string::npos);
    EXPECT_EQ(index.Header("x-frame-options"), "DENY");
    const auto etag = index.Header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(client.Get("/plants/16449", {"If-None-Match: " + etag}).status, 304);
    EXPECT_EQ(client.Get("/assets/missing-file.js").status, 404);
    EXPECT_EQ(client.Get("/%2e%2e/%2e%2e/etc/passwd").status, 404);
    EXPECT_EQ(client.Get("/..%2f..%2fetc/passwd").status, 404);
    EXPECT_EQ(client.Get("/.env").status, 404);
    EXPECT_EQ(client.Get("/api/docs").status, 302);
    EXPECT_EQ(client.Get("/api/openapi.yaml").status, 200);
}

// A rebuilt web UI is served without a restart: index.html is looked at again (at most once a second).
TEST(Server, ServesARebuiltIndexWithoutARestart) {
    test::TempDir web;
    const auto write = [&](const std::string& text) { std::ofstream(web.Path() / "index.html") << text; };
    write("<!doctype html><title>first build</title>");
    test::TestServer server("", {{"core.http.web_root", web.Path().string()}});
    auto client = server.Client();
    EXPECT_NE(client.Get("/").body.find("first build"), std::string::npos);
    write("<!doctype html><title>second build, longer</title>");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_NE(client.Get("/plants").body.find("second build"), std::string::npos);
}

TEST(Server, FinishesInFlightRequestsOnShutdown) {
    auto server = std::make_unique<test::TestServer>();
    const auto port = server->Port();
    // A login (Argon2 on the worker pool) is in flight while the server drains.
    auto pending = std::async(std::launch::async, [port] {
        test::HttpClient client(port);
        return client.PostJson("/api/v1/auth/login", R"({"username":"nobody","password":"whatever1"})");
    });
    auto probe = server->Client();
    for (int i = 0; i < 2000; ++i) {  // until the hash is running, so the drain really has work to wait for
        if (probe.Get("/metrics").body.find("sikgu_password_hasher_in_flight 1") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    server.reset();  // BeginShutdown + drain
    const auto result = pending.get();
    EXPECT_EQ(result.status, 401);
}


using namespace std::chrono_literals;

// Routing looks at the path as sent: an encoded "/" never splits a segment, and an encoded letter never spells
// a route a proxy in front would have matched on the raw text (a deny rule for /metrics, say).
TEST(Server, RoutesOnTheRawPathAndDecodesOnlyParameterValues) {
    test::TestServer server;
    auto client = server.Client();
    const auto mailbox = client.Get("/api%2fv1%2fdev%2fmailbox");
    EXPECT_EQ(mailbox.body.find("\"items\""), std::string::npos) << mailbox.body;
    const auto metrics = client.Get("/%6detrics");
    EXPECT_EQ(metrics.body.find("sikgu_http_requests_total"), std::string::npos);
    EXPECT_EQ(client.Get("/api/v1/plants%2f16449").status, 404);
    EXPECT_EQ(client.Get("/api/v1/%70lants/16449").status, 404);
    EXPECT_EQ(client.Get("/api/v1/plants/%31%36%34%34%39").status, 404);  // {id:int} wants plain digits
    EXPECT_EQ(client.Get("/api/v1/plants/16449").status, 200);
    EXPECT_EQ(client.Get("/api/v1/plants/%ff").status, 400);  // not UTF-8 once decoded
    EXPECT_NE(client.Get("/metrics").body.find("sikgu_http_requests_total"), std::string::npos);
}

// RFC 9112 §6.1: a request whose Transfer-Encoding does not end in chunked (or comes with a Content-Length, or
// in HTTP/1.0) has no trustworthy end: 400 and close, so the rest is never parsed as another request.
TEST(Server, RefusesAmbiguousTransferEncodingsAndCloses) {
    test::TestServer server;
    const std::string smuggled = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";
    for (const std::string& framing :
         {std::string("Transfer-Encoding: gzip\r\n"), std::string("Transfer-Encoding: chunked, gzip\r\n"),
          std::string("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n"),
          std::string("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")}) {
        test::RawConnection c(server.Port());
        c.Send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n0\r\n\r\n" + smuggled);
        const std::string answer = c.ReadUntilClosed(3s);
        EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << framing << answer;
        EXPECT_NE(answer.find("request.bad_framing"), std::string::npos) << framing << answer;
        EXPECT_EQ(answer.find("sikgu_http_requests_total"), std::string::npos) << framing;
        EXPECT_EQ(answer.find("HTTP/1.1", 1), std::string::npos) << "a second response: " << framing;
    }
    test::RawConnection old(server.Port());
    old.Send("POST /api/v1/auth/login HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    EXPECT_NE(old.ReadUntilClosed(3s).find("request.bad_framing"), std::string::npos);
    // A well-formed chunked body is read as the body.
    test::RawConnection fine(server.Port());
    fine.Send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    EXPECT_TRUE(fine.ReadResponse(3s).starts_with("HTTP/1.1 422"));
}

// Once a keep-alive request's first byte arrives, the read timeout runs, not the idle timeout: a client that
// trickles its second request holds its slot for seconds, not minutes.
TEST(Server, TheReadTimeoutAppliesFromARequestsFirstByte) {
    test::TestServer server("", {{"core.http.read_timeout_seconds", "1"}, {"core.http.idle_timeout_seconds", "30"}});
    test::RawConnection c(server.Port());
    c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(c.ReadResponse(3s).starts_with("HTTP/1.1 200"));
    const auto started = std::chrono::steady_clock::now();
    c.Send("GET /heal");
    EXPECT_TRUE(c.ClosedByPeer(10s));
    EXPECT_LT(std::chrono::steady_clock::now() - started, 4s);
    // An idle keep-alive connection is left alone for longer than the read timeout.
    test::RawConnection idle(server.Port());
    idle.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(idle.ReadResponse(3s).starts_with("HTTP/1.1 200"));
    EXPECT_FALSE(idle.ClosedByPeer(2500ms));
    idle.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(idle.ReadResponse(3s).starts_with("HTTP/1.1 200"));
}

bool Answers(test::RawConnection& c) {
    c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    return c.ReadResponse(3s).starts_with("HTTP/1.1 200");
}

// Each address gets at most max_connections_per_address; others are not affected; a closed one frees its slot.
TEST(Server, CapsConnectionsPerAddress) {
    test::TestServer server("", {{"core.http.max_connections_per_address", "3"}});
    std::vector<std::unique_ptr<test::RawConnection>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<test::RawConnection>(server.Port()));
        ASSERT_TRUE(Answers(*held.back()));
    }
    test::RawConnection fourth(server.Port());
    EXPECT_TRUE(fourth.ClosedByPeer(3s));
    test::RawConnection elsewhere(server.Port(), "127.0.0.2");
    EXPECT_TRUE(Answers(elsewhere));
    held.pop_back();
    bool admitted = false;
    for (int attempt = 0; attempt < 50 && !admitted; ++attempt) {  // until the server has seen the close
        test::RawConnection again(server.Port());
        admitted = Answers(again);
        if (!admitted) std::this_thread::sleep_for(20ms);
    }
    EXPECT_TRUE(admitted);
    test::RawConnection probe(server.Port(), "127.0.0.3");
    probe.Send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto metrics = probe.ReadResponse(3s);
    EXPECT_NE(metrics.find(R"(sikgu_http_connections_refused_total{reason="max_connections_per_address"})"),
              std::string::npos) << metrics;
}

TEST(Server, CapsConnectionsInAll) {
    test::TestServer server("", {{"core.http.max_connections", "4"}});
    std::vector<std::unique_ptr<test::RawConnection>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<test::RawConnection>(server.Port(), "127.0.0." + std::to_string(10 + i)));
        ASSERT_TRUE(Answers(*held.back()));
    }
    test::RawConnection fifth(server.Port(), "127.0.0.20");
    EXPECT_TRUE(fifth.ClosedByPeer(3s));
    held.clear();
    bool admitted = false;
    for (int attempt = 0; attempt < 50 && !admitted; ++attempt) {
        test::RawConnection again(server.Port());
        admitted = Answers(again);
        if (!admitted) std::this_thread::sleep_for(20ms);
    }
    EXPECT_TRUE(admitted);
}

}  // namespace
}  // namespace sikgu
