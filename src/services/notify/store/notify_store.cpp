#include "services/notify/store/notify_store.hpp"

#include <stdexcept>
#include <string>

#include "core/sql/database.hpp"
#include "core/sql/transaction.hpp"
#include "core/util/time.hpp"

namespace sikgu::notify {
namespace {

using sql::Connection;
using sql::Row;
using sql::Transaction;

constexpr std::string_view kColumns = "user_id, seq, kind, subject, detail, link, created_at, read_at";

Notification FromRow(const Row& r) {
    const auto kind = ParseKind(r[2].AsText());
    if (!kind) throw std::runtime_error("unknown notification kind in storage: " + r[2].AsText());
    return {.user_id = r[0].AsInt(),
            .seq = r[1].AsInt(),
            .kind = *kind,
            .subject = r[3].AsText(),
            .detail = r[4].AsText(),
            .link = r[5].AsText(),
            .created_at = r[6].AsInt(),
            .read = !r[7].IsNull()};
}

std::vector<Notification> FromRows(const sql::Rows& rows) {
    std::vector<Notification> out;
    out.reserve(rows.size());
    for (const Row& r : rows) out.push_back(FromRow(r));
    return out;
}

std::int64_t CountUnread(Connection& c, std::int64_t user_id) {
    return (*c.QueryOne("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {user_id}))[0].AsInt();
}

}  // namespace

std::optional<Stored> NotifyStore::Add(Transaction& tx, const NewNotification& n) {
    if (tx.QueryOne("SELECT 1 FROM notify_mutes WHERE user_id = ? AND kind = ?", {n.user_id, std::string(KindName(n.kind))})) {
        return std::nullopt;
    }
    const std::int64_t seq = (*tx.QueryOne("INSERT INTO notify_users (user_id, last_seq) VALUES (?, 1) "
                                           "ON CONFLICT (user_id) DO UPDATE SET last_seq = notify_users.last_seq + 1 "
                                           "RETURNING last_seq",
                                           {n.user_id}))[0]
                                  .AsInt();
    Stored stored{.notification = {.user_id = n.user_id,
                                   .seq = seq,
                                   .kind = n.kind,
                                   .subject = Shorten(n.subject, Limits::kSubjectMaxChars),
                                   .detail = Shorten(n.detail, Limits::kDetailMaxChars),
                                   .link = n.link,
                                   .created_at = ToUnixMillis(tx.Now()),
                                   .read = false}};
    const Notification& s = stored.notification;
    tx.Execute("INSERT INTO notifications (user_id, seq, kind, subject, detail, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
               {s.user_id, s.seq, std::string(KindName(s.kind)), s.subject, s.detail, s.link, s.created_at});
    stored.unread = CountUnread(tx.Sql(), n.user_id);
    return stored;
}

void NotifyStore::ForgetUser(Transaction& tx, std::int64_t user_id) {
    tx.Execute("DELETE FROM notifications WHERE user_id = ?", {user_id});
    tx.Execute("DELETE FROM notify_mutes WHERE user_id = ?", {user_id});
    // The counter row stays: should the id ever come back, its numbers still only grow.
}

core::Task<std::vector<Notification>> NotifyStore::Page(std::int64_t user_id, std::optional<std::int64_t> before,
                                                        std::int64_t limit) const {
    const std::string sql = "SELECT " + std::string(kColumns) +
                            " FROM notifications WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";
    co_return co_await db_.Read([&](Connection& c) {
        return FromRows(c.Query(sql, {user_id, before.value_or(INT64_MAX), limit}));
    });
}

core::Task<std::vector<Notification>> NotifyStore::After(std::int64_t user_id, std::int64_t after_seq,
                                                         std::int64_t limit) const {
    const std::string sql = "SELECT " + std::string(kColumns) +
                            " FROM notifications WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    co_return co_await db_.Read([&](Connection& c) { return FromRows(c.Query(sql, {user_id, after_seq, limit})); });
}

core::Task<std::int64_t> NotifyStore::Unread(std::int64_t user_id) const {
    co_return co_await db_.Read([&](Connection& c) { return CountUnread(c, user_id); });
}

core::Task<std::int64_t> NotifyStore::LastSeq(std::int64_t user_id) const {
    co_return co_await db_.Read([&](Connection& c) {
        const auto row = c.QueryOne("SELECT last_seq FROM notify_users WHERE user_id = ?", {user_id});
        return row ? (*row)[0].AsInt() : std::int64_t{0};
    });
}

core::Task<std::optional<std::int64_t>> NotifyStore::MarkRead(std::int64_t user_id, std::int64_t seq) {
    co_return co_await db_.Write([&](Transaction& tx) -> std::optional<std::int64_t> {
        if (!tx.QueryOne("SELECT 1 FROM notifications WHERE user_id = ? AND seq = ?", {user_id, seq})) return std::nullopt;
        tx.Execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND seq = ? AND read_at IS NULL",
                   {ToUnixMillis(tx.Now()), user_id, seq});
        return CountUnread(tx.Sql(), user_id);
    });
}

core::Task<std::optional<std::int64_t>> NotifyStore::Remove(std::int64_t user_id, std::int64_t seq) {
    co_return co_await db_.Write([&](Transaction& tx) -> std::optional<std::int64_t> {
        if (tx.Execute("DELETE FROM notifications WHERE user_id = ? AND seq = ?", {user_id, seq}) != 1) return std::nullopt;
        return CountUnread(tx.Sql(), user_id);
    });
}

core::Task<std::int64_t> NotifyStore::MarkAllRead(std::int64_t user_id, std::optional<std::int64_t> up_to) {
    co_return co_await db_.Write([&](Transaction& tx) {
        tx.Execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND seq <= ? AND read_at IS NULL",
                   {ToUnixMillis(tx.Now()), user_id, up_to.value_or(INT64_MAX)});
        return CountUnread(tx.Sql(), user_id);
    });
}

core::Task<std::vector<Kind>> NotifyStore::Mutes(std::int64_t user_id) const {
    co_return co_await db_.Read([&](Connection& c) {
        std::vector<Kind> out;
        for (const Row& r : c.Query("SELECT kind FROM notify_mutes WHERE user_id = ?", {user_id})) {
            if (const auto kind = ParseKind(r[0].AsText())) out.push_back(*kind);
        }
        std::sort(out.begin(), out.end());
        return out;
    });
}

core::Task<void> NotifyStore::SetMutes(std::int64_t user_id, const std::vector<Kind>& muted) {
    co_await db_.Write([&](Transaction& tx) {
        tx.Execute("DELETE FROM notify_mutes WHERE user_id = ?", {user_id});
        for (const Kind kind : muted) {
            tx.Execute("INSERT INTO notify_mutes (user_id, kind) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       {user_id, std::string(KindName(kind))});
        }
    });
}

core::Task<std::int64_t> NotifyStore::PurgeBefore(std::int64_t before_ms) {
    co_return co_await db_.Write(
        [&](Transaction& tx) { return tx.Execute("DELETE FROM notifications WHERE created_at < ?", {before_ms}); });
}

}  // namespace sikgu::notify
