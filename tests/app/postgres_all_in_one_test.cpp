#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>

#include "support/test_server.hpp"

namespace sikgu {
namespace {

// Every service on PostgreSQL (one database each): migrations, the shipped catalogue, and an account journey.
TEST(PostgresAllInOne, MigratesLoadsTheCatalogueAndServesAccounts) {
    const char* url = std::getenv("SIKGU_TEST_POSTGRES_TEMPLATE");
    if (url == nullptr) GTEST_SKIP() << "runs under tests/support/with_postgres.sh (ctest sql.postgres)";
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

}  // namespace
}  // namespace sikgu
