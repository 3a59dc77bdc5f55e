#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/async/task.hpp"
#include "services/notify/domain/notification.hpp"

namespace sikgu::sql {
class Database;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::notify {

/// A notification as stored, with its user's unread count right after it.
struct Stored {
    Notification notification;
    std::int64_t unread = 0;
};

/// The notify service's SQL. Every read and change is scoped by the user id the caller passes (the token's),
/// so one user's ids never reach another's rows.
class NotifyStore {
public:
    explicit NotifyStore(sql::Database& db) : db_(db) {}

    /// Adds `n` in the consumer's unit of work, unless its user muted its kind.
    static std::optional<Stored> Add(sql::Transaction& tx, const NewNotification& n);
    static void ForgetUser(sql::Transaction& tx, std::int64_t user_id);

    /// Newest first, those with seq below `before` when given.
    core::Task<std::vector<Notification>> Page(std::int64_t user_id, std::optional<std::int64_t> before,
                                               std::int64_t limit) const;
    /// Oldest first: the ones after `after_seq`, for a stream catching up.
    core::Task<std::vector<Notification>> After(std::int64_t user_id, std::int64_t after_seq, std::int64_t limit) const;
    core::Task<std::int64_t> Unread(std::int64_t user_id) const;
    core::Task<std::int64_t> LastSeq(std::int64_t user_id) const;

    /// The unread count after the change, or nullopt when the user has no such notification.
    core::Task<std::optional<std::int64_t>> MarkRead(std::int64_t user_id, std::int64_t seq);
    core::Task<std::optional<std::int64_t>> Remove(std::int64_t user_id, std::int64_t seq);
    /// Marks every notification up to `up_to` (all when not given) read; returns the unread count after.
    core::Task<std::int64_t> MarkAllRead(std::int64_t user_id, std::optional<std::int64_t> up_to);

    core::Task<std::vector<Kind>> Mutes(std::int64_t user_id) const;
    core::Task<void> SetMutes(std::int64_t user_id, const std::vector<Kind>& muted);

    /// Deletes notifications created before `before_ms`; returns how many.
    core::Task<std::int64_t> PurgeBefore(std::int64_t before_ms);

private:
    sql::Database& db_;
};

}  // namespace sikgu::notify
