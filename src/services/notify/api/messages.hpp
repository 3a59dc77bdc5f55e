#pragma once

#include "core/http/messages.hpp"

namespace sikgu::notify {

inline constexpr http::Message kMessages[] = {
    {"notify.not_found", "해당 알림을 찾을 수 없습니다.", "No such notification."},
};

}  // namespace sikgu::notify
