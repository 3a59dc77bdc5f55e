#include "services/media/media_config.hpp"

#include "core/config/config.hpp"

namespace sikgu::media {

MediaConfig ParseMediaConfig(const config::Section& section, const std::filesystem::path& data_dir) {
    MediaConfig c;
    c.storage = section.GetChoice("storage", c.storage, {"local", "s3"});
    const std::string local_dir = section.GetString("local_dir", "");
    c.local_dir = local_dir.empty() ? data_dir / "media" : std::filesystem::path(local_dir);
    c.s3.endpoint = section.GetString("s3_endpoint", "");
    c.s3.bucket = section.GetString("s3_bucket", "");
    c.s3.region = section.GetString("s3_region", c.s3.region);
    c.s3.access_key = section.GetString("s3_access_key", "");
    c.s3.secret_key = section.GetString("s3_secret_key", "");
    c.s3.timeout = std::chrono::seconds(section.GetInt("s3_timeout_seconds", c.s3.timeout.count(), 1, 600));

    constexpr std::int64_t kMiB = 1 << 20;
    c.max_file_bytes = static_cast<std::size_t>(section.GetInt("max_file_bytes", static_cast<std::int64_t>(c.max_file_bytes), 1024, 512 * kMiB));
    c.max_request_bytes = static_cast<std::size_t>(
        section.GetInt("max_request_bytes", static_cast<std::int64_t>(c.max_request_bytes), 1024, 2048 * kMiB));
    c.max_files = static_cast<std::size_t>(section.GetInt("max_files", static_cast<std::int64_t>(c.max_files), 1, 100));
    c.image.limits.max_pixels = section.GetInt("max_pixels", c.image.limits.max_pixels, 1, 1'000'000'000);
    c.image.limits.max_side = static_cast<int>(section.GetInt("max_side", c.image.limits.max_side, 1, 1'000'000));
    c.image.jpeg_quality = static_cast<int>(section.GetInt("jpeg_quality", c.image.jpeg_quality, 1, 100));
    c.image.webp_quality = static_cast<int>(section.GetInt("webp_quality", c.image.webp_quality, 1, 100));
    c.pool.workers = static_cast<std::size_t>(section.GetInt("workers", static_cast<std::int64_t>(c.pool.workers), 1, 64));
    c.pool.max_queued = static_cast<std::size_t>(section.GetInt("queue", static_cast<std::int64_t>(c.pool.max_queued), 0, 10'000));
    c.library.concurrency = static_cast<int>(section.GetInt("vips_concurrency", c.library.concurrency, 1, 64));
    c.uploads_per_minute = static_cast<int>(section.GetInt("uploads_per_minute", c.uploads_per_minute, 0, 1'000'000));
    c.orphan_ttl = std::chrono::seconds(section.GetInt("orphan_ttl_seconds", c.orphan_ttl.count(), 60, 365LL * 24 * 3600));
    c.gc_period = std::chrono::seconds(section.GetInt("gc_period_seconds", c.gc_period.count(), 1, 7 * 24 * 3600));
    section.Finish();

    if (c.max_file_bytes > c.max_request_bytes) c.max_request_bytes = c.max_file_bytes;
    if (c.storage == "s3" && (c.s3.endpoint.empty() || c.s3.bucket.empty() || c.s3.access_key.empty() ||
                              c.s3.secret_key.empty())) {
        throw config::ConfigError("media.storage = \"s3\" needs s3_endpoint, s3_bucket, s3_access_key and s3_secret_key");
    }
    if (!c.s3.endpoint.empty() && !c.s3.endpoint.starts_with("http://") && !c.s3.endpoint.starts_with("https://")) {
        throw config::ConfigError("media.s3_endpoint must start with http:// or https://");
    }
    // A cleaned original may come out larger than its upload: at most 4 bytes a pixel (RGBA PNG).
    c.s3.max_object_bytes = static_cast<std::size_t>(c.image.limits.max_pixels) * 4 + (1U << 20);
    return c;
}

}  // namespace sikgu::media
