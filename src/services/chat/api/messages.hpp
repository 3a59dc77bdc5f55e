#pragma once

#include "core/http/messages.hpp"

namespace sikgu::chat {

inline constexpr http::Message kMessages[] = {
    {"chat.listing_not_found", "해당 판매글을 찾을 수 없습니다.", "No such listing."},
    {"chat.own_listing", "내 판매글에는 채팅할 수 없습니다.", "You cannot chat about your own listing."},
    {"chat.listing_sold", "거래가 끝난 판매글입니다.", "This listing is already sold."},
    {"chat.room_not_found", "해당 채팅방을 찾을 수 없습니다.", "No such chat room."},
    {"chat.room_closed", "대화가 끝난 채팅방입니다. 새 메시지를 보낼 수 없습니다.",
     "This chat has ended; no new messages can be sent."},
};

}  // namespace sikgu::chat
