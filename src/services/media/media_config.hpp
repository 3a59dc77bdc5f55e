#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "services/media/image/image_pool.hpp"
#include "services/media/image/image_processor.hpp"
#include "services/media/storage/s3_blob_store.hpp"

namespace sikgu::config {
class Section;
}

namespace sikgu::media {

/// The [media] section.
struct MediaConfig {
    std::string storage = "local";  // local | s3
    std::filesystem::path local_dir;  // empty: <core.data_dir>/media
    S3Options s3;

    std::size_t max_file_bytes = 20U << 20;     // one file
    std::size_t max_request_bytes = 32U << 20;  // the whole upload
    std::size_t max_files = 10;                 // per request
    ImageSettings image;
    ImagePoolOptions pool;
    ImageLibraryOptions library;
    int uploads_per_minute = 60;  // per user

    std::chrono::seconds orphan_ttl{24 * 3600};  // an upload never attached is collected after this
    std::chrono::seconds gc_period{600};         // how often the collection runs
};

/// Reads and range-checks [media]; unknown keys are an error. `data_dir` is core.data_dir.
MediaConfig ParseMediaConfig(const config::Section& section, const std::filesystem::path& data_dir);

}  // namespace sikgu::media
