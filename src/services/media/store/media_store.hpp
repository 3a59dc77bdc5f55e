#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/util/clock.hpp"
#include "services/media/domain/photo.hpp"
#include "services/media/domain/photo_rules.hpp"

namespace sikgu::sql {
class Connection;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::media {

/// The `photos` table and the content keys whose files wait to be deleted (`photo_file_deletions`).
/// Plain synchronous SQL, run inside the caller's unit of work.
class MediaStore {
public:
    static void Insert(sql::Connection& c, const Photo& photo);
    static void MarkReady(sql::Connection& c, std::int64_t id);
    static std::optional<Photo> Find(sql::Connection& c, std::int64_t id);
    /// The photos asked for that are not released, in the order asked.
    static std::vector<Photo> FindLive(sql::Connection& c, const std::vector<std::int64_t>& ids);
    static std::vector<Photo> HeldBy(sql::Connection& c, std::int64_t post_id);
    /// Photos that reference a content key (whatever their state).
    static std::int64_t CountWithKey(sql::Connection& c, const std::string& content_key);

    /// Released photos and those never attached since `orphaned_before`, oldest first.
    static std::vector<Photo> Collectable(sql::Connection& c, TimePoint orphaned_before, int limit);
    /// Deletes the photo if it is still collectable (an event may have attached it since it was listed).
    static bool DeleteIfCollectable(sql::Connection& c, std::int64_t id, TimePoint orphaned_before);
    /// Deletes the owner's photo if no post holds it; false when it is gone, someone else's or attached.
    static bool DeleteUnattached(sql::Connection& c, std::int64_t id, std::int64_t owner_id);
    static void Delete(sql::Connection& c, std::int64_t id);

    static void AddFileDeletion(sql::Connection& c, const std::string& content_key, TimePoint now);
    static std::vector<std::string> FileDeletions(sql::Connection& c, int limit);
    static void RemoveFileDeletion(sql::Connection& c, const std::string& content_key);

    /// Records `event_id` as the newest event applied to the post; false (and nothing recorded) when a newer
    /// one was applied already, so the caller skips a stale event.
    static bool AdvancePost(sql::Connection& c, std::int64_t post_id, std::int64_t event_id);

    /// A post lists `photo_ids` (post.created / post.updated): the seller's own unattached photos among them
    /// are attached to it; with `release_unlisted`, photos it held and no longer lists are released. Ids that
    /// are unknown, someone else's, released or held elsewhere are skipped and logged. Idempotent.
    static void ApplyListing(sql::Transaction& tx, std::int64_t post_id, std::int64_t seller_id,
                             const std::vector<std::int64_t>& photo_ids, bool release_unlisted);
    /// The post is gone (post.deleted): every photo it held is released. Idempotent.
    static void ReleasePost(sql::Transaction& tx, std::int64_t post_id);

    /// A photo was sent in a chat room (chat.photo.sent): the sender's own unattached photo becomes the
    /// room's; anything else is skipped and logged. Idempotent.
    static void ApplyRoomPhoto(sql::Transaction& tx, std::int64_t room_id, std::int64_t sender_id, std::int64_t photo_id);
    /// The room's history was purged (chat.room.purged): every photo sent in it is released. Idempotent.
    static void ReleaseRoom(sql::Transaction& tx, std::int64_t room_id);

private:
    static void Attach(sql::Connection& c, std::int64_t photo_id, Holder holder, std::int64_t owner_id);
};

}  // namespace sikgu::media
