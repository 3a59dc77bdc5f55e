#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/async/task.hpp"

namespace sikgu::runtime {
class QueryClient;
}

// What other services may ask the media service: the only part of it they may include.
namespace sikgu::media {

/// A stored photo as another service sees it when it wants to attach it to something it owns.
struct PhotoInfo {
    std::int64_t id = 0;
    std::int64_t owner_id = 0;  // the user who uploaded it
    bool ready = false;         // decoded, cleaned and its renditions stored
    int width = 0;              // of the cleaned original, after EXIF orientation
    int height = 0;
    std::string thumbnail_url;  // the small WebP rendition (path under /media, e.g. /media/p/<key>/320.webp)
    std::string large_url;      // the large WebP rendition
    std::optional<std::int64_t> post_id;  // the listing that holds it, if one does
    std::optional<std::int64_t> room_id;  // the chat room it was sent in, if it was

    /// Whether something other than the given listing or room holds it (pass the one that asks, nullopt for
    /// the other): such a photo cannot be attached there, it would go when its holder lets it go.
    bool HeldOtherThan(std::optional<std::int64_t> post, std::optional<std::int64_t> room) const {
        return (post_id && post_id != post) || (room_id && room_id != room);
    }

    boost::json::object ToJson() const;
    static PhotoInfo FromJson(const boost::json::object& json);
    bool operator==(const PhotoInfo&) const = default;
};

/// The media service's internal API, through the query client (in process or over HTTP).
class MediaQueries {
public:
    explicit MediaQueries(const runtime::QueryClient& client) : client_(client) {}

    /// The photos asked for (at most kMaxBatch), in the order asked; unknown or deleted ids are left out.
    /// Callers check owner_id and ready themselves, so they can say which photo is wrong.
    core::Task<std::vector<PhotoInfo>> FindPhotos(const std::vector<std::int64_t>& ids) const;

    static constexpr std::size_t kMaxBatch = 20;

private:
    const runtime::QueryClient& client_;
};

}  // namespace sikgu::media
