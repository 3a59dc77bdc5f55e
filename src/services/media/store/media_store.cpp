#include "services/media/store/media_store.hpp"

#include "core/obs/log.hpp"
#include "core/sql/database.hpp"
#include "core/util/time.hpp"
#include "services/media/domain/photo_rules.hpp"

namespace sikgu::media {
namespace {

constexpr const char* kColumns =
    "id, owner_id, content_key, original_name, width, height, ready, post_id, released_at, created_at, room_id";
// Released, or never attached and old enough (IsCollectable).
constexpr const char* kCollectable =
    "(released_at IS NOT NULL OR (post_id IS NULL AND room_id IS NULL AND created_at <= ?))";

Photo ReadPhoto(const sql::Row& row) {
    Photo p;
    p.id = row[0].AsInt();
    p.owner_id = row[1].AsInt();
    p.content_key = row[2].AsText();
    p.original_name = row[3].AsText();
    p.width = static_cast<int>(row[4].AsInt());
    p.height = static_cast<int>(row[5].AsInt());
    p.ready = row[6].AsInt() != 0;
    p.post_id = row[7].AsOptionalInt();
    if (const auto released = row[8].AsOptionalInt()) p.released_at = FromUnixMillis(*released);
    p.created_at = FromUnixMillis(row[9].AsInt());
    p.room_id = row[10].AsOptionalInt();
    return p;
}

std::vector<Photo> ReadPhotos(const sql::Rows& rows) {
    std::vector<Photo> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(ReadPhoto(row));
    return out;
}

std::string Select(const char* where) { return std::string("SELECT ") + kColumns + " FROM photos WHERE " + where; }

}  // namespace

void MediaStore::Insert(sql::Connection& c, const Photo& p) {
    c.Execute("INSERT INTO photos (id, owner_id, content_key, original_name, width, height, ready, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {p.id, p.owner_id, p.content_key, p.original_name, p.width, p.height, p.ready, ToUnixMillis(p.created_at)});
}

void MediaStore::MarkReady(sql::Connection& c, std::int64_t id) { c.Execute("UPDATE photos SET ready = 1 WHERE id = ?", {id}); }

std::optional<Photo> MediaStore::Find(sql::Connection& c, std::int64_t id) {
    const auto row = c.QueryOne(Select("id = ?"), {id});
    if (!row) return std::nullopt;
    return ReadPhoto(*row);
}

std::vector<Photo> MediaStore::FindLive(sql::Connection& c, const std::vector<std::int64_t>& ids) {
    std::vector<Photo> out;
    for (const std::int64_t id : ids) {
        if (auto photo = Find(c, id); photo && !photo->released_at) out.push_back(std::move(*photo));
    }
    return out;
}

std::vector<Photo> MediaStore::HeldBy(sql::Connection& c, std::int64_t post_id) {
    return ReadPhotos(c.Query(Select("post_id = ? AND released_at IS NULL ORDER BY id"), {post_id}));
}

std::int64_t MediaStore::CountWithKey(sql::Connection& c, const std::string& content_key) {
    return c.Query("SELECT COUNT(*) FROM photos WHERE content_key = ?", {content_key})[0][0].AsInt();
}

std::vector<Photo> MediaStore::Collectable(sql::Connection& c, TimePoint orphaned_before, int limit) {
    return ReadPhotos(c.Query(Select(kCollectable) + " ORDER BY id LIMIT ?", {ToUnixMillis(orphaned_before), limit}));
}

bool MediaStore::DeleteIfCollectable(sql::Connection& c, std::int64_t id, TimePoint orphaned_before) {
    return c.Execute(std::string("DELETE FROM photos WHERE id = ? AND ") + kCollectable,
                     {id, ToUnixMillis(orphaned_before)}) == 1;
}

bool MediaStore::DeleteUnattached(sql::Connection& c, std::int64_t id, std::int64_t owner_id) {
    return c.Execute("DELETE FROM photos WHERE id = ? AND owner_id = ? AND post_id IS NULL AND room_id IS NULL "
                     "AND released_at IS NULL",
                     {id, owner_id}) == 1;
}

void MediaStore::Delete(sql::Connection& c, std::int64_t id) { c.Execute("DELETE FROM photos WHERE id = ?", {id}); }

void MediaStore::AddFileDeletion(sql::Connection& c, const std::string& content_key, TimePoint now) {
    c.Execute("INSERT INTO photo_file_deletions (content_key, created_at) VALUES (?, ?) ON CONFLICT (content_key) DO NOTHING",
              {content_key, ToUnixMillis(now)});
}

std::vector<std::string> MediaStore::FileDeletions(sql::Connection& c, int limit) {
    std::vector<std::string> out;
    for (const auto& row : c.Query("SELECT content_key FROM photo_file_deletions ORDER BY created_at LIMIT ?", {limit})) {
        out.push_back(row[0].AsText());
    }
    return out;
}

void MediaStore::RemoveFileDeletion(sql::Connection& c, const std::string& content_key) {
    c.Execute("DELETE FROM photo_file_deletions WHERE content_key = ?", {content_key});
}

bool MediaStore::AdvancePost(sql::Connection& c, std::int64_t post_id, std::int64_t event_id) {
    return c.Execute("INSERT INTO post_event_marks (post_id, last_event_id) VALUES (?, ?) "
                     "ON CONFLICT (post_id) DO UPDATE SET last_event_id = excluded.last_event_id "
                     "WHERE post_event_marks.last_event_id < excluded.last_event_id",
                     {post_id, event_id}) == 1;
}

void MediaStore::ApplyListing(sql::Transaction& tx, std::int64_t post_id, std::int64_t seller_id,
                              const std::vector<std::int64_t>& photo_ids, bool release_unlisted) {
    sql::Connection& c = tx.Sql();
    if (release_unlisted) {
        for (const std::int64_t id : NoLongerListed(HeldBy(c, post_id), photo_ids)) {
            c.Execute("UPDATE photos SET released_at = ? WHERE id = ? AND released_at IS NULL", {ToUnixMillis(tx.Now()), id});
        }
    }
    for (const std::int64_t id : photo_ids) {
        Attach(c, id, Holder::Post(post_id), seller_id);
    }
}

void MediaStore::ReleasePost(sql::Transaction& tx, std::int64_t post_id) {
    tx.Sql().Execute("UPDATE photos SET released_at = ? WHERE post_id = ? AND released_at IS NULL",
                     {ToUnixMillis(tx.Now()), post_id});
}

void MediaStore::ApplyRoomPhoto(sql::Transaction& tx, std::int64_t room_id, std::int64_t sender_id, std::int64_t photo_id) {
    Attach(tx.Sql(), photo_id, Holder::Room(room_id), sender_id);
}

void MediaStore::ReleaseRoom(sql::Transaction& tx, std::int64_t room_id) {
    tx.Sql().Execute("UPDATE photos SET released_at = ? WHERE room_id = ? AND released_at IS NULL",
                     {ToUnixMillis(tx.Now()), room_id});
}

void MediaStore::Attach(sql::Connection& c, std::int64_t photo_id, Holder holder, std::int64_t owner_id) {
    const bool post = holder.kind == Holder::Kind::kPost;
    const AttachDecision decision = DecideAttach(Find(c, photo_id), holder, owner_id);
    if (decision == AttachDecision::kAttach) {
        c.Execute(std::string("UPDATE photos SET ") + (post ? "post_id" : "room_id") +
                      " = ? WHERE id = ? AND post_id IS NULL AND room_id IS NULL AND released_at IS NULL",
                  {holder.id, photo_id});
    } else if (decision != AttachDecision::kAlreadyAttached) {
        obs::Log(obs::Level::kWarn, "media_photo_not_attached",
                 {{"photo_id", photo_id}, {post ? "post_id" : "room_id", holder.id}, {"owner_id", owner_id},
                  {"reason", std::string(AttachDecisionName(decision))}});
    }
}

}  // namespace sikgu::media
