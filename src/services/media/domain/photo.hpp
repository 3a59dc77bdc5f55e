#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/clock.hpp"

namespace sikgu::media {

/// The stored files of one photo, by name under its content key (`p/<key>/<name>`).
inline constexpr std::string_view kSmallRendition = "320.webp";
inline constexpr std::string_view kLargeRendition = "1080.webp";
inline constexpr int kSmallLongSide = 320;
inline constexpr int kLargeLongSide = 1080;

/// A photo as the media service keeps it. Its files are content-addressed: `content_key` is the SHA-256 of
/// the cleaned original, so two uploads of the same picture share their files.
struct Photo {
    std::int64_t id = 0;
    std::int64_t owner_id = 0;
    std::string content_key;    // 64 lower-case hex digits
    std::string original_name;  // "original.jpg" or "original.png"
    int width = 0;              // of the cleaned original, after EXIF orientation
    int height = 0;
    bool ready = false;                  // every file stored
    std::optional<std::int64_t> post_id;  // the listing that holds it
    std::optional<TimePoint> released_at;  // its holder let it go: collected by the next run
    TimePoint created_at;
    std::optional<std::int64_t> room_id;  // the chat room it was sent in (a photo has one holder at most)

    bool Held() const { return post_id.has_value() || room_id.has_value(); }

    /// Every file name stored under the content key.
    std::vector<std::string> FileNames() const;
};

/// The path a photo's file is served at (the same for every storage backend).
std::string MediaPath(std::string_view content_key, std::string_view name);

}  // namespace sikgu::media
