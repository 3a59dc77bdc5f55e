#include "services/account/contract/events.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <stdexcept>

namespace sikgu::account {
namespace {
// Ids travel as strings: JSON numbers lose precision above 2^53 in JavaScript consumers.
std::int64_t IdField(const boost::json::object& data, std::string_view name) {
    const auto& text = data.at(name).as_string();
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size()) throw std::invalid_argument("bad id in event field");
    return id;
}
}  // namespace

boost::json::object UserCreated::ToJson() const {
    return {{"user_id", std::to_string(user_id)}, {"nickname", nickname}};
}
UserCreated UserCreated::FromJson(const boost::json::object& data) {
    return {IdField(data, "user_id"), std::string(data.at("nickname").as_string())};
}

boost::json::object UserRenamed::ToJson() const {
    return {{"user_id", std::to_string(user_id)}, {"nickname", nickname}};
}
UserRenamed UserRenamed::FromJson(const boost::json::object& data) {
    return {IdField(data, "user_id"), std::string(data.at("nickname").as_string())};
}

boost::json::object UserDeleted::ToJson() const { return {{"user_id", std::to_string(user_id)}}; }
UserDeleted UserDeleted::FromJson(const boost::json::object& data) { return {IdField(data, "user_id")}; }

}  // namespace sikgu::account
