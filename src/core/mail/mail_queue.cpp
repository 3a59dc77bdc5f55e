#include "core/mail/mail_queue.hpp"

#include <algorithm>
#include <exception>
#include <vector>

#include "core/obs/log.hpp"
#include "core/sql/database.hpp"
#include "core/util/ids.hpp"
#include "core/util/time.hpp"

namespace sikgu::mail {
namespace {

std::int64_t Millis(std::chrono::seconds s) { return std::chrono::duration_cast<std::chrono::milliseconds>(s).count(); }

// The wait before attempt number `attempts + 1`: first_retry, doubling, capped at max_retry.
std::chrono::seconds Backoff(const MailQueueOptions& options, int attempts) {
    auto wait = options.first_retry;
    for (int i = 1; i < attempts && wait < options.max_retry; ++i) wait *= 2;
    return std::min(wait, options.max_retry);
}

}  // namespace

MailQueue::MailQueue(sql::Database& db, Mailer& mailer, IdGenerator& ids, const Clock& clock, MailQueueOptions options)
    : db_(db), mailer_(mailer), ids_(ids), clock_(clock), options_(options) {}

QueuedMail MailQueue::Enqueue(sql::Connection& c, Mail mail, TimePoint discard_after) {
    const std::int64_t id = ids_.Next();
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    const std::int64_t lease_until = now_ms + Millis(options_.lease);
    c.Execute("INSERT INTO mail_queue (id, recipient, subject, body, attempts, next_attempt_at, discard_after, "
              "created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
              {id, mail.to, mail.subject, mail.body, lease_until, ToUnixMillis(discard_after), now_ms});
    return {id, std::move(mail), lease_until};
}

void MailQueue::Queue(sql::Transaction& tx, const Mail& mail, TimePoint discard_after) {
    QueuedMail queued = Enqueue(tx.Sql(), mail, discard_after);
    tx.AfterCommit([this, queued = std::move(queued)]() -> core::Task<void> { co_await SendNow(queued); });
}

core::Task<void> MailQueue::Send(const Mail& mail, const TimePoint& discard_after) {
    std::optional<QueuedMail> queued;
    try {
        queued = co_await db_.Write([&](sql::Connection& c) { return Enqueue(c, mail, discard_after); });
    } catch (const std::exception& e) {
        obs::Log(obs::Level::kError, "mail_queue_failed", {{"what", e.what()}});
    }
    if (queued) co_await SendNow(*queued);
}

core::Task<bool> MailQueue::Deliver(const QueuedMail& queued, int attempts_before) {
    std::string error;
    try {
        co_await mailer_.Send(queued.mail);
    } catch (const std::exception& e) {
        error = e.what();
    }
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    if (error.empty()) {
        co_await db_.Write([&](sql::Connection& c) { c.Execute("DELETE FROM mail_queue WHERE id = ?", {queued.id}); });
        co_return true;
    }
    const int attempts = attempts_before + 1;
    const std::int64_t next_ms = now_ms + Millis(Backoff(options_, attempts));
    obs::Log(obs::Level::kError, "mail_failed",
             {{"mail_id", queued.id}, {"attempts", attempts}, {"retry_at_ms", next_ms}, {"what", error}});
    co_await db_.Write([&](sql::Connection& c) {
        // Only while this sender's claim stands: past the lease another sender may own the mail.
        c.Execute("UPDATE mail_queue SET attempts = ?, next_attempt_at = ?, last_error = ? "
                  "WHERE id = ? AND next_attempt_at = ?",
                  {attempts, next_ms, error.substr(0, 500), queued.id, queued.lease_until_ms});
    });
    co_return false;
}

core::Task<void> MailQueue::SendNow(const QueuedMail& queued) {
    try {
        co_await Deliver(queued, 0);
    } catch (const std::exception& e) {
        // The database refused the bookkeeping; the mail stays queued and SendDue takes it after the lease.
        obs::Log(obs::Level::kError, "mail_queue_failed", {{"mail_id", queued.id}, {"what", e.what()}});
    }
}

core::Task<std::optional<std::pair<QueuedMail, int>>> MailQueue::ClaimNextDue() {
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    const std::int64_t lease_until = now_ms + Millis(options_.lease);
    co_return co_await db_.Write([&](sql::Connection& c) -> std::optional<std::pair<QueuedMail, int>> {
        if (const auto discarded = c.Execute("DELETE FROM mail_queue WHERE discard_after <= ?", {now_ms}); discarded > 0) {
            obs::Log(obs::Level::kWarn, "mail_discarded", {{"mails", discarded}});
        }
        const auto rows = c.Query(
            "SELECT id, recipient, subject, body, attempts FROM mail_queue WHERE next_attempt_at <= ? "
            "ORDER BY next_attempt_at LIMIT 5",
            {now_ms});
        for (const auto& row : rows) {
            // The condition makes the claim exclusive when several instances share the database.
            const std::int64_t id = row[0].AsInt();
            if (c.Execute("UPDATE mail_queue SET next_attempt_at = ? WHERE id = ? AND next_attempt_at <= ?",
                          {lease_until, id, now_ms}) == 1) {
                return std::pair{QueuedMail{id, Mail{row[1].AsText(), row[2].AsText(), row[3].AsText()}, lease_until},
                                 static_cast<int>(row[4].AsInt())};
            }
        }
        return std::nullopt;
    });
}

core::Task<std::size_t> MailQueue::SendDue() {
    // One mail is claimed right before it is sent, so a slow SMTP server cannot outlast the claims of mails
    // still waiting in this run.
    std::size_t sent = 0;
    for (std::size_t i = 0; i < options_.batch; ++i) {
        const auto claimed = co_await ClaimNextDue();
        if (!claimed) break;
        if (co_await Deliver(claimed->first, claimed->second)) ++sent;
    }
    const auto depth = co_await db_.Read([](sql::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM mail_queue"); });
    depth_.store(depth ? (*depth)[0].AsInt() : 0);
    co_return sent;
}

}  // namespace sikgu::mail
