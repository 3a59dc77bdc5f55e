#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <condition_variable>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/async/task.hpp"
#include "core/sql/value.hpp"

namespace sikgu::sql {

enum class Engine { kSqlite, kPostgres };

/// One database session. Statements use `?` placeholders and the SQL subset both engines accept
/// (BIGINT ids made by the application, TEXT, INTEGER/BIGINT, RETURNING, ON CONFLICT).
/// Prepared statements are cached per connection by their text.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Rows Query(std::string_view sql, std::span<const Value> params) = 0;
    /// Returns the number of rows changed.
    virtual std::int64_t Execute(std::string_view sql, std::span<const Value> params) = 0;
    /// Runs several statements separated by semicolons, without parameters (migrations).
    virtual void ExecuteScript(std::string_view sql) = 0;
    virtual Engine GetEngine() const = 0;

    Rows Query(std::string_view sql, std::initializer_list<Value> params = {}) {
        return Query(sql, std::span<const Value>(params.begin(), params.size()));
    }
    std::int64_t Execute(std::string_view sql, std::initializer_list<Value> params = {}) {
        return Execute(sql, std::span<const Value>(params.begin(), params.size()));
    }
    /// The first row, if any.
    std::optional<Row> QueryOne(std::string_view sql, std::initializer_list<Value> params = {}) {
        Rows rows = Query(sql, params);
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }
};

struct DatabaseOptions {
    std::size_t pool_size = 4;
};

/// A pool of connections to one service's database, each used by one thread of a private thread pool,
/// so blocking drivers never stall the event loop. Callers write plain synchronous code against a
/// Connection and `co_await` the result:
///
///   auto user = co_await db.Read([&](Connection& c) { return c.QueryOne("SELECT ..", {id}); });
///   co_await db.Write([&](Connection& c) { c.Execute("INSERT ..", {..}); });   // one transaction
class Database {
public:
    using Factory = std::function<std::unique_ptr<Connection>()>;
    Database(std::string name, Factory factory, DatabaseOptions options);
    ~Database();

    /// Runs `fn` on a pooled connection outside a transaction (single reads).
    // Function objects are taken by reference: the caller's object outlives the co_await, and GCC 12
    // copies class-type coroutine arguments bitwise.
    template <class F>
    auto Read(F&& fn) -> core::Task<std::invoke_result_t<F&, Connection&>> {
        co_return co_await Run(fn, false);
    }

    /// Runs `fn` inside a transaction: committed when it returns, rolled back when it throws.
    template <class F>
    auto Write(F&& fn) -> core::Task<std::invoke_result_t<F&, Connection&>> {
        co_return co_await Run(fn, true);
    }

    /// Synchronous access for start-up work (migrations, imports) before the server runs.
    template <class F>
    auto WriteNow(F fn) -> std::invoke_result_t<F&, Connection&> {
        Lease lease(*this);
        return InTransaction(*lease, fn);
    }

    const std::string& Name() const { return name_; }
    Engine GetEngine() const { return engine_; }
    std::size_t Waiting() const;
    std::size_t PoolSize() const { return options_.pool_size; }

private:
    class Lease {
    public:
        explicit Lease(Database& db) : db_(db), connection_(db.Acquire()) {}
        ~Lease() { db_.Release(std::move(connection_)); }
        Connection& operator*() { return *connection_; }

    private:
        Database& db_;
        std::unique_ptr<Connection> connection_;
    };

    template <class F>
    static auto InTransaction(Connection& c, F& fn) -> std::invoke_result_t<F&, Connection&> {
        // IMMEDIATE takes SQLite's write lock up front, so two writers never deadlock on upgrade.
        c.Execute(c.GetEngine() == Engine::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<F&, Connection&>>) {
                fn(c);
                c.Execute("COMMIT");
            } else {
                auto result = fn(c);
                c.Execute("COMMIT");
                return result;
            }
        } catch (...) {
            try {
                c.Execute("ROLLBACK");
            } catch (...) {
            }
            throw;
        }
    }

    template <class F>
    auto Run(F& fn, bool transaction) -> core::Task<std::invoke_result_t<F&, Connection&>> {
        using Result = std::invoke_result_t<F&, Connection&>;
        if constexpr (std::is_void_v<Result>) {
            co_await boost::asio::co_spawn(
                pool_,
                [&]() -> core::Task<void> {
                    Lease lease(*this);
                    if (transaction) {
                        InTransaction(*lease, fn);
                    } else {
                        fn(*lease);
                    }
                    co_return;
                },
                boost::asio::use_awaitable);
        } else {
            // co_spawn needs a default-constructible result, hence the optional.
            std::optional<Result> result = co_await boost::asio::co_spawn(
                pool_,
                [&]() -> core::Task<std::optional<Result>> {
                    Lease lease(*this);
                    if (transaction) co_return InTransaction(*lease, fn);
                    co_return fn(*lease);
                },
                boost::asio::use_awaitable);
            co_return std::move(*result);
        }
    }

    std::unique_ptr<Connection> Acquire();
    void Release(std::unique_ptr<Connection> connection);

    std::string name_;
    Factory factory_;
    DatabaseOptions options_;
    Engine engine_;
    boost::asio::thread_pool pool_;
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t created_ = 0;
    std::size_t waiting_ = 0;
};

}  // namespace sikgu::sql
