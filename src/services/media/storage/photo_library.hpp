#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/async/task.hpp"
#include "services/media/domain/photo.hpp"
#include "services/media/storage/key_locks.hpp"

namespace sikgu {
class Clock;
class IdGenerator;
}  // namespace sikgu
namespace sikgu::sql {
class Database;
}

namespace sikgu::media {

class BlobStore;
struct ProcessedImage;

struct CollectOutcome {
    int photos = 0;        // rows deleted
    int content_keys = 0;  // keys whose files were deleted
    int failures = 0;      // files that could not be deleted (retried next run)
};

/// Photo rows and their files kept in step. A photo's row exists before its files are written and outlives
/// their deletion (a content key waits in photo_file_deletions until its files are gone), so a crash at any
/// point leaves something the next collection finds; files are deleted only while no row references their
/// key, under that key's lock.
class PhotoLibrary {
public:
    PhotoLibrary(sql::Database& db, BlobStore& blobs, const Clock& clock, IdGenerator& ids);

    /// Stores a processed upload for `owner`: the row (not ready), the files, then ready. Throws
    /// StorageError after undoing what it did when the files cannot be written.
    core::Task<Photo> Store(std::int64_t owner, const ProcessedImage& image);

    /// The owner's own unattached photo, now: false when no such photo (gone, someone else's or attached).
    core::Task<bool> DeleteUnattached(std::int64_t id, std::int64_t owner);

    /// One collection run: released photos and those never attached within `orphan_ttl`, then every
    /// content key left without a photo.
    core::Task<CollectOutcome> Collect(std::chrono::seconds orphan_ttl);

    BlobStore& Blobs() { return blobs_; }

private:
    core::Task<void> DeleteRow(const Photo& photo);
    /// Deletes the key's files if no photo references it any more; false when a file would not go.
    core::Task<bool> DeleteFilesIfUnreferenced(const std::string& content_key);
    core::Task<bool> DeleteFilesIfUnreferencedLocked(const std::string& content_key);

    sql::Database& db_;
    BlobStore& blobs_;
    const Clock& clock_;
    IdGenerator& ids_;
    KeyLocks locks_;
};

}  // namespace sikgu::media
