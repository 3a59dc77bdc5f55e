#include "support/store_test.hpp"

#include <cstdlib>

#include "core/sql/postgres.hpp"
#include "core/sql/sqlite.hpp"

namespace sikgu::test {

std::unique_ptr<sql::Database> OpenStoreTestDatabase(sql::Engine engine, const TempDir& dir, const std::string& name,
                                                     std::size_t pool_size) {
    if (engine == sql::Engine::kPostgres) {
        const char* url = std::getenv("SIKGU_TEST_POSTGRES_URL");
        if (url == nullptr) return nullptr;
        const std::string u = url;
        auto db = std::make_unique<sql::Database>(name, [u] { return sql::OpenPostgres(u); }, sql::DatabaseOptions{pool_size});
        db->WriteNow([](sql::Connection& c) { c.ExecuteScript("DROP SCHEMA public CASCADE; CREATE SCHEMA public"); });
        return db;
    }
    const auto path = (dir.Path() / (name + ".db")).string();
    return std::make_unique<sql::Database>(name, [path] { return sql::OpenSqlite({path}); }, sql::DatabaseOptions{pool_size});
}

std::string EngineName(sql::Engine engine) { return engine == sql::Engine::kSqlite ? "Sqlite" : "Postgres"; }

}  // namespace sikgu::test
