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
    c.Execute("INSERT INTO mail_queue (id, recipient, subject, body, attempts, next_attempt_at, discard_after, "
              "created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
              {id, mail.to, mail.subject, mail.body, now_ms + Millis(options_.lease), ToUnixMillis(discard_after),
               now_ms});
    return {id, std::move(mail)};
}

core::Task<void> MailQueue::Send(const Mail& mail, TimePoint discard_after) {
    const QueuedMail queued = co_await db_.Write([&](sql::Connection& c) { return Enqueue(c, mail, discard_after); });
    co_await SendNow(queued);
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
        c.Execute("UPDATE mail_queue SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                  {attempts, next_ms, error.substr(0, 500), queued.id});
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

core::Task<std::size_t> MailQueue::SendDue() {
    struct Claimed {
        QueuedMail queued;
        int attempts;
    };
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    const std::int64_t lease_until = now_ms + Millis(options_.lease);
    const auto claimed = co_await db_.Write([&](sql::Connection& c) {
        std::vector<Claimed> out;
        const std::int64_t discarded =
            c.Execute("DELETE FROM mail_queue WHERE discard_after <= ?", {now_ms});
        if (discarded > 0) obs::Log(obs::Level::kWarn, "mail_discarded", {{"mails", discarded}});
        const auto rows = c.Query(
            "SELECT id, recipient, subject, body, attempts FROM mail_queue WHERE next_attempt_at <= ? "
            "ORDER BY next_attempt_at LIMIT ?",
            {now_ms, static_cast<std::int64_t>(options_.batch)});
        for (const auto& row : rows) {
            // The condition makes the claim exclusive when several instances share the database.
            const std::int64_t id = row[0].AsInt();
            if (c.Execute("UPDATE mail_queue SET next_attempt_at = ? WHERE id = ? AND next_attempt_at <= ?",
                          {lease_until, id, now_ms}) != 1) {
                continue;
            }
            out.push_back({{id, Mail{row[1].AsText(), row[2].AsText(), row[3].AsText()}},
                           static_cast<int>(row[4].AsInt())});
        }
        const auto depth = c.QueryOne("SELECT COUNT(*) FROM mail_queue");
        depth_.store(depth ? (*depth)[0].AsInt() : 0);
        return out;
    });
    std::size_t sent = 0;
    for (const auto& item : claimed) {
        if (co_await Deliver(item.queued, item.attempts)) ++sent;
    }
    if (sent > 0) depth_.fetch_sub(static_cast<std::int64_t>(sent));
    co_return sent;
}

}  // namespace sikgu::mail
