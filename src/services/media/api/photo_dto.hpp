#pragma once

#include <boost/json/object.hpp>

#include "services/media/contract/media_queries.hpp"
#include "services/media/domain/photo.hpp"

namespace sikgu::media {

/// What other services see of a photo (contract/media_queries.hpp).
PhotoInfo ToInfo(const Photo& photo);

/// A photo as its uploader sees it: the contract's fields and the cleaned original's URL.
boost::json::object ToJson(const Photo& photo);

}  // namespace sikgu::media
