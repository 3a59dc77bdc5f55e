#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <regex>

#include "support/test_server.hpp"

namespace sikgu {
namespace {

// Every service on PostgreSQL (one database each): migrations, the shipped catalogue, and an account journey.
TEST(PostgresAllInOne, MigratesLoadsTheCatalogueAndServesAccounts) {
    const char* url = std::getenv("SIKGU_TEST_POSTGRES_TEMPLATE");
    if (url == nullptr) GTEST_SKIP() << "runs under tests/support/with_postgres.sh (ctest sql.postgres)";
    test::TestServer server("", {{"core.sql.engine", "postgres"}, {"core.sql.postgres_url", url}});
    auto client = server.Client();

    EXPECT_EQ(client.Get("/readyz").status, 200);
    const auto search = client.Get("/api/v1/plants?q=%E3%85%81%E3%85%85%E3%85%8C%E3%84%B9");  // ㅁㅅㅌㄹ
    ASSERT_EQ(search.status, 200);
    EXPECT_NE(search.body.find("몬스테라"), std::string::npos);

    ASSERT_EQ(client.PostJson("/api/v1/auth/signup",
                              R"({"username":"pg_user","nickname":"피지","email":"pg@example.com","password":"garden123"})")
                  .status,
              201);
    EXPECT_EQ(client.PostJson("/api/v1/auth/signup",
                              R"({"username":"PG_USER","nickname":"다른","email":"pg2@example.com","password":"garden123"})")
                  .Code(),
              "account.username_taken");
    std::smatch m;
    const std::string mail = server.LastMailTo("pg@example.com");
    ASSERT_TRUE(std::regex_search(mail, m, std::regex("\\b(\\d{6})\\b")));
    ASSERT_EQ(client.PostJson("/api/v1/auth/verify-email", R"({"email":"pg@example.com","code":")" + m[1].str() + "\"}")
                  .status,
              200);
    const auto login = client.PostJson("/api/v1/auth/login", R"({"username":"pg_user","password":"garden123"})");
    ASSERT_EQ(login.status, 200);
    const std::string refresh(login.Json().at("refresh_token").as_string());
    EXPECT_EQ(client.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + refresh + "\"}").status, 200);
    EXPECT_EQ(client.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + refresh + "\"}").Code(),
              "auth.refresh_reused");
}

}  // namespace
}  // namespace sikgu
