#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "support/test_server.hpp"

namespace sikgu::account {
namespace {

// Fires `total` requests from `threads` clients at once and counts the answers by status.
template <class F>
std::map<long, int> Hammer(std::uint16_t port, int threads, int total, F request) {
    std::atomic<int> next{0};
    std::mutex mutex;
    std::map<long, int> statuses;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            test::HttpClient client(port);
            for (int i = next++; i < total; i = next++) {
                const long status = request(client, i).status;
                std::lock_guard lock(mutex);
                ++statuses[status];
            }
        });
    }
    for (auto& t : pool) t.join();
    return statuses;
}

TEST(AccountConcurrency, OneUsernameIsGrantedExactlyOnceUnderARace) {
    test::TestServer server;
    const auto statuses = Hammer(server.Port(), 32, 1000, [](test::HttpClient& c, int i) {
        return c.PostJson("/api/v1/auth/signup",
                          boost::json::serialize(boost::json::object{{"username", "contested"},
                                                                     {"nickname", "닉" + std::to_string(i)},
                                                                     {"email", std::to_string(i) + "@example.com"},
                                                                     {"password", "garden123"}}));
    });
    EXPECT_EQ(statuses.at(201), 1);
    EXPECT_EQ(statuses.at(409), 999);
    EXPECT_EQ(statuses.size(), 2U);
}

// 200 clients racing one refresh token.
std::map<long, int> RaceOneRefreshToken(test::TestServer& server) {
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "racer", "racer@example.com");
    const std::string body = R"({"refresh_token":")" + std::string(login.at("refresh_token").as_string()) + "\"}";
    return Hammer(server.Port(), 16, 200, [&](test::HttpClient& c, int) { return c.PostJson("/api/v1/auth/refresh", body); });
}

TEST(AccountConcurrency, ARefreshTokenIsSpentExactlyOnceWithoutAGraceWindow) {
    test::TestServer server("", {{"account.refresh_reuse_grace_seconds", "0"}});
    const auto statuses = RaceOneRefreshToken(server);
    EXPECT_EQ(statuses.at(200), 1);
    EXPECT_EQ(statuses.at(401), 199);
}

TEST(AccountConcurrency, ARefreshRaceGetsAtMostFourSessionsThenTheFamilyIsRevoked) {
    test::TestServer server;
    const auto statuses = RaceOneRefreshToken(server);
    EXPECT_EQ(statuses.at(200), 4);
    EXPECT_EQ(statuses.at(401), 196);
}

TEST(PlantConcurrency, ThousandsOfSearchesAllSucceed) {
    test::TestServer server;
    const auto statuses = Hammer(server.Port(), 32, 4000, [](test::HttpClient& c, int i) {
        static const char* kQueries[] = {"/api/v1/plants?q=%EB%AA%AC", "/api/v1/plants?category=leaf",
                                         "/api/v1/plants/16449", "/api/v1/plants?limit=100"};
        return c.Get(kQueries[i % 4]);
    });
    EXPECT_EQ(statuses.at(200), 4000);
}

}  // namespace
}  // namespace sikgu::account
