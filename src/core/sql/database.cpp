#include "core/sql/database.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include "core/obs/log.hpp"
#include "core/util/errors.hpp"

namespace sikgu::sql {

std::int64_t Value::AsInt() const {
    if (const auto* v = std::get_if<std::int64_t>(&data_)) return *v;
    if (const auto* d = std::get_if<double>(&data_)) return static_cast<std::int64_t>(*d);
    throw SqlError("column is not an integer");
}

double Value::AsDouble() const {
    if (const auto* d = std::get_if<double>(&data_)) return *d;
    if (const auto* v = std::get_if<std::int64_t>(&data_)) return static_cast<double>(*v);
    throw SqlError("column is not a number");
}

const std::string& Value::AsText() const {
    if (const auto* s = std::get_if<std::string>(&data_)) return *s;
    throw SqlError("column is not text");
}

Database::Database(std::string name, Factory factory, DatabaseOptions options)
    : name_(std::move(name)),
      factory_(std::move(factory)),
      options_(options),
      read_pool_(options.pool_size == 0 ? 1 : options.pool_size) {
    if (options_.pool_size == 0) options_.pool_size = 1;
    if (options_.max_batch == 0) options_.max_batch = 1;
    // Open one connection now so a bad URL or path fails at start-up, not on the first request.
    auto first = factory_();
    engine_ = first->GetEngine();
    if (engine_ == Engine::kSqlite) {
        writer_connection_ = std::move(first);
        writer_ = std::thread([this] { RunWriter(); });
    } else {
        idle_.push_back(std::move(first));
        created_ = 1;
    }
}

Database::~Database() {
    {
        std::lock_guard lock(write_mutex_);
        stopping_ = true;
    }
    write_ready_.notify_all();
    if (writer_.joinable()) writer_.join();
    read_pool_.join();
}

std::unique_ptr<Connection> Database::Acquire() {
    std::unique_lock lock(mutex_);
    while (idle_.empty()) {
        if (created_ < options_.pool_size) {
            ++created_;
            lock.unlock();
            try {
                return factory_();
            } catch (...) {
                std::lock_guard relock(mutex_);
                --created_;
                throw;
            }
        }
        ++waiting_;
        available_.wait(lock);
        --waiting_;
    }
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
}

void Database::Release(std::unique_ptr<Connection> connection) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
    }
    available_.notify_one();
}

std::size_t Database::Waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

std::size_t Database::WriteQueueDepth() const {
    std::lock_guard lock(write_mutex_);
    return write_queue_.size();
}

core::Task<void> Database::AwaitWrite(WriteJob& job) {
    if (engine_ != Engine::kSqlite) {
        co_await boost::asio::co_spawn(
            read_pool_,
            [&]() -> core::Task<void> {
                RunAlone(job);
                co_return;
            },
            boost::asio::use_awaitable);
        if (job.error) std::rethrow_exception(job.error);
        co_return;
    }
    {
        std::lock_guard lock(write_mutex_);
        if (write_queue_.size() >= options_.write_queue) {
            throw OverloadedError("the " + name_ + " database's write queue is full");
        }
    }
    co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>, void(std::exception_ptr)>(
        [this, &job](auto handler) {
            auto shared = std::make_shared<decltype(handler)>(std::move(handler));
            job.done = [shared, &job] {
                auto executor = boost::asio::get_associated_executor(*shared);
                boost::asio::post(executor, [shared, error = job.error]() mutable { (*shared)(error); });
            };
            Enqueue(job);
        },
        boost::asio::use_awaitable);
}

void Database::WaitWrite(WriteJob& job) {
    if (engine_ != Engine::kSqlite) {
        RunAlone(job);
    } else {
        if (std::this_thread::get_id() == writer_.get_id()) {
            throw std::logic_error("WriteNow inside a unit of work on the same database would wait for itself");
        }
        std::mutex mutex;
        std::condition_variable finished;
        bool done = false;
        job.done = [&] {
            std::lock_guard lock(mutex);
            done = true;
            finished.notify_one();
        };
        Enqueue(job);
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done; });
    }
    if (job.error) std::rethrow_exception(job.error);
    if (job.hooks.empty()) return;
    // After-commit hooks are coroutines: run them on a private event loop.
    boost::asio::io_context io;
    boost::asio::co_spawn(io, RunAfterCommit(job), boost::asio::detached);
    io.run();
}

core::Task<void> Database::RunAfterCommit(WriteJob& job) {
    for (auto& hook : job.hooks) {
        std::string failure;
        try {
            co_await hook();
        } catch (const std::exception& e) {
            failure = e.what();
        }
        if (!failure.empty()) {
            obs::Log(obs::Level::kError, "after_commit_failed", {{"database", name_}, {"what", failure}});
        }
    }
}

void Database::Enqueue(WriteJob& job) {
    bool wake = false;
    {
        std::lock_guard lock(write_mutex_);
        write_queue_.push_back(&job);
        wake = writer_waiting_;
    }
    if (wake) write_ready_.notify_one();
}

void Database::RunWriter() {
    std::vector<WriteJob*> batch;
    batch.reserve(options_.max_batch);
    while (true) {
        {
            std::unique_lock lock(write_mutex_);
            writer_waiting_ = true;
            write_ready_.wait(lock, [&] { return stopping_ || !write_queue_.empty(); });
            writer_waiting_ = false;
            if (write_queue_.empty()) return;  // stopping, and everything asked for is done
            while (!write_queue_.empty() && batch.size() < options_.max_batch) {
                batch.push_back(write_queue_.front());
                write_queue_.pop_front();
            }
        }
        CommitBatch(batch);
        for (WriteJob* job : batch) {
            // Taken out first: once resumed, the caller may destroy the job while `done` still runs.
            auto done = std::move(job->done);
            done();
        }
        batch.clear();
    }
}

void Database::CommitBatch(std::vector<WriteJob*>& batch) {
    Connection& c = *writer_connection_;
    const auto rollback = [&] {
        try {
            c.Execute("ROLLBACK");
        } catch (...) {
            // No transaction left to roll back (SQLite ends it by itself after some errors).
        }
    };
    const auto fail_all = [&](std::exception_ptr error) {
        for (WriteJob* job : batch) {
            if (!job->error) job->error = error;
            job->hooks.clear();
        }
        rollback();
    };
    const auto finish = [&](std::size_t committed) {
        try {
            c.Execute(committed == 0 ? "ROLLBACK" : "COMMIT");
        } catch (...) {
            fail_all(std::current_exception());
            return;
        }
        if (committed > 0) {
            committed_units_.fetch_add(committed);
            commits_.fetch_add(1);
        }
    };

    // First, optimistically, every unit straight into one transaction: a savepoint costs SQLite about as
    // much as a one-row insert, so units that all succeed (nearly always) pay none.
    try {
        c.Execute("BEGIN IMMEDIATE");
    } catch (...) {
        fail_all(std::current_exception());
        return;
    }
    std::size_t committed = 0;
    WriteJob* failed = nullptr;
    for (WriteJob* job : batch) {
        Transaction tx(c, services_);
        try {
            job->Run(tx);
        } catch (...) {
            job->error = std::current_exception();
            failed = job;
            break;
        }
        job->hooks = tx.TakeAfterCommit();
        ++committed;
    }
    if (failed == nullptr) {
        finish(committed);
        return;
    }
    // One unit failed: undo the group and run the others again, now each in its own savepoint, so the failed
    // one (not run again) and any other that fails are rolled back alone. A unit before it runs twice; only
    // the run that commits counts, as Database::Write promises.
    rollback();
    try {
        c.Execute("BEGIN IMMEDIATE");
    } catch (...) {
        fail_all(std::current_exception());
        return;
    }
    committed = 0;
    for (WriteJob* job : batch) {
        if (job->error) continue;
        try {
            c.Execute("SAVEPOINT unit");
            Transaction tx(c, services_);
            try {
                job->Run(tx);
            } catch (...) {
                job->error = std::current_exception();
            }
            if (job->error) {
                c.Execute("ROLLBACK TO unit");
                c.Execute("RELEASE unit");
                continue;
            }
            c.Execute("RELEASE unit");
            job->hooks = tx.TakeAfterCommit();
            ++committed;
        } catch (...) {
            // The savepoint machinery itself failed: the transaction cannot be trusted any more.
            fail_all(std::current_exception());
            return;
        }
    }
    finish(committed);
}

void Database::RunAlone(WriteJob& job) {
    try {
        Lease lease(*this);
        Connection& c = *lease;
        c.Execute("BEGIN");
        Transaction tx(c, services_);
        try {
            job.Run(tx);
            c.Execute("COMMIT");
        } catch (...) {
            job.error = std::current_exception();
            try {
                c.Execute("ROLLBACK");
            } catch (...) {
                // The connection is gone; the transaction with it.
            }
            return;
        }
        job.hooks = tx.TakeAfterCommit();
        committed_units_.fetch_add(1);
        commits_.fetch_add(1);
    } catch (...) {
        job.error = std::current_exception();  // no connection could be had, or BEGIN failed
    }
}

}  // namespace sikgu::sql
