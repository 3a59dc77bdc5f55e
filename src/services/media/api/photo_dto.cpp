#include "services/media/api/photo_dto.hpp"

#include <boost/json.hpp>

namespace sikgu::media {

PhotoInfo ToInfo(const Photo& photo) {
    return {photo.id,
            photo.owner_id,
            photo.ready,
            photo.width,
            photo.height,
            MediaPath(photo.content_key, kSmallRendition),
            MediaPath(photo.content_key, kLargeRendition),
            photo.post_id,
            photo.room_id};
}

boost::json::object ToJson(const Photo& photo) {
    boost::json::object json = ToInfo(photo).ToJson();
    // What holds it is for the services that attach photos, not part of the public photo.
    json.erase("post_id");
    json.erase("room_id");
    json["original_url"] = MediaPath(photo.content_key, photo.original_name);
    return json;
}

}  // namespace sikgu::media
