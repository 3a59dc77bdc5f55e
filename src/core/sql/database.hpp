#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "core/async/task.hpp"
#include "core/sql/transaction.hpp"
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
    std::size_t pool_size = 4;        // connections for reads (SQLite), for everything (PostgreSQL)
    std::size_t write_queue = 10000;  // SQLite: units of work waiting for the writer; more fail with OverloadedError
    std::size_t max_batch = 1000;     // SQLite: units of work committed together at most
};

/// What a unit of work given to Database::Write returns; it takes a Transaction& or a plain Connection&.
template <class F>
struct WriteTraits {
    static constexpr bool kTakesTransaction = std::is_invocable_v<F&, Transaction&>;
    using Result = typename std::conditional_t<kTakesTransaction, std::invoke_result<F&, Transaction&>,
                                               std::invoke_result<F&, Connection&>>::type;
};

/// One service's database. Store code writes plain synchronous SQL in a lambda and `co_await`s it:
///
///   auto user = co_await db.Read([&](Connection& c) { return c.QueryOne("SELECT ..", {id}); });
///   co_await db.Write([&](Transaction& tx) { tx.Execute("INSERT ..", {..}); tx.Publish(event); });
///
/// Reads run on a pool of connections on private threads, so the blocking drivers never stall the event
/// loop. Writes are units of work (Transaction). On SQLite, which has one writer anyway, a single writer
/// thread takes every waiting unit of work into one transaction and commits them together: one disk sync
/// for the whole group (group commit). Should one of them fail, the group is run again with a SAVEPOINT
/// around each unit, so only the failing one is rolled back. On PostgreSQL each unit of work is a
/// transaction on a pooled connection.
class Database {
public:
    using Factory = std::function<std::unique_ptr<Connection>()>;
    Database(std::string name, Factory factory, DatabaseOptions options);
    ~Database();

    /// What transactions can do beyond SQL (the clock, ids, the outbox, the mail queue); set by the runtime
    /// before the database is used.
    void SetServices(TransactionServices services) { services_ = std::move(services); }

    /// Runs `fn(Connection&)` on a pooled connection outside a transaction (reads).
    // Function objects are taken by reference: the caller's object outlives the co_await, and GCC 12
    // copies class-type coroutine arguments bitwise.
    template <class F>
    auto Read(F&& fn) -> core::Task<std::invoke_result_t<F&, Connection&>> {
        using Result = std::invoke_result_t<F&, Connection&>;
        if constexpr (std::is_void_v<Result>) {
            co_await boost::asio::co_spawn(
                read_pool_,
                [&]() -> core::Task<void> {
                    Lease lease(*this);
                    fn(*lease);
                    co_return;
                },
                boost::asio::use_awaitable);
        } else {
            // co_spawn needs a default-constructible result, hence the optional.
            std::optional<Result> result = co_await boost::asio::co_spawn(
                read_pool_,
                [&]() -> core::Task<std::optional<Result>> {
                    Lease lease(*this);
                    co_return fn(*lease);
                },
                boost::asio::use_awaitable);
            co_return std::move(*result);
        }
    }

    /// Runs `fn(Transaction&)` (or `fn(Connection&)`) as one unit of work: committed when it returns,
    /// rolled back when it throws (the exception reaches the caller). Its after-commit hooks have run
    /// when this returns. Throws OverloadedError (503) when the SQLite writer's queue is full.
    ///
    /// On SQLite `fn` may run a second time before it commits (when another unit of its group failed):
    /// keep its effects in the transaction and its results in what it returns; only the run that commits
    /// counts, its hooks included.
    template <class F>
    auto Write(F&& fn) -> core::Task<typename WriteTraits<F>::Result> {
        using Result = typename WriteTraits<F>::Result;
        Job<F> job(fn);
        co_await AwaitWrite(job);
        co_await RunAfterCommit(job);
        if constexpr (!std::is_void_v<Result>) co_return std::move(*job.result);
    }

    /// A unit of work from synchronous code (start-up, the command line, the event threads). Never call it
    /// from inside another unit of work on the same database.
    template <class F>
    auto WriteNow(F&& fn) -> typename WriteTraits<F>::Result {
        using Result = typename WriteTraits<F>::Result;
        Job<F> job(fn);
        WaitWrite(job);
        if constexpr (!std::is_void_v<Result>) return std::move(*job.result);
    }

    /// A read from synchronous code.
    template <class F>
    auto ReadNow(F&& fn) -> std::invoke_result_t<F&, Connection&> {
        Lease lease(*this);
        return fn(*lease);
    }

    const std::string& Name() const { return name_; }
    Engine GetEngine() const { return engine_; }
    std::size_t PoolSize() const { return options_.pool_size; }
    /// Callers waiting for a pooled connection.
    std::size_t Waiting() const;
    /// Units of work waiting for the SQLite writer (0 on PostgreSQL).
    std::size_t WriteQueueDepth() const;
    /// Units of work committed, and commits (fewer than units of work when group commit batches them).
    std::uint64_t CommittedUnits() const { return committed_units_.load(); }
    std::uint64_t Commits() const { return commits_.load(); }

private:
    /// A unit of work as the writer sees it.
    struct WriteJob {
        virtual ~WriteJob() = default;
        virtual void Run(Transaction& tx) = 0;
        std::exception_ptr error;
        std::vector<Transaction::Hook> hooks;
        std::function<void()> done;  // resumes the waiting caller
    };
    template <class F>
    struct Job final : WriteJob {
        using Result = typename WriteTraits<F>::Result;
        explicit Job(F& f) : fn(f) {}
        void Run(Transaction& tx) override {
            if constexpr (WriteTraits<F>::kTakesTransaction) {
                if constexpr (std::is_void_v<Result>) {
                    fn(tx);
                } else {
                    result.emplace(fn(tx));
                }
            } else if constexpr (std::is_void_v<Result>) {
                fn(tx.Sql());
            } else {
                result.emplace(fn(tx.Sql()));
            }
        }
        F& fn;
        std::conditional_t<std::is_void_v<Result>, bool, std::optional<Result>> result{};
    };

    class Lease {
    public:
        explicit Lease(Database& db) : db_(db), connection_(db.Acquire()) {}
        ~Lease() { db_.Release(std::move(connection_)); }
        Connection& operator*() { return *connection_; }

    private:
        Database& db_;
        std::unique_ptr<Connection> connection_;
    };

    core::Task<void> AwaitWrite(WriteJob& job);
    void WaitWrite(WriteJob& job);
    core::Task<void> RunAfterCommit(WriteJob& job);
    void Enqueue(WriteJob& job);
    void RunWriter();
    void CommitBatch(std::vector<WriteJob*>& batch);
    void RunAlone(WriteJob& job);  // PostgreSQL: one unit of work on a pooled connection

    std::unique_ptr<Connection> Acquire();
    void Release(std::unique_ptr<Connection> connection);

    std::string name_;
    Factory factory_;
    DatabaseOptions options_;
    Engine engine_;
    TransactionServices services_;
    boost::asio::thread_pool read_pool_;
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t created_ = 0;
    std::size_t waiting_ = 0;

    // The SQLite writer: its own connection and thread, fed by a bounded queue.
    std::unique_ptr<Connection> writer_connection_;
    mutable std::mutex write_mutex_;
    std::condition_variable write_ready_;
    std::deque<WriteJob*> write_queue_;
    bool stopping_ = false;
    bool writer_waiting_ = false;  // only then does Enqueue signal: a busy writer finds new work by itself
    std::thread writer_;
    std::atomic<std::uint64_t> committed_units_{0};
    std::atomic<std::uint64_t> commits_{0};
};

}  // namespace sikgu::sql
