#include "services/media/storage/photo_library.hpp"

#include "core/obs/log.hpp"
#include "core/sql/database.hpp"
#include "core/util/clock.hpp"
#include "core/util/ids.hpp"
#include "services/media/domain/photo_rules.hpp"
#include "services/media/image/image_processor.hpp"
#include "services/media/storage/blob_store.hpp"
#include "services/media/store/media_store.hpp"

namespace sikgu::media {
namespace {

// Every name a key's files may have (the original is one of two).
constexpr std::string_view kAllFileNames[] = {"original.jpg", "original.png", kLargeRendition, kSmallRendition};

constexpr int kCollectBatch = 500;

}  // namespace

PhotoLibrary::PhotoLibrary(sql::Database& db, BlobStore& blobs, const Clock& clock, IdGenerator& ids)
    : db_(db), blobs_(blobs), clock_(clock), ids_(ids) {}

core::Task<Photo> PhotoLibrary::Store(std::int64_t owner, const ProcessedImage& image) {
    Photo photo;
    photo.id = ids_.Next();
    photo.owner_id = owner;
    photo.content_key = image.content_key;
    photo.original_name = image.files.front().name;
    photo.width = image.width;
    photo.height = image.height;
    photo.created_at = clock_.Now();

    const KeyLocks::Guard guard = co_await locks_.Lock(photo.content_key);
    co_await db_.Write([&](sql::Connection& c) { MediaStore::Insert(c, photo); });
    bool failed = false;  // undone outside the handler: a coroutine cannot wait inside one
    try {
        // Written again even when another photo has the same files: a rename over identical bytes is
        // harmless, and it repairs a file lost since.
        for (const EncodedFile& file : image.files) {
            // A named key, never a braced temporary: GCC 12 mishandles those in a co_await.
            const BlobKey key{photo.content_key, file.name};
            co_await blobs_.Put(key, file.bytes, *StoredContentType(file.name));
        }
    } catch (const StorageError& e) {
        obs::Log(obs::Level::kError, "media_store_failed", {{"photo_id", photo.id}, {"what", e.what()}});
        failed = true;
    }
    if (failed) {
        co_await DeleteRow(photo);
        co_await DeleteFilesIfUnreferencedLocked(photo.content_key);
        throw StorageError("photo files could not be stored");
    }
    co_await db_.Write([&](sql::Connection& c) { MediaStore::MarkReady(c, photo.id); });
    photo.ready = true;
    co_return photo;
}

core::Task<bool> PhotoLibrary::DeleteUnattached(std::int64_t id, std::int64_t owner) {
    const std::optional<std::string> key = co_await db_.Write([&](sql::Transaction& tx) -> std::optional<std::string> {
        const auto photo = MediaStore::Find(tx.Sql(), id);
        if (!photo || !MediaStore::DeleteUnattached(tx.Sql(), id, owner)) return std::nullopt;
        if (MediaStore::CountWithKey(tx.Sql(), photo->content_key) == 0) {
            MediaStore::AddFileDeletion(tx.Sql(), photo->content_key, tx.Now());
        }
        return photo->content_key;
    });
    if (!key) co_return false;
    co_await DeleteFilesIfUnreferenced(*key);
    co_return true;
}

core::Task<CollectOutcome> PhotoLibrary::Collect(std::chrono::seconds orphan_ttl) {
    CollectOutcome outcome;
    const TimePoint orphaned_before = clock_.Now() - orphan_ttl;
    const auto candidates =
        co_await db_.Read([&](sql::Connection& c) { return MediaStore::Collectable(c, orphaned_before, kCollectBatch); });
    for (const Photo& photo : candidates) {
        const bool deleted = co_await db_.Write([&](sql::Transaction& tx) {
            if (!MediaStore::DeleteIfCollectable(tx.Sql(), photo.id, orphaned_before)) return false;
            if (MediaStore::CountWithKey(tx.Sql(), photo.content_key) == 0) {
                MediaStore::AddFileDeletion(tx.Sql(), photo.content_key, tx.Now());
            }
            return true;
        });
        if (deleted) ++outcome.photos;
    }
    // Keys from this run, and any an earlier run or a crash left behind.
    const auto keys = co_await db_.Read([](sql::Connection& c) { return MediaStore::FileDeletions(c, kCollectBatch); });
    for (const std::string& key : keys) {
        if (co_await DeleteFilesIfUnreferenced(key)) {
            ++outcome.content_keys;
        } else {
            ++outcome.failures;
        }
    }
    co_return outcome;
}

core::Task<void> PhotoLibrary::DeleteRow(const Photo& photo) {
    co_await db_.Write([&](sql::Transaction& tx) {
        MediaStore::Delete(tx.Sql(), photo.id);
        if (MediaStore::CountWithKey(tx.Sql(), photo.content_key) == 0) {
            MediaStore::AddFileDeletion(tx.Sql(), photo.content_key, tx.Now());
        }
    });
}

core::Task<bool> PhotoLibrary::DeleteFilesIfUnreferenced(const std::string& content_key) {
    const KeyLocks::Guard guard = co_await locks_.Lock(content_key);
    co_return co_await DeleteFilesIfUnreferencedLocked(content_key);
}

core::Task<bool> PhotoLibrary::DeleteFilesIfUnreferencedLocked(const std::string& content_key) {
    const bool referenced =
        co_await db_.Read([&](sql::Connection& c) { return MediaStore::CountWithKey(c, content_key) > 0; });
    if (!referenced) {
        try {
            for (const std::string_view name : kAllFileNames) {
                const BlobKey key{content_key, std::string(name)};
                co_await blobs_.Delete(key);
            }
        } catch (const StorageError& e) {
            obs::Log(obs::Level::kError, "media_delete_failed", {{"content_key", content_key}, {"what", e.what()}});
            co_return false;
        }
    }
    co_await db_.Write([&](sql::Connection& c) { MediaStore::RemoveFileDeletion(c, content_key); });
    co_return true;
}

}  // namespace sikgu::media
