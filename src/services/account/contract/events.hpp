#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

// The events the account service publishes: the only part of its event stream other services may rely on.
namespace sikgu::account {

/// A user exists (verified e-mail, or made by a Kakao login). Key: the user id.
struct UserCreated {
    static constexpr std::string_view kType = "user.created";
    static constexpr int kVersion = 1;
    std::int64_t user_id = 0;
    std::string nickname;

    std::string Key() const { return std::to_string(user_id); }
    boost::json::object ToJson() const;
    static UserCreated FromJson(const boost::json::object& data);
};

/// A user changed their nickname. Key: the user id.
struct UserRenamed {
    static constexpr std::string_view kType = "user.renamed";
    static constexpr int kVersion = 1;
    std::int64_t user_id = 0;
    std::string nickname;

    std::string Key() const { return std::to_string(user_id); }
    boost::json::object ToJson() const;
    static UserRenamed FromJson(const boost::json::object& data);
};

/// A user deleted their account; services forget what they keep about them. Key: the user id.
struct UserDeleted {
    static constexpr std::string_view kType = "user.deleted";
    static constexpr int kVersion = 1;
    std::int64_t user_id = 0;

    std::string Key() const { return std::to_string(user_id); }
    boost::json::object ToJson() const;
    static UserDeleted FromJson(const boost::json::object& data);
};

}  // namespace sikgu::account
