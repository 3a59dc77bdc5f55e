#include "core/http/server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>

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
    if (!std::filesystem::exists(test::SourcePath("web/dist/index.html"))) GTEST_SKIP() << "web UI not built";
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

}  // namespace
}  // namespace sikgu
