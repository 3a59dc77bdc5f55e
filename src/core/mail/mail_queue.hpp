#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <utility>
#include <span>

#include "core/async/task.hpp"
#include "core/mail/mailer.hpp"
#include "core/util/clock.hpp"
#include "core/util/embedded_file.hpp"

namespace sikgu {
class IdGenerator;
}
namespace sikgu::sql {
class Connection;
class Database;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::mail {

/// A mail stored in a service's queue, ready to be sent after the transaction that stored it commits.
struct QueuedMail {
    std::int64_t id = 0;
    Mail mail;
    std::int64_t lease_until_ms = 0;  // the claim this sender holds; its bookkeeping applies only while it does
};

struct MailQueueOptions {
    // How long a mail being sent is hidden from other senders: longer than one send may take.
    std::chrono::seconds lease{60};
    std::chrono::seconds first_retry{30};
    std::chrono::seconds max_retry{3600};
    std::size_t batch = 50;  // mails per SendDue run, each claimed just before it is sent
};

/// Mails that must not be lost. A service stores the mail in the same transaction as the state it tells
/// about (a verification code, a reset token), then sends it right after commit. A mail whose sending
/// failed, or that was pending when the process died, is retried with exponential back-off by SendDue
/// until it is sent or its `discard_after` passes. Delivery is at least once: a crash between the SMTP
/// server's acceptance and the row's deletion sends it again.
class MailQueue {
public:
    MailQueue(sql::Database& db, Mailer& mailer, IdGenerator& ids, const Clock& clock, MailQueueOptions options = {});

    /// Inside the caller's transaction. The mail is leased to the caller for SendNow; it is dropped unsent
    /// once `discard_after` passes (a code that has expired is not worth delivering).
    QueuedMail Enqueue(sql::Connection& c, Mail mail, TimePoint discard_after);

    /// What Transaction::Mail does: Enqueue in the unit of work, SendNow after it has committed.
    void Queue(sql::Transaction& tx, const Mail& mail, TimePoint discard_after);

    /// After commit: sends the mail and removes it, or schedules a retry. Never throws for a send failure.
    core::Task<void> SendNow(const QueuedMail& queued);

    /// Enqueue in a transaction of its own, then SendNow: for mail that goes with no state change. Never
    /// throws: a database failure is logged and the mail is lost, as the request it serves has no state.
    core::Task<void> Send(const Mail& mail, const TimePoint& discard_after);

    /// Sends the mails that are due (failed earlier, or orphaned by a crash); returns how many were sent.
    core::Task<std::size_t> SendDue();

    /// Mails waiting in the queue, as of the last SendDue.
    std::int64_t Depth() const { return depth_.load(); }

private:
    core::Task<bool> Deliver(const QueuedMail& queued, int attempts_before);
    core::Task<std::optional<std::pair<QueuedMail, int>>> ClaimNextDue();

    sql::Database& db_;
    Mailer& mailer_;
    IdGenerator& ids_;
    const Clock& clock_;
    MailQueueOptions options_;
    std::atomic<std::int64_t> depth_{0};
};

/// The mail_queue table, applied to every service database.
std::span<const EmbeddedFile> MailQueueMigrations();

}  // namespace sikgu::mail
