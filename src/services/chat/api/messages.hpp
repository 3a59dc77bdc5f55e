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
    {"chat.photo_not_found", "사진을 찾을 수 없습니다. 다시 올려 주세요.", "The photo was not found among your uploads; upload it again."},
    {"chat.photo_not_ready", "사진을 아직 처리하고 있습니다. 잠시 후 다시 보내 주세요.", "The photo is still being processed; send it again shortly."},
    {"chat.photo_in_use", "판매글이나 다른 채팅에 쓰인 사진입니다. 새로 올려 주세요.", "That photo is used by a listing or another chat; upload it again."},
    {"chat.text_or_photo", "글이나 사진 중 하나만 보내 주세요.", "Send either a text or a photo, not both."},
};

}  // namespace sikgu::chat
