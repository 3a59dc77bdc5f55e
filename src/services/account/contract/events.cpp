#include "services/account/contract/events.hpp"

#include <boost/json.hpp>

#include "core/bus/event_fields.hpp"

namespace sikgu::account {
using bus::IdField;

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
