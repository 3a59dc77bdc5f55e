#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "support/test_server.hpp"

namespace sikgu::account {
namespace {

// Kakao login up to the provider: the full round trip runs against a real provider in tests/oauth.
std::map<std::string, std::string> KakaoEnv(const std::string& token_url = "http://127.0.0.1:1/token") {
    return {{"core.http.public_url", "https://sikgu.example"},
            {"account.kakao.client_id", "rest-api-key"},
            {"account.kakao.authorize_url", "https://kauth.example/oauth/authorize"},
            {"account.kakao.token_url", token_url},
            {"account.kakao.userinfo_url", "http://127.0.0.1:1/me"},
            {"account.kakao.timeout_seconds", "2"}};
}

std::string QueryParam(const std::string& url, const std::string& name) {
    std::smatch m;
    if (!std::regex_search(url, m, std::regex("[?&]" + name + "=([^&]*)"))) return "";
    return m[1];
}

TEST(KakaoApi, DisabledWithoutClientId) {
    test::TestServer server;
    auto client = server.Client();
    const auto start = client.Get("/api/v1/auth/kakao/start?return_to=/me");
    EXPECT_EQ(start.status, 302);
    EXPECT_EQ(start.Header("location"), "/login?error=auth.oauth_unavailable");
    const auto callback = client.Get("/api/v1/auth/kakao/callback?code=x&state=y");
    EXPECT_EQ(callback.status, 302);
    EXPECT_EQ(callback.Header("location"), "/login?error=auth.oauth_unavailable");
}

TEST(KakaoApi, StartRedirectsWithStatePkceAndTheLoginCsrfCookie) {
    test::TestServer server("", KakaoEnv());
    auto client = server.Client();
    const auto start = client.Get("/api/v1/auth/kakao/start?return_to=/me");
    ASSERT_EQ(start.status, 302);
    const std::string location = start.Header("location");
    EXPECT_TRUE(location.starts_with("https://kauth.example/oauth/authorize?response_type=code&client_id=rest-api-key&"
                                     "redirect_uri=https%3A%2F%2Fsikgu.example%2Fapi%2Fv1%2Fauth%2Fkakao%2Fcallback&"))
        << location;
    const std::string state = QueryParam(location, "state");
    EXPECT_EQ(state.size(), 43U);
    EXPECT_EQ(QueryParam(location, "code_challenge").size(), 43U);
    EXPECT_EQ(QueryParam(location, "code_challenge_method"), "S256");
    EXPECT_EQ(QueryParam(location, "scope"), "");  // none configured
    EXPECT_EQ(start.Header("set-cookie"),
              "sikgu_oauth=" + state + "; Path=/api/v1/auth/kakao; HttpOnly; SameSite=Lax; Max-Age=600; Secure");
    EXPECT_EQ(start.Header("cache-control"), "no-store");

    // Each start makes a new state.
    EXPECT_NE(QueryParam(client.Get("/api/v1/auth/kakao/start").Header("location"), "state"), state);
}

TEST(KakaoApi, CallbackRefusesAStateThatIsNotThisBrowsers) {
    test::TestServer server("", KakaoEnv());
    auto browser = server.Client();
    const std::string state = QueryParam(browser.Get("/api/v1/auth/kakao/start").Header("location"), "state");

    // Another browser (no cookie), or this one with another state: login CSRF refused.
    auto attacker = server.Client();
    EXPECT_EQ(attacker.Get("/api/v1/auth/kakao/callback?code=c&state=" + state).Header("location"),
              "/login?error=auth.oauth_state_invalid");
    EXPECT_EQ(browser.Get("/api/v1/auth/kakao/callback?code=c&state=other").Header("location"),
              "/login?error=auth.oauth_state_invalid");
    EXPECT_EQ(browser.Get("/api/v1/auth/kakao/callback?code=c").Header("location"),
              "/login?error=auth.oauth_state_invalid");
}

TEST(KakaoApi, StatesExpireAfterTenMinutesAndAreSingleUse) {
    test::TestServer server("", KakaoEnv());
    auto client = server.Client();
    const std::string state = QueryParam(client.Get("/api/v1/auth/kakao/start").Header("location"), "state");
    // The cookie is sent by the client's jar; the server-side state has expired.
    server.Clock().Advance(std::chrono::seconds(601));
    EXPECT_EQ(client.Get("/api/v1/auth/kakao/callback?code=c&state=" + state).Header("location"),
              "/login?error=auth.oauth_state_invalid");

    // A provider error with a good state is a denial; the state is spent either way.
    const std::string second = QueryParam(client.Get("/api/v1/auth/kakao/start").Header("location"), "state");
    const auto denied = client.Get("/api/v1/auth/kakao/callback?error=access_denied&state=" + second);
    EXPECT_EQ(denied.Header("location"), "/login?error=auth.oauth_denied");
    EXPECT_NE(denied.Header("set-cookie").find("sikgu_oauth=;"), std::string::npos);
}

TEST(KakaoApi, AnUnreachableTokenEndpointFailsTheLogin) {
    test::TestServer server("", KakaoEnv());
    auto client = server.Client();
    const std::string state =
        QueryParam(client.Get("/api/v1/auth/kakao/start?return_to=//evil.example").Header("location"), "state");
    const auto callback = client.Get("/api/v1/auth/kakao/callback?code=c&state=" + state);
    EXPECT_EQ(callback.status, 302);
    EXPECT_EQ(callback.Header("location"), "/login?error=auth.oauth_failed");
    // No session cookie was set.
    for (auto [it, end] = callback.headers.equal_range("set-cookie"); it != end; ++it) {
        EXPECT_EQ(it->second.find("sikgu_refresh"), std::string::npos) << it->second;
    }
}

TEST(KakaoApi, BadEndpointsAreAStartUpError) {
    auto env = KakaoEnv();
    env["account.kakao.token_url"] = "ftp://kauth.example/token";
    EXPECT_THROW(test::TestServer("", env), std::exception);
    EXPECT_THROW(test::TestServer("[account.kakao]\nclient_idd = \"x\"\n"), std::exception);
}

}  // namespace
}  // namespace sikgu::account
