#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/async/task.hpp"

namespace sikgu::media {

/// One stored file: `p/<content key>/<name>`. Built only from a checked content key and a known name.
struct BlobKey {
    std::string content_key;
    std::string name;

    std::string ObjectName() const { return "p/" + content_key + "/" + name; }
};

/// The storage could not do what was asked (a disk error, S3 down or refusing).
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct StorageStats {
    std::uint64_t writes = 0;
    std::uint64_t reads = 0;
    std::uint64_t deletes = 0;
    std::uint64_t errors = 0;
};

/// Where photo files live: the local disk (the embedded default) or S3-compatible object storage. Writes
/// are whole and atomic (a reader sees the old file, nothing, or the whole new one); deleting what is not
/// there succeeds. Every failure is a StorageError and is counted.
class BlobStore {
public:
    virtual ~BlobStore() = default;
    virtual std::string_view Kind() const = 0;  // "local" | "s3", the metrics label

    core::Task<void> Put(const BlobKey& key, const std::string& bytes, std::string_view content_type);
    /// The file, or nullopt when there is none.
    core::Task<std::optional<std::string>> Get(const BlobKey& key);
    core::Task<void> Delete(const BlobKey& key);

    StorageStats Stats() const;

protected:
    virtual core::Task<void> DoPut(const BlobKey& key, const std::string& bytes, std::string_view content_type) = 0;
    virtual core::Task<std::optional<std::string>> DoGet(const BlobKey& key) = 0;
    virtual core::Task<void> DoDelete(const BlobKey& key) = 0;

private:
    std::atomic<std::uint64_t> writes_{0};
    std::atomic<std::uint64_t> reads_{0};
    std::atomic<std::uint64_t> deletes_{0};
    std::atomic<std::uint64_t> errors_{0};
};

}  // namespace sikgu::media
