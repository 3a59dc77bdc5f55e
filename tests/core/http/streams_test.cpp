// Per-route options and long-lived connections on the real listener, through the test-only stream module
// (tests/support/stream_test_module.hpp). Raw sockets show what happens before a body is sent.
#include "core/http/stream.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <random>
#include <thread>

#include "core/util/crypto.hpp"
#include "support/raw_connection.hpp"
#include "support/stream_test_module.hpp"
#include "support/test_server.hpp"

namespace sikgu {
namespace {

using namespace std::chrono_literals;

std::string Bearer(const boost::json::value& login) {
    return "Authorization: Bearer " + std::string(login.at("access_token").as_string());
}

std::string Ticket(test::HttpClient& client, const boost::json::value& login) {
    const auto issued = client.Request("POST", "/api/v1/stream-tickets", "", {Bearer(login)});
    EXPECT_EQ(issued.status, 200) << issued.body;
    EXPECT_EQ(issued.Json().at("expires_in").as_int64(), 30);
    return std::string(issued.Json().at("ticket").as_string());
}

// The value of the `name` cookie among a response's Set-Cookie headers, with its attributes.
std::string SetCookie(const test::HttpResult& result, const std::string& name) {
    for (auto [it, end] = result.headers.equal_range("set-cookie"); it != end; ++it) {
        if (it->second.starts_with(name + "=")) return it->second;
    }
    return "";
}

std::string CookieValue(const std::string& set_cookie) {
    const auto eq = set_cookie.find('=');
    return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
}

// Logs in with "session":"cookie" (the web app's way) and returns the access cookie's value.
std::string CookieLogin(test::TestServer& server, const std::string& username) {
    auto client = server.Client();
    test::CreateVerifiedUser(server, client, username, username + "@example.com");
    const auto login = client.PostJson("/api/v1/auth/login",
                                       R"({"username":")" + username + R"(","password":"garden123","session":"cookie"})");
    EXPECT_EQ(login.status, 200);
    return CookieValue(SetCookie(login, "sikgu_access"));
}

std::string Get(const std::string& target, const std::vector<std::string>& headers) {
    std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& h : headers) request += h + "\r\n";
    return request + "\r\n";
}

std::string Handshake(std::uint16_t port, const std::string& target, const std::vector<std::string>& headers) {
    std::vector<std::string> all = {"Upgrade: websocket", "Connection: Upgrade",
                                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};
    all.insert(all.end(), headers.begin(), headers.end());
    test::RawConnection c(port);
    c.Send(Get(target, all));
    return c.ReadResponse(5s);
}

std::string Metrics(test::TestServer& server) { return server.Client().Get("/metrics").body; }

bool WaitForMetric(test::TestServer& server, const std::string& line, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (Metrics(server).find(line) != std::string::npos) return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

test::TestServer StreamServer(std::map<std::string, std::string> env = {}) {
    return test::TestServer("", std::move(env), {test::StreamTestModule()});
}

// A route's own body limit is applied to the Content-Length before any body byte is read: the client that
// has sent only its headers already has its 413 (and one that asked to continue never got a 100).
TEST(ServerRoutes, APerRouteBodyLimitRefusesBeforeTheBodyIsSent) {
    auto server = StreamServer();
    for (const std::string expect : {"", "Expect: 100-continue\r\n"}) {
        test::RawConnection c(server.Port());
        c.Send("POST /api/v1/test/small HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" + expect +
               "Content-Length: 5000\r\n\r\n");
        const auto answer = c.ReadResponse(3s);
        EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer;
        EXPECT_NE(answer.find("request.body_too_large"), std::string::npos);
        EXPECT_EQ(answer.find("100 Continue"), std::string::npos);
        EXPECT_NE(answer.find("Connection: close"), std::string::npos);
    }
    // Within the route's limit the body is read (after a 100 Continue when asked for).
    test::RawConnection c(server.Port());
    c.Send("POST /api/v1/test/small HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n");
    EXPECT_TRUE(c.ReadUntil("\r\n\r\n", 3s).starts_with("HTTP/1.1 100 Continue"));
    c.Send(std::string(1000, 'a'));
    const auto answer = c.ReadResponse(3s);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
    EXPECT_NE(answer.find(R"({"size":1000})"), std::string::npos) << answer;
    // A chunked body past the route's limit is cut off while it is read.
    test::RawConnection chunked(server.Port());
    chunked.Send("POST /api/v1/test/small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" +
                 std::string(0x800, 'b') + "\r\n0\r\n\r\n");
    EXPECT_TRUE(chunked.ReadResponse(3s).starts_with("HTTP/1.1 413"));
}

// Routing and authentication come from the headers: an upload nobody may make is refused unread.
TEST(ServerRoutes, UploadsToUnknownRoutesOrWithoutAuthAreRefusedWithoutReadingTheBody) {
    auto server = StreamServer();
    for (const std::string& target : {std::string("/api/v1/test/upload"), std::string("/api/v1/nothing-here")}) {
        test::RawConnection c(server.Port());
        const auto sent_at = std::chrono::steady_clock::now();
        c.Send("POST " + target + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4000000\r\n\r\n");
        const auto answer = c.ReadResponse(3s);
        EXPECT_LT(std::chrono::steady_clock::now() - sent_at, 2s);
        EXPECT_EQ(answer.find("100 Continue"), std::string::npos) << answer;
        if (target.ends_with("upload")) {
            EXPECT_TRUE(answer.starts_with("HTTP/1.1 401")) << answer;
            EXPECT_NE(answer.find("auth.unauthenticated"), std::string::npos);
        } else {
            EXPECT_TRUE(answer.starts_with("HTTP/1.1 404")) << answer;
        }
        EXPECT_FALSE(c.ReadUntilClosed(3s).starts_with("HTTP"));  // closed, nothing more
    }
    // A small refused body is read and dropped instead: the connection stays usable.
    test::RawConnection small(server.Port());
    small.Send("POST /api/v1/test/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
    EXPECT_TRUE(small.ReadResponse(3s).starts_with("HTTP/1.1 401"));
    small.Send(Get("/healthz", {}));
    EXPECT_TRUE(small.ReadResponse(3s).starts_with("HTTP/1.1 200"));
    // A client that sends its body anyway still reads the answer (the server drains before closing).
    auto client = server.Client();
    const auto refused = client.Request("POST", "/api/v1/test/upload", std::string(300000, 'z'), {"Expect:"});
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.Code(), "auth.unauthenticated");
}

TEST(ServerRoutes, SpooledUploadsReachTheHandlerAndTheFileIsGoneAfterwards) {
    test::TempDir spool;
    auto server = StreamServer({{"core.http.spool_dir", spool.Path().string()}});
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "uploader", "uploader@example.com");
    std::mt19937 random(7);
    std::string big(1 << 20, '\0');
    for (char& ch : big) ch = static_cast<char>(random());
    const auto spooled = client.Request("POST", "/api/v1/test/upload", big,
                                        {Bearer(login), "Content-Type: application/octet-stream", "Expect:"});
    ASSERT_EQ(spooled.status, 200) << spooled.body;
    const auto json = spooled.Json();
    const auto& answer = json.as_object();
    EXPECT_TRUE(answer.at("spooled").as_bool());
    EXPECT_EQ(answer.at("size").as_int64(), 1 << 20);
    EXPECT_EQ(answer.at("sha256").as_string(), Sha256Hex(big));
    const std::filesystem::path path(std::string(answer.at("path").as_string()));
    EXPECT_EQ(path.parent_path(), spool.Path());
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_TRUE(std::filesystem::is_empty(spool.Path()));
    // Small bodies stay in memory.
    const auto small = client.Request("POST", "/api/v1/test/upload", "hello", {Bearer(login)});
    EXPECT_FALSE(small.Json().at("spooled").as_bool());
    EXPECT_EQ(small.Json().at("sha256").as_string(), Sha256Hex("hello"));
    // A chunked body has no size up front: it is spooled too.
    test::RawConnection c(server.Port());
    c.Send("POST /api/v1/test/upload HTTP/1.1\r\nHost: x\r\n" + Bearer(login) +
           "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    const auto chunked = c.ReadResponse(3s);
    EXPECT_NE(chunked.find(R"("spooled":true,"size":5)"), std::string::npos) << chunked;
    // Over the route's 8 MiB: refused from the Content-Length.
    const auto huge = client.Request("POST", "/api/v1/test/upload", std::string(9 << 20, 'x'), {Bearer(login)});
    EXPECT_EQ(huge.status, 413);
    EXPECT_TRUE(std::filesystem::is_empty(spool.Path()));
}

TEST(ServerRoutes, APerRouteRateLimitCountsPerUserOrPerAddress) {
    auto server = StreamServer();
    auto client = server.Client();
    const auto first = test::CreateVerifiedUser(server, client, "limited_a", "limited_a@example.com");
    const auto second = test::CreateVerifiedUser(server, client, "limited_b", "limited_b@example.com");
    for (int i = 0; i < 3; ++i) EXPECT_EQ(client.Get("/api/v1/test/limited", {Bearer(first)}).status, 200);
    const auto limited = client.Get("/api/v1/test/limited", {Bearer(first)});
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.Code(), "rate.limited");
    EXPECT_FALSE(limited.Header("retry-after").empty());
    EXPECT_EQ(client.Get("/api/v1/test/limited", {Bearer(second)}).status, 200);  // another user
    for (int i = 0; i < 3; ++i) EXPECT_EQ(client.Get("/api/v1/test/limited").status, 200);  // anonymous: by address
    EXPECT_EQ(client.Get("/api/v1/test/limited").status, 429);
    test::RawConnection elsewhere(server.Port(), "127.0.0.2");
    elsewhere.Send(Get("/api/v1/test/limited", {}));
    EXPECT_TRUE(elsewhere.ReadResponse(3s).starts_with("HTTP/1.1 200"));
}

TEST(ServerRoutes, HandlersSeeTheirRoutesOptions) {
    auto server = StreamServer();
    EXPECT_EQ(server.Client().PostJson("/api/v1/test/idempotent", "{}", {"Idempotency-Key: k1"}).Json().at("idempotency"),
              "required");
    // A route that requires the key refuses a request without it from its headers alone.
    EXPECT_EQ(server.Client().PostJson("/api/v1/test/idempotent", "{}").Code(), "idempotency.key_required");
}

TEST(ServerStreams, TicketsAreSingleUseShortLivedAndNeverAccessTokens) {
    auto server = StreamServer();
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "ticketed", "ticketed@example.com");
    EXPECT_EQ(client.Request("POST", "/api/v1/stream-tickets").Code(), "auth.unauthenticated");

    const std::string ticket = Ticket(client, login);
    // A ticket is not a bearer token, and an access token is not a ticket.
    const auto as_bearer = client.Get("/api/v1/me", {"Authorization: Bearer " + ticket});
    EXPECT_EQ(as_bearer.Code(), "auth.token_invalid");
    const std::string access(login.at("access_token").as_string());
    const auto as_ticket = client.Get("/api/v1/test/events?ticket=" + access);
    EXPECT_EQ(as_ticket.Code(), "auth.ticket_invalid");
    // A stream ticket cannot buy another ticket either.
    EXPECT_EQ(client.Request("POST", "/api/v1/stream-tickets?ticket=" + ticket).Code(), "auth.unauthenticated");

    test::RawConnection stream(server.Port());
    stream.Send(Get("/api/v1/test/events?interval_ms=20&ticket=" + ticket, {}));
    const auto head = stream.ReadUntil("\r\n\r\n", 3s);
    EXPECT_TRUE(head.starts_with("HTTP/1.1 200")) << head;
    EXPECT_NE(head.find("Content-Type: text/event-stream"), std::string::npos) << head;
    EXPECT_NE(head.find("Transfer-Encoding: chunked"), std::string::npos) << head;
    EXPECT_NE(stream.ReadUntil("event: tick", 3s), "");
    EXPECT_EQ(client.Get("/api/v1/test/events?ticket=" + ticket).Code(), "auth.ticket_used");

    const std::string later = Ticket(client, login);
    server.Clock().Advance(31s);
    EXPECT_EQ(client.Get("/api/v1/test/events?ticket=" + later).Code(), "auth.ticket_expired");
    EXPECT_NE(Metrics(server).find(R"(sikgu_live_connections_refused_total{code="auth.ticket_used",kind="stream",route="/api/v1/test/events"} 1)"),
              std::string::npos);
}

TEST(ServerStreams, TheAccessCookieWorksOnlyOnRoutesThatAcceptItAndOnlyFromOurOrigin) {
    auto server = StreamServer();
    auto client = server.Client();
    test::CreateVerifiedUser(server, client, "cookie_fan", "cookie_fan@example.com");
    const auto login = client.PostJson("/api/v1/auth/login",
                                       R"({"username":"cookie_fan","password":"garden123","session":"cookie"})");
    const std::string set_cookie = SetCookie(login, "sikgu_access");
    EXPECT_NE(set_cookie.find("; Path=/api;"), std::string::npos) << set_cookie;
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_NE(set_cookie.find("Max-Age=900"), std::string::npos);
    EXPECT_EQ(CookieValue(set_cookie), login.Json().at("access_token").as_string());
    EXPECT_TRUE(login.Header("set-cookie").starts_with("sikgu_refresh="));
    const std::string cookie = "Cookie: sikgu_access=" + CookieValue(set_cookie);

    // Not accepted where a route does not ask for it.
    EXPECT_EQ(server.Client().Get("/api/v1/me", {cookie}).Code(), "auth.unauthenticated");
    const auto open = [&](const std::vector<std::string>& headers) {
        test::RawConnection c(server.Port());
        c.Send(Get("/api/v1/test/events?interval_ms=20", headers));
        return c.ReadResponse(3s);  // a stream's head (chunked: no length), or a refusal with its body
    };
    EXPECT_TRUE(open({cookie}).starts_with("HTTP/1.1 200"));  // same-origin EventSource: no Origin header
    EXPECT_TRUE(open({cookie, "Origin: http://localhost:8080"}).starts_with("HTTP/1.1 200"));  // core.http.public_url
    const auto foreign = open({cookie, "Origin: http://evil.example"});
    EXPECT_TRUE(foreign.starts_with("HTTP/1.1 403")) << foreign;
    EXPECT_NE(foreign.find("auth.origin_refused"), std::string::npos);
    EXPECT_TRUE(open({cookie, "Sec-Fetch-Site: cross-site"}).starts_with("HTTP/1.1 403"));
    EXPECT_TRUE(open({cookie, "Sec-Fetch-Site: same-origin"}).starts_with("HTTP/1.1 200"));

    // Logout clears it with the refresh cookie.
    const auto logout = client.Request("POST", "/api/v1/auth/logout", "{}",
                                       {"X-Sikgu-Csrf: 1", "Content-Type: application/json"});
    EXPECT_EQ(logout.status, 204);
    EXPECT_NE(SetCookie(logout, "sikgu_access").find("Max-Age=0"), std::string::npos);
    EXPECT_NE(SetCookie(logout, "sikgu_refresh").find("Max-Age=0"), std::string::npos);
}

// A stream lives no longer than the access token that opened it, and ends when its session is revoked.
TEST(ServerStreams, ARevokedOrExpiredCredentialEndsItsStream) {
    auto server = StreamServer({{"core.http.live_recheck_seconds", "1"}});
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "revoked_fan", "revoked_fan@example.com");
    test::RawConnection revoked(server.Port());
    revoked.Send(Get("/api/v1/test/events?interval_ms=50", {Bearer(login)}));
    ASSERT_NE(revoked.ReadUntil("event: tick", 3s), "");
    const auto changed = client.PostJson("/api/v1/me/password",
                                         R"({"current_password":"garden123","new_password":"garden456"})",
                                         {Bearer(login)});
    ASSERT_EQ(changed.status, 200) << changed.body;
    const auto tail = revoked.ReadUntil("event: reauth\ndata: revoked\n\n", 4s);
    EXPECT_NE(tail, "");
    EXPECT_NE(revoked.ReadUntilClosed(3s).find("0\r\n\r\n"), std::string::npos);  // the stream's end

    const std::string cookie = "Cookie: sikgu_access=" + CookieLogin(server, "expiring_fan");
    test::RawConnection expiring(server.Port());
    expiring.Send(Get("/api/v1/test/events?interval_ms=50", {cookie}));
    ASSERT_NE(expiring.ReadUntil("event: tick", 3s), "");
    server.Clock().Advance(901s);
    EXPECT_NE(expiring.ReadUntil("event: reauth\ndata: expired\n\n", 4s), "");
    EXPECT_TRUE(WaitForMetric(server, R"(kind="stream",reason="expired",route="/api/v1/test/events"} 1)", 3s))
        << Metrics(server);
}

// A client that stops reading a download is cut off after the write timeout instead of holding the stream.
TEST(ServerStreams, ASlowReaderIsCutOff) {
    auto server = StreamServer({{"core.http.stream_write_timeout_seconds", "1"}});
    test::RawConnection stalled(server.Port());
    stalled.Send(Get("/api/v1/test/download?bytes=1073741824", {}));
    EXPECT_TRUE(WaitForMetric(server, R"(kind="stream",reason="too_slow",route="/api/v1/test/download"} 1)", 15s))
        << Metrics(server);
    EXPECT_NE(Metrics(server).find(R"(sikgu_http_streams{route="/api/v1/test/download"} 0)"), std::string::npos);
    // A reader that reads gets the whole body, with its length announced.
    test::RawConnection reader(server.Port());
    reader.Send(Get("/api/v1/test/download?bytes=300000", {"Connection: close"}));
    const auto whole = reader.ReadUntilClosed(5s);
    EXPECT_NE(whole.find("Content-Length: 300000\r\n"), std::string::npos);
    EXPECT_EQ(whole.size() - (whole.find("\r\n\r\n") + 4), 300000U);
}

TEST(ServerWebSockets, UpgradesNeedACredentialAnAcceptableOriginAndAFreshTicket) {
    auto server = StreamServer();
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "socket_fan", "socket_fan@example.com");
    const std::string cookie = "Cookie: sikgu_access=" + CookieLogin(server, "socket_cookie");

    const auto none = Handshake(server.Port(), "/api/v1/test/echo", {});
    EXPECT_TRUE(none.starts_with("HTTP/1.1 401")) << none;
    EXPECT_NE(none.find("auth.unauthenticated"), std::string::npos);

    const std::string ticket = Ticket(client, login);
    const auto foreign = Handshake(server.Port(), "/api/v1/test/echo?ticket=" + ticket, {"Origin: http://evil.example"});
    EXPECT_TRUE(foreign.starts_with("HTTP/1.1 403")) << foreign;
    EXPECT_NE(foreign.find("auth.origin_refused"), std::string::npos);
    // Cross-site WebSocket hijacking: a page elsewhere opens a socket and the browser adds the cookie.
    EXPECT_TRUE(Handshake(server.Port(), "/api/v1/test/echo", {cookie, "Origin: http://evil.example"}).starts_with("HTTP/1.1 403"));
    EXPECT_TRUE(Handshake(server.Port(), "/api/v1/test/echo", {cookie}).starts_with("HTTP/1.1 403"));  // no Origin at all
    EXPECT_TRUE(Handshake(server.Port(), "/api/v1/test/echo", {cookie, "Origin: http://localhost:8080"})
                    .starts_with("HTTP/1.1 101 Switching Protocols"));

    const std::string fresh = Ticket(client, login);
    const auto accepted = Handshake(server.Port(), "/api/v1/test/echo?ticket=" + fresh, {});
    EXPECT_TRUE(accepted.starts_with("HTTP/1.1 101 Switching Protocols")) << accepted;
    EXPECT_NE(accepted.find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), std::string::npos) << accepted;
    const auto used = Handshake(server.Port(), "/api/v1/test/echo?ticket=" + fresh, {});
    EXPECT_NE(used.find("auth.ticket_used"), std::string::npos) << used;
    const std::string stale = Ticket(client, login);
    server.Clock().Advance(31s);
    EXPECT_NE(Handshake(server.Port(), "/api/v1/test/echo?ticket=" + stale, {}).find("auth.ticket_expired"),
              std::string::npos);
    // A plain request to a WebSocket route.
    const auto plain = client.Get("/api/v1/test/echo", {Bearer(login)});
    EXPECT_EQ(plain.status, 426);
    EXPECT_EQ(plain.Code(), "request.upgrade_required");
    EXPECT_EQ(plain.Header("upgrade"), "websocket");

    const auto metrics = Metrics(server);
    EXPECT_NE(metrics.find(R"(sikgu_live_connections_refused_total{code="auth.origin_refused",kind="websocket",route="/api/v1/test/echo"} 3)"),
              std::string::npos)
        << metrics;
    EXPECT_NE(metrics.find(R"(code="auth.unauthenticated",kind="websocket",route="/api/v1/test/echo"} 1)"), std::string::npos);
}

}  // namespace
}  // namespace sikgu
