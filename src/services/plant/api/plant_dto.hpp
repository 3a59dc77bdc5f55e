#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "services/plant/domain/plant.hpp"

namespace sikgu::plant {

/// The API's views of a plant. `image_base_url` empty means photos are not offered.
boost::json::object ToSummaryJson(const Plant& plant, const std::string& image_base_url);
boost::json::object ToDetailJson(const Plant& plant, const std::string& image_base_url);

}  // namespace sikgu::plant
