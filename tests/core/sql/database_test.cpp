#include "core/sql/database.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <thread>

#include "core/sql/migrator.hpp"
#include "core/sql/postgres.hpp"
#include "support/store_test.hpp"

namespace sikgu::sql {
namespace {

// Runs the same tests on SQLite, and on PostgreSQL when SIKGU_TEST_POSTGRES_URL names a server.
class DatabaseTest : public ::testing::TestWithParam<Engine> {
protected:
    void SetUp() override {
        db_ = test::OpenStoreTestDatabase(GetParam(), dir_, "test", 3);
        SIKGU_REQUIRE_PREREQUISITE(db_ != nullptr, "a PostgreSQL server: run under tests/support/with_postgres.sh (ctest sql.postgres)");
    }

    template <class F>
    auto Await(F task) {
        return boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future);
    }

    test::TempDir dir_;
    boost::asio::io_context io_;
    std::unique_ptr<Database> db_;
};

constexpr EmbeddedFile kMigrations[] = {
    {"V001__create_items.sql", "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, qty INTEGER, "
                               "price DOUBLE PRECISION)"},
    {"V002__add_note.sql", "ALTER TABLE items ADD COLUMN note TEXT"},
};

TEST_P(DatabaseTest, MigratesOnceAndDetectsEditedMigrations) {
    EXPECT_EQ(Migrate(*db_, "svc", kMigrations), 2);
    EXPECT_EQ(Migrate(*db_, "svc", kMigrations), 0);
    const EmbeddedFile edited[] = {kMigrations[0], {"V002__add_note.sql", "ALTER TABLE items ADD COLUMN other TEXT"}};
    EXPECT_THROW(Migrate(*db_, "svc", edited), SqlError);
}

TEST_P(DatabaseTest, RoundTripsValuesThroughPlaceholders) {
    Migrate(*db_, "svc", kMigrations);
    db_->WriteNow([](Connection& c) {
        c.Execute("INSERT INTO items (id, name, qty, price, note) VALUES (?, ?, ?, ?, ?)",
                  {std::int64_t{9007199254740993}, "몬스테라 'quoted' ?", 3, 12.5, nullptr});
    });
    const auto row = db_->WriteNow([](Connection& c) {
        return c.QueryOne("SELECT id, name, qty, price, note FROM items WHERE name = ?", {"몬스테라 'quoted' ?"});
    });
    ASSERT_TRUE(row);
    EXPECT_EQ((*row)[0].AsInt(), 9007199254740993);
    EXPECT_EQ((*row)[1].AsText(), "몬스테라 'quoted' ?");
    EXPECT_EQ((*row)[2].AsInt(), 3);
    EXPECT_DOUBLE_EQ((*row)[3].AsDouble(), 12.5);
    EXPECT_TRUE((*row)[4].IsNull());
}

TEST_P(DatabaseTest, SqlMetacharactersAreData) {
    Migrate(*db_, "svc", kMigrations);
    const std::string evil = "x'); DROP TABLE items; --";
    db_->WriteNow([&](Connection& c) { c.Execute("INSERT INTO items (id, name) VALUES (?, ?)", {1, evil}); });
    const auto rows = db_->WriteNow([](Connection& c) { return c.Query("SELECT name FROM items"); });
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0][0].AsText(), evil);
}

TEST_P(DatabaseTest, UniqueViolationsAreTypedAndRollBack) {
    Migrate(*db_, "svc", kMigrations);
    db_->WriteNow([](Connection& c) { c.Execute("INSERT INTO items (id, name) VALUES (1, 'a')"); });
    EXPECT_THROW(db_->WriteNow([](Connection& c) {
        c.Execute("INSERT INTO items (id, name) VALUES (2, 'b')");
        c.Execute("INSERT INTO items (id, name) VALUES (3, 'a')");
    }),
                 UniqueViolation);
    const auto count = db_->WriteNow([](Connection& c) { return c.Query("SELECT id FROM items").size(); });
    EXPECT_EQ(count, 1U);  // the whole transaction was rolled back
}

TEST_P(DatabaseTest, ConcurrentWritersNeverLoseAnIncrement) {
    Migrate(*db_, "svc", kMigrations);
    db_->WriteNow([](Connection& c) { c.Execute("INSERT INTO items (id, name, qty) VALUES (1, 'counter', 0)"); });
    std::vector<std::future<void>> done;
    for (int i = 0; i < 200; ++i) {
        done.push_back(Await([this]() -> core::Task<void> {
            co_await db_->Write([](Connection& c) { c.Execute("UPDATE items SET qty = qty + 1 WHERE id = 1"); });
        }));
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) threads.emplace_back([this] { io_.run(); });
    for (auto& t : threads) t.join();
    for (auto& f : done) f.get();
    const auto qty = db_->WriteNow([](Connection& c) { return c.QueryOne("SELECT qty FROM items")->at(0).AsInt(); });
    EXPECT_EQ(qty, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return test::EngineName(info.param); });

TEST(PostgresPlaceholders, SkipQuotedText) {
    EXPECT_EQ(ToPostgresPlaceholders("SELECT '?' , \"a?\" FROM t WHERE a = ? AND b = ?"),
              "SELECT '?' , \"a?\" FROM t WHERE a = $1 AND b = $2");
}

}  // namespace
}  // namespace sikgu::sql
