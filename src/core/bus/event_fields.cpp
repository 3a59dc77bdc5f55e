#include "core/bus/event_fields.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <stdexcept>

namespace sikgu::bus {
namespace {
std::int64_t ParseId(const boost::json::value& value) {
    const auto& text = value.as_string();
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size()) throw std::invalid_argument("bad id in event field");
    return id;
}
}  // namespace

std::int64_t IdField(const boost::json::object& data, std::string_view name) { return ParseId(data.at(name)); }

std::optional<std::int64_t> OptionalIdField(const boost::json::object& data, std::string_view name) {
    const auto* value = data.if_contains(name);
    if (value == nullptr || value->is_null()) return std::nullopt;
    return ParseId(*value);
}

std::vector<std::int64_t> IdListField(const boost::json::object& data, std::string_view name) {
    std::vector<std::int64_t> ids;
    for (const auto& value : data.at(name).as_array()) ids.push_back(ParseId(value));
    return ids;
}

std::string StringField(const boost::json::object& data, std::string_view name) {
    return std::string(data.at(name).as_string());
}

std::int64_t IntField(const boost::json::object& data, std::string_view name) { return data.at(name).as_int64(); }

boost::json::string IdJson(std::int64_t id) { return boost::json::string(std::to_string(id)); }

boost::json::value OptionalIdJson(const std::optional<std::int64_t>& id) {
    if (!id) return nullptr;
    return IdJson(*id);
}

boost::json::array IdListJson(const std::vector<std::int64_t>& ids) {
    boost::json::array array;
    array.reserve(ids.size());
    for (const auto id : ids) array.push_back(IdJson(id));
    return array;
}

}  // namespace sikgu::bus
