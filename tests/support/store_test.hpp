#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <memory>
#include <string>

#include "core/async/task.hpp"
#include "core/sql/database.hpp"
#include "support/test_server.hpp"

namespace sikgu::test {

/// A fresh database for a store test: SQLite in `dir`, or the PostgreSQL server named by
/// SIKGU_TEST_POSTGRES_URL with its public schema emptied (ctest sql.postgres). nullptr when the test
/// asks for PostgreSQL and none is configured, so it can skip.
std::unique_ptr<sql::Database> OpenStoreTestDatabase(sql::Engine engine, const TempDir& dir, const std::string& name,
                                                     std::size_t pool_size = 2);

/// Test name suffix for engine-parameterised suites; ctest selects PostgreSQL runs by "*Postgres".
std::string EngineName(sql::Engine engine);

/// Runs coroutines to completion on a private event loop.
class TaskRunner {
public:
    template <class T>
    T Run(core::Task<T> task) {
        auto future = boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future);
        io_.restart();
        io_.run();
        return future.get();
    }

private:
    boost::asio::io_context io_;
};

}  // namespace sikgu::test
