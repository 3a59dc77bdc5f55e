#include "services/account/store/account_store.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "core/bus/event.hpp"
#include "core/sql/database.hpp"
#include "core/sql/migrator.hpp"
#include "core/sql/sqlite.hpp"
#include "core/util/ids.hpp"
#include "support/test_server.hpp"

namespace sikgu::account {
std::span<const EmbeddedFile> Migrations();

namespace {

class AccountStoreTest : public ::testing::Test {
protected:
    AccountStoreTest()
        : db_("account", Factory(), {2}), ids_(clock_, 2), store_(db_, ids_, clock_, AccountLimits{}) {
        sql::Migrate(db_, "account.bus", bus::BusMigrations());
        sql::Migrate(db_, "account", Migrations());
    }
    sql::Database::Factory Factory() {
        const auto path = (dir_.Path() / "account.db").string();
        return [path] { return sql::OpenSqlite({path}); };
    }
    template <class T>
    T Run(core::Task<T> task) {
        auto future = boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future);
        io_.restart();
        io_.run();
        return future.get();
    }
    std::int64_t Count(const char* table) {
        return db_.WriteNow([&](sql::Connection& c) {
            return c.QueryOne(std::string("SELECT COUNT(*) FROM ") + table)->at(0).AsInt();
        });
    }

    test::TempDir dir_;
    test::FakeClock clock_;
    boost::asio::io_context io_;
    sql::Database db_;
    IdGenerator ids_;
    AccountStore store_;
};

TEST_F(AccountStoreTest, PurgeRemovesOnlyWhatCanNoLongerBeUsed) {
    const auto live = Run(store_.IssueRefresh(1));
    const auto revoked = Run(store_.IssueRefresh(2));
    Run([&]() -> core::Task<int> {
        co_await store_.RevokeFamilyOf(revoked.token);
        co_return 0;
    }());
    EXPECT_EQ(Run(store_.PurgeExpired()), 0);  // revoked only just now: kept a day for reuse detection
    clock_.Advance(std::chrono::hours(25));
    EXPECT_EQ(Run(store_.PurgeExpired()), 1);
    EXPECT_EQ(Count("refresh_tokens"), 1);
    clock_.Advance(std::chrono::hours(24 * 30));
    EXPECT_EQ(Run(store_.PurgeExpired()), 1);  // the live one has expired by now
    EXPECT_EQ(Count("refresh_tokens"), 0);
    (void)live;
}

}  // namespace
}  // namespace sikgu::account
