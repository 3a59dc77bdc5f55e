#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/sql/value.hpp"
#include "core/util/clock.hpp"

namespace sikgu {
class IdGenerator;
}
namespace sikgu::mail {
struct Mail;
}

namespace sikgu::sql {

class Connection;
class Transaction;

/// What a unit of work can do beyond SQL, wired by the runtime for each service database: the outbox
/// (bus) and the mail queue (mail) write their rows through the transaction, so `sql` depends on neither.
struct TransactionServices {
    const Clock* clock = nullptr;
    IdGenerator* ids = nullptr;
    /// Appends an event to the outbox; returns its id.
    std::function<std::int64_t(Transaction&, std::string_view type, std::string_view key,
                               const boost::json::object& data, int version)>
        publish;
    /// Stores a mail in the mail queue and sends it after commit.
    std::function<void(Transaction&, const mail::Mail&, TimePoint discard_after)> mail;
};

/// One unit of work on a service's database: its statements commit together with the events it publishes
/// and the mail it queues, and its after-commit hooks run only once all of it is durable. Store code gets
/// one from Database::Write and never begins or commits itself.
class Transaction {
public:
    using Hook = std::function<core::Task<void>()>;

    Transaction(Connection& connection, const TransactionServices& services);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Connection& Sql() { return connection_; }
    Rows Query(std::string_view sql, std::initializer_list<Value> params = {});
    Rows Query(std::string_view sql, std::span<const Value> params);
    std::optional<Row> QueryOne(std::string_view sql, std::initializer_list<Value> params = {});
    std::int64_t Execute(std::string_view sql, std::initializer_list<Value> params = {});
    std::int64_t Execute(std::string_view sql, std::span<const Value> params);

    /// The time of this unit of work, read once: every row it writes agrees on it.
    TimePoint Now() const { return now_; }
    /// A new time-ordered 64-bit id.
    std::int64_t NextId();

    /// Appends an event to the service's outbox in this transaction (it exists exactly when the change
    /// does); the runtime publishes it after commit.
    std::int64_t Publish(std::string_view type, std::string_view key, const boost::json::object& data,
                         int version = 1);
    /// A typed event from a service's contract/: `static constexpr std::string_view kType`, `kVersion`,
    /// `std::string Key() const` and `boost::json::object ToJson() const`.
    template <class Event>
    std::int64_t Publish(const Event& event) {
        return Publish(Event::kType, event.Key(), event.ToJson(), Event::kVersion);
    }

    /// Queues a mail in this transaction, sent right after commit (and retried by the runtime until it is
    /// sent or `discard_after` passes).
    void Mail(const mail::Mail& mail, TimePoint discard_after);

    /// Runs `hook` after this unit of work has committed, in the caller's coroutine before Write returns;
    /// never when it rolls back. A failing hook is logged: the commit stands.
    void AfterCommit(Hook hook);
    std::vector<Hook> TakeAfterCommit() { return std::move(after_commit_); }

private:
    Connection& connection_;
    const TransactionServices& services_;
    TimePoint now_;
    std::vector<Hook> after_commit_;
};

}  // namespace sikgu::sql
