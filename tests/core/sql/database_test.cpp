#include "core/sql/database.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <atomic>
#include <future>
#include <thread>

#include "core/sql/migrator.hpp"
#include "core/sql/postgres.hpp"
#include "core/sql/sqlite.hpp"
#include "core/util/errors.hpp"
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

TEST_P(DatabaseTest, AppliesOnlyTheMigrationsOfItsEngine) {
    const EmbeddedFile migrations[] = {
        {"V001__create_items.sql", "CREATE TABLE items (id BIGINT PRIMARY KEY)"},
        {"V002__engine.sqlite.sql", "CREATE TABLE on_sqlite (id BIGINT)"},
        {"V002__engine.postgres.sql", "CREATE TABLE on_postgres (id BIGINT)"},
    };
    EXPECT_EQ(Migrate(*db_, "svc", migrations), 2);
    const bool sqlite = db_->GetEngine() == Engine::kSqlite;
    const auto count = [&](const char* table) {
        return db_->ReadNow([&](Connection& c) {
            const char* sql = sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE name = ?"
                                     : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ?";
            return (*c.QueryOne(sql, {table}))[0].AsInt();
        });
    };
    EXPECT_EQ(count("on_sqlite"), sqlite ? 1 : 0);
    EXPECT_EQ(count("on_postgres"), sqlite ? 0 : 1);
}

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

// 1,000 units of work at once, one of them failing after it wrote: only that one fails and leaves nothing;
// on SQLite they share far fewer commits than there are units (group commit).
TEST_P(DatabaseTest, ThousandConcurrentUnitsOfWorkWithOneFailingLoseOnlyThatOne) {
    Migrate(*db_, "svc", kMigrations);
    constexpr int kUnits = 1000;
    constexpr int kFailing = 613;
    const auto commits_before = db_->Commits();
    const auto units_before = db_->CommittedUnits();
    std::atomic<int> failing_runs = 0;
    std::atomic<int> hooks_run = 0;
    std::vector<std::future<std::string>> outcomes;
    for (int i = 0; i < kUnits; ++i) {
        outcomes.push_back(Await([this, i, &failing_runs, &hooks_run]() -> core::Task<std::string> {
            std::string outcome = "ok";
            try {
                co_await db_->Write([i, &failing_runs, &hooks_run](Transaction& tx) {
                    tx.AfterCommit([&hooks_run]() -> core::Task<void> {
                        ++hooks_run;
                        co_return;
                    });
                    tx.Execute("INSERT INTO items (id, name, qty) VALUES (?, ?, ?)", {i, "item-" + std::to_string(i), i});
                    tx.Execute("UPDATE items SET qty = qty + 1 WHERE id = ?", {i});
                    if (i == kFailing) {
                        ++failing_runs;
                        throw std::runtime_error("refused");
                    }
                });
            } catch (const std::exception& e) {
                outcome = e.what();
            }
            co_return outcome;
        }));
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) threads.emplace_back([this] { io_.run(); });
    for (auto& t : threads) t.join();
    for (int i = 0; i < kUnits; ++i) EXPECT_EQ(outcomes[i].get(), i == kFailing ? "refused" : "ok") << i;
    const auto rows = db_->ReadNow([](Connection& c) { return c.Query("SELECT id, qty FROM items ORDER BY id"); });
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(kUnits - 1));
    for (const auto& row : rows) {
        EXPECT_NE(row[0].AsInt(), kFailing);
        EXPECT_EQ(row[1].AsInt(), row[0].AsInt() + 1);  // both statements of each unit, never half of one
    }
    EXPECT_EQ(db_->CommittedUnits() - units_before, static_cast<std::uint64_t>(kUnits - 1));
    EXPECT_EQ(failing_runs.load(), 1) << "a unit that failed must not be run again";
    EXPECT_EQ(hooks_run.load(), kUnits - 1) << "after-commit hooks run once per committed unit";
    if (GetParam() == Engine::kSqlite) {
        EXPECT_LT(db_->Commits() - commits_before, static_cast<std::uint64_t>(kUnits / 4)) << "units were not grouped";
    }
}

TEST_P(DatabaseTest, AfterCommitHooksRunOnlyForCommittedUnits) {
    Migrate(*db_, "svc", kMigrations);
    std::vector<std::string> ran;
    const auto unit = [&](int id, bool fail) -> core::Task<void> {
        co_await db_->Write([&, id, fail](Transaction& tx) {
            tx.Execute("INSERT INTO items (id, name) VALUES (?, ?)", {id, "n" + std::to_string(id)});
            tx.AfterCommit([&ran, id]() -> core::Task<void> {
                ran.push_back("hook " + std::to_string(id));
                co_return;
            });
            if (fail) throw std::runtime_error("no");
        });
        ran.push_back("returned " + std::to_string(id));
    };
    auto ok = Await([&]() -> core::Task<void> { co_await unit(1, false); });
    auto failed = Await([&]() -> core::Task<void> { co_await unit(2, true); });
    io_.run();
    ok.get();
    EXPECT_THROW(failed.get(), std::runtime_error);
    EXPECT_EQ(ran, (std::vector<std::string>{"hook 1", "returned 1"}));
}

// The SQLite writer's queue is bounded: past it, a unit of work is refused at once with OverloadedError
// (the pipeline's 503), and nothing of it is written.
TEST(GroupCommit, AFullWriteQueueRefusesWithOverloaded) {
    test::TempDir dir;
    const auto path = (dir.Path() / "q.db").string();
    Database db("q", [path] { return OpenSqlite({path}); }, DatabaseOptions{.pool_size = 1, .write_queue = 8, .max_batch = 1});
    db.WriteNow([](Connection& c) { c.Execute("CREATE TABLE t (n INTEGER)"); });
    // Hold the writer inside a unit of work until every other one has been submitted.
    std::promise<void> release;
    auto released = release.get_future().share();
    boost::asio::io_context io;
    std::atomic<int> overloaded{0};
    std::atomic<int> written{0};
    for (int i = 0; i < 40; ++i) {
        boost::asio::co_spawn(
            io,
            [&, i]() -> core::Task<void> {
                try {
                    co_await db.Write([&, i](Connection& c) {
                        if (i == 0) released.wait();
                        c.Execute("INSERT INTO t (n) VALUES (?)", {i});
                    });
                    ++written;
                } catch (const OverloadedError&) {
                    ++overloaded;
                }
            },
            boost::asio::detached);
    }
    std::thread loop([&] { io.run(); });
    while (db.WriteQueueDepth() < 8 && overloaded.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (int spin = 0; spin < 200 && overloaded.load() + 8 + 1 < 40; ++spin) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    release.set_value();
    loop.join();
    EXPECT_GE(overloaded.load(), 1);
    EXPECT_EQ(overloaded.load() + written.load(), 40);
    EXPECT_EQ(db.ReadNow([](Connection& c) { return c.Query("SELECT n FROM t").size(); }),
              static_cast<std::size_t>(written.load()));
}

TEST(GroupCommit, WriteNowInsideAUnitOfWorkIsRefusedInsteadOfWaitingForItself) {
    test::TempDir dir;
    const auto path = (dir.Path() / "n.db").string();
    Database db("n", [path] { return OpenSqlite({path}); }, DatabaseOptions{});
    EXPECT_THROW(db.WriteNow([&](Connection&) { db.WriteNow([](Connection&) {}); }), std::logic_error);
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return test::EngineName(info.param); });

TEST(PostgresPlaceholders, SkipQuotedText) {
    EXPECT_EQ(ToPostgresPlaceholders("SELECT '?' , \"a?\" FROM t WHERE a = ? AND b = ?"),
              "SELECT '?' , \"a?\" FROM t WHERE a = $1 AND b = $2");
}

TEST(PostgresPlaceholders, NumberedOnesKeepTheirNumber) {
    EXPECT_EQ(ToPostgresPlaceholders("SELECT * FROM t WHERE a = ?1 OR b = ?1 AND c = ?12"),
              "SELECT * FROM t WHERE a = $1 OR b = $1 AND c = $12");
}

}  // namespace
}  // namespace sikgu::sql
