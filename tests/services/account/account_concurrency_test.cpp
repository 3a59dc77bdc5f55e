#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <mutex>
#include <set>
#include <thread>

#include "core/auth/password_hasher.hpp"
#include "core/runtime/module.hpp"
#include "core/sql/value.hpp"
#include "core/sql/database.hpp"
#include "support/hammer.hpp"
#include "support/test_server.hpp"

namespace sikgu::account {
namespace {

using test::Hammer;

std::int64_t Count(test::TestServer& server, const std::string& sql, std::initializer_list<sql::Value> params = {}) {
    return test::Count(server, "account", sql, params);
}

std::string RefreshBody(const std::string& token) { return R"({"refresh_token":")" + token + "\"}"; }

TEST(AccountConcurrency, OneUsernameIsGrantedExactlyOnceUnderARace) {
    test::TestServer server;
    std::string winner_email;
    const auto statuses = Hammer(
        server.Port(), 32, 1000,
        [](test::HttpClient& c, int i) {
            return c.PostJson("/api/v1/auth/signup",
                              boost::json::serialize(boost::json::object{{"username", "contested"},
                                                                         {"nickname", "닉" + std::to_string(i)},
                                                                         {"email", std::to_string(i) + "@example.com"},
                                                                         {"password", "garden123"}}));
        },
        [&](int i, const test::HttpResult& result) {
            if (result.status == 201) winner_email = std::to_string(i) + "@example.com";
            if (result.status == 409) {
                EXPECT_EQ(result.Code(), "account.username_taken");
            }
        });
    EXPECT_EQ(statuses.at(201), 1);
    EXPECT_EQ(statuses.at(409), 999);
    EXPECT_EQ(statuses.size(), 2U);
    // Stored: one user, the winner, with one verification code and one mail; the losers left nothing.
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM users"), 1);
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM users WHERE username_key = 'contested' AND email = ?", {winner_email}),
              1);
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM email_verifications"), 1);
    EXPECT_FALSE(test::VerificationCode(server.LastMailTo(winner_email)).empty());
    EXPECT_EQ(server.Client().Get("/api/v1/dev/mailbox").Json().at("items").as_array().size(), 1U);
}

// 200 clients racing one refresh token. Returns the refresh tokens the winners were given.
std::vector<std::string> RaceOneRefreshToken(test::TestServer& server, std::map<long, int>& statuses,
                                             std::string& access_token) {
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "racer", "racer@example.com");
    access_token = std::string(login.at("access_token").as_string());
    const std::string body = RefreshBody(std::string(login.at("refresh_token").as_string()));
    std::vector<std::string> successors;
    statuses = Hammer(
        server.Port(), 16, 200, [&](test::HttpClient& c, int) { return c.PostJson("/api/v1/auth/refresh", body); },
        [&](int, const test::HttpResult& result) {
            if (result.status == 200) successors.emplace_back(result.Json().at("refresh_token").as_string());
        });
    return successors;
}

// After a refresh race ends in theft detection, nothing of the session is usable.
void ExpectSessionEnded(test::TestServer& server, const std::vector<std::string>& successors,
                        const std::string& access_token) {
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NULL"), 0);
    auto client = server.Client();
    for (const auto& token : successors) {
        EXPECT_EQ(client.PostJson("/api/v1/auth/refresh", RefreshBody(token)).status, 401);
    }
    EXPECT_EQ(client.Get("/api/v1/me", {"Authorization: Bearer " + access_token}).Code(), "auth.token_revoked");
}

TEST(AccountConcurrency, ARefreshTokenIsSpentExactlyOnceWithoutAGraceWindow) {
    test::TestServer server("", {{"account.refresh_reuse_grace_seconds", "0"}});
    std::map<long, int> statuses;
    std::string access_token;
    const auto successors = RaceOneRefreshToken(server, statuses, access_token);
    EXPECT_EQ(statuses.at(200), 1);
    EXPECT_EQ(statuses.at(401), 199);
    EXPECT_EQ(successors.size(), 1U);
    // The login's token and its one successor: the replays revoked them and minted nothing.
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM refresh_tokens"), 2);
    ExpectSessionEnded(server, successors, access_token);
}

TEST(AccountConcurrency, ARefreshRaceGetsAtMostFourSessionsThenTheFamilyIsRevoked) {
    test::TestServer server;
    std::map<long, int> statuses;
    std::string access_token;
    const auto successors = RaceOneRefreshToken(server, statuses, access_token);
    EXPECT_EQ(statuses.at(200), 4);
    EXPECT_EQ(statuses.at(401), 196);
    EXPECT_EQ(std::set<std::string>(successors.begin(), successors.end()).size(), 4U);
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM refresh_tokens"), 5);
    ExpectSessionEnded(server, successors, access_token);
}

// Password checks actually run (each Argon2 call, the dummy for unknown users included).
std::size_t HasherRuns(test::TestServer& server) { return server.App().ContextOf("account").passwords.Runs(); }

struct BurstOutcome {
    std::map<long, int> statuses;
    int right_password_status = 0;
};

// `total` parallel login attempts for one account, the right password as the last one; `forwarded(i)`
// names the client address each one claims behind a trusted proxy.
BurstOutcome LoginBurst(test::TestServer& server, int total, const std::function<std::string(int)>& forwarded) {
    BurstOutcome outcome;
    outcome.statuses = Hammer(
        server.Port(), 50, total,
        [&](test::HttpClient& c, int i) {
            const bool right = i == total - 1;
            return c.PostJson("/api/v1/auth/login",
                              std::string(R"({"username":"burst_target","password":")") +
                                  (right ? "garden123" : "wrong" + std::to_string(1000 + i)) + "\"}",
                              {"X-Forwarded-For: " + forwarded(i)});
        },
        [&](int i, const test::HttpResult& result) {
            if (i == total - 1) outcome.right_password_status = static_cast<int>(result.status);
        });
    return outcome;
}

int CountOf(const std::map<long, int>& statuses, long status) {
    const auto it = statuses.find(status);
    return it == statuses.end() ? 0 : it->second;
}

// The per-account budget (5 in 15 minutes) holds for a burst of 200 parallel guesses from one address:
// no more than 5 passwords are checked, and once they are spent the right one is refused too.
TEST(LoginThrottle, ABurstFromOneAddressGetsNoMoreChecksThanTheLimit) {
    test::TestServer server("", {{"core.http.trusted_proxies", "127.0.0.1"}});
    auto client = server.Client();
    test::CreateVerifiedUser(server, client, "burst_target", "burst@example.com");
    const std::size_t runs_before = HasherRuns(server);
    const auto burst = LoginBurst(server, 200, [](int) { return "203.0.113.50"; });
    const int checked = CountOf(burst.statuses, 401) + CountOf(burst.statuses, 200);
    EXPECT_LE(checked, 5);
    EXPECT_GE(CountOf(burst.statuses, 429), 195);
    EXPECT_EQ(CountOf(burst.statuses, 429) + checked, 200);
    EXPECT_LE(HasherRuns(server) - runs_before, 5U);
    if (burst.right_password_status != 200) {
        // The budget went on wrong guesses: the right password waits out the window like any other.
        EXPECT_EQ(burst.right_password_status, 429);
        EXPECT_EQ(client.PostJson("/api/v1/auth/login", R"({"username":"burst_target","password":"garden123"})").status,
                  429);
    }
    EXPECT_EQ(Count(server, "SELECT COUNT(*) FROM refresh_tokens"), 1 + CountOf(burst.statuses, 200));
}

// Spraying from 50 addresses (4 guesses each, well under the per-address budget of 20) does not widen the
// per-account budget.
TEST(LoginThrottle, ABurstFromFiftyAddressesGetsNoMoreChecksThanTheAccountLimit) {
    test::TestServer server("", {{"core.http.trusted_proxies", "127.0.0.1"}});
    auto client = server.Client();
    test::CreateVerifiedUser(server, client, "burst_target", "burst@example.com");
    const std::size_t runs_before = HasherRuns(server);
    const auto burst = LoginBurst(server, 200, [](int i) { return "198.51.100." + std::to_string(1 + i % 50); });
    const int checked = CountOf(burst.statuses, 401) + CountOf(burst.statuses, 200);
    EXPECT_LE(checked, 5);
    EXPECT_EQ(CountOf(burst.statuses, 429) + checked, 200);
    EXPECT_LE(HasherRuns(server) - runs_before, 5U);
    if (burst.right_password_status != 200) {
        EXPECT_EQ(burst.right_password_status, 429);
    }
}

// The per-address budget (20) holds for a burst spread over many accounts (password spraying).
TEST(LoginThrottle, ASprayFromOneAddressGetsNoMoreChecksThanTheAddressLimit) {
    test::TestServer server("", {{"core.http.trusted_proxies", "127.0.0.1"}});
    const std::size_t runs_before = HasherRuns(server);
    const auto statuses = Hammer(server.Port(), 50, 300, [](test::HttpClient& c, int i) {
        return c.PostJson("/api/v1/auth/login",
                          R"({"username":"sprayed_)" + std::to_string(i) + R"(","password":"garden123"})",
                          {"X-Forwarded-For: 192.0.2.77"});
    });
    EXPECT_EQ(CountOf(statuses, 401), 20);
    EXPECT_EQ(CountOf(statuses, 429), 280);
    EXPECT_EQ(HasherRuns(server) - runs_before, 20U);
}

// A flood of made-up reset tokens costs no password hashing: the token is checked first.
TEST(PasswordReset, FakeTokensCauseNoHashing) {
    test::TestServer server;
    const std::size_t runs_before = HasherRuns(server);
    const auto statuses = Hammer(server.Port(), 16, 400, [](test::HttpClient& c, int i) {
        return c.PostJson("/api/v1/auth/password-reset/confirm",
                          R"({"token":"forged)" + std::to_string(i) + R"(","new_password":"newgarden1"})");
    });
    EXPECT_EQ(CountOf(statuses, 400), 400);
    EXPECT_EQ(HasherRuns(server), runs_before);
}

TEST(PlantConcurrency, ThousandsOfSearchesAllGetTheSameAnswers) {
    test::TestServer server;
    static const char* kQueries[] = {"/api/v1/plants?q=%EB%AA%AC", "/api/v1/plants?category=leaf",
                                     "/api/v1/plants/16449", "/api/v1/plants?limit=100"};
    // What each query answers when asked alone; every answer under load must be the same document.
    std::vector<boost::json::value> expected;
    auto client = server.Client();
    for (const char* query : kQueries) {
        const auto alone = client.Get(query);
        ASSERT_EQ(alone.status, 200);
        expected.push_back(alone.Json());
    }
    ASSERT_FALSE(expected[0].at("items").as_array().empty());
    ASSERT_EQ(expected[3].at("items").as_array().size(), 100U);
    int mismatches = 0;
    const auto statuses = Hammer(
        server.Port(), 32, 4000, [](test::HttpClient& c, int i) { return c.Get(kQueries[i % 4]); },
        [&](int i, const test::HttpResult& result) {
            if (result.status == 200 && result.Json() != expected[i % 4]) ++mismatches;
        });
    EXPECT_EQ(statuses.at(200), 4000);
    EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace sikgu::account
