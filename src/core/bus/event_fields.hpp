#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reading and writing the fields of event payloads the same way in every contract/. Ids travel as strings:
// JSON numbers lose precision above 2^53 in JavaScript consumers. A missing or mistyped field throws, which
// makes the event a dead letter instead of a half-understood one.
namespace sikgu::bus {

std::int64_t IdField(const boost::json::object& data, std::string_view name);
std::optional<std::int64_t> OptionalIdField(const boost::json::object& data, std::string_view name);
std::vector<std::int64_t> IdListField(const boost::json::object& data, std::string_view name);
std::string StringField(const boost::json::object& data, std::string_view name);
std::int64_t IntField(const boost::json::object& data, std::string_view name);

boost::json::string IdJson(std::int64_t id);
boost::json::value OptionalIdJson(const std::optional<std::int64_t>& id);
boost::json::array IdListJson(const std::vector<std::int64_t>& ids);

}  // namespace sikgu::bus
