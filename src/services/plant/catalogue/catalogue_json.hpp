#pragma once

#include <boost/json/object.hpp>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "services/plant/domain/plant.hpp"

namespace sikgu::plant {

class CatalogueError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// sikgu's catalogue format (data/plants/catalogue.json): {"version":1, "source":..., "plants":[...]}.
/// Every enum value is checked; a bad file is rejected whole with the offending plant named.
std::vector<Plant> ParseCatalogue(std::string_view json_text);

/// One plant in the catalogue format; also how the store keeps a row's facts.
boost::json::object PlantToJson(const Plant& plant);
Plant PlantFromJson(const boost::json::object& object);

}  // namespace sikgu::plant
