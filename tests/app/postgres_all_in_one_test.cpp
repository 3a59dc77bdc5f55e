#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <atomic>
#include <cstdlib>
#include <thread>
#include <vector>

#include "support/test_server.hpp"

namespace sikgu {
namespace {

// Every service on PostgreSQL (one database each): migrations, the shipped catalogue, and an account journey.
TEST(PostgresAllInOne, MigratesLoadsTheCatalogueAndServesAccounts) {
    const char* url = std::getenv("SIKGU_TEST_POSTGRES_TEMPLATE");
    SIKGU_REQUIRE_PREREQUISITE(url != nullptr, "a PostgreSQL server: run under tests/support/with_postgres.sh (ctest sql.postgres)");
    test::TestServer server("", {{"core.sql.engine", "postgres"}, {"core.sql.postgres_url", url},
                                       {"account.refresh_reuse_grace_seconds", "0"}});
    auto client = server.Client();

    EXPECT_EQ(client.Get("/readyz").status, 200);
    const auto search = client.Get("/api/v1/plants?q=%E3%85%81%E3%85%85%E3%85%8C%E3%84%B9");  // ㅁㅅㅌㄹ
    ASSERT_EQ(search.status, 200);
    EXPECT_NE(search.body.find("몬스테라"), std::string::npos);

    const auto login = test::CreateVerifiedUser(server, client, "pg_user", "pg@example.com", "피지");
    EXPECT_EQ(client.PostJson("/api/v1/auth/signup",
                              R"({"username":"PG_USER","nickname":"다른","email":"pg2@example.com","password":"garden123"})")
                  .Code(),
              "account.username_taken");
    const std::string refresh(login.at("refresh_token").as_string());
    EXPECT_EQ(client.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + refresh + "\"}").status, 200);
    EXPECT_EQ(client.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + refresh + "\"}").Code(),
              "auth.refresh_reused");
}

// Concurrent refreshes of one token on PostgreSQL (read committed): the per-user lock makes the grace
// window's limit exact, as SQLite's single writer does.
TEST(PostgresAllInOne, ARefreshRaceGetsAtMostFourSessions) {
    const char* url = std::getenv("SIKGU_TEST_POSTGRES_TEMPLATE");
    SIKGU_REQUIRE_PREREQUISITE(url != nullptr, "a PostgreSQL server: run under tests/support/with_postgres.sh (ctest sql.postgres)");
    test::TestServer server("", {{"core.sql.engine", "postgres"}, {"core.sql.postgres_url", url}});
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, "pg_racer", "pg_racer@example.com", "경주");
    const std::string body = R"({"refresh_token":")" + std::string(login.at("refresh_token").as_string()) + "\"}";
    std::atomic<int> next{0};
    std::atomic<int> ok{0};
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t) {
        threads.emplace_back([&] {
            test::HttpClient c(server.Port());
            while (next++ < 200) {
                const long status = c.PostJson("/api/v1/auth/refresh", body).status;
                (status == 200 ? ok : refused)++;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(ok.load(), 4);
    EXPECT_EQ(refused.load(), 196);
}

}  // namespace
}  // namespace sikgu
