#pragma once

#include "core/http/messages.hpp"

namespace sikgu::plant {

inline constexpr http::Message kMessages[] = {
    {"plant.not_found", "해당 식물을 찾을 수 없습니다.", "No such plant."},
    {"plant.invalid_cursor", "페이지 커서가 올바르지 않습니다. 처음부터 다시 조회해 주세요.",
     "The page cursor is invalid; start again from the first page."},
};

}  // namespace sikgu::plant
