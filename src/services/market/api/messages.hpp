#pragma once

#include "core/http/messages.hpp"

namespace sikgu::market {

inline constexpr http::Message kMessages[] = {
    {"market.listing_not_found", "해당 판매글을 찾을 수 없습니다.", "No such listing."},
    {"market.not_owner", "내 판매글만 바꿀 수 있습니다.", "Only the seller can change this listing."},
    {"market.listing_sold", "거래완료된 판매글은 바꿀 수 없습니다.", "A sold listing can no longer be changed."},
    {"market.state_unchanged", "이미 그 상태입니다.", "The listing is already in that state."},
    {"market.listing_changed", "판매글이 방금 바뀌었습니다. 새로고침 후 다시 시도해 주세요.",
     "The listing changed meanwhile; reload it and try again."},
    {"market.buyer_not_chat_partner", "구매자는 이 글로 채팅한 사람 중에서 골라 주세요.",
     "The buyer must be someone who chatted with you about this listing."},
    {"market.bump_too_soon", "끌어올리기는 24시간에 한 번만 할 수 있습니다.", "A listing can be bumped once every 24 hours."},
    {"market.photo_in_use", "다른 글이나 채팅에 쓰인 사진입니다. 새로 올려 주세요.", "That photo is used by another listing or a chat; upload it again."},
    {"market.photo_not_found", "사진을 찾을 수 없습니다. 다시 올려 주세요.", "A photo was not found among your uploads; upload it again."},
    {"market.photo_not_ready", "사진을 아직 처리하고 있습니다. 잠시 후 다시 시도해 주세요.",
     "A photo is still being processed; try again shortly."},
    {"market.species_not_found", "식물 백과에 없는 식물입니다.", "No such species in the encyclopedia."},
    {"market.unknown_species", "해당 식물을 식물 백과에서 찾을 수 없습니다.", "No such species in the encyclopedia."},
    {"market.query_without_letters", "글자나 숫자를 한 자 이상 넣어 주세요.", "Use at least one letter or digit."},
    {"market.too_many_terms", "검색어는 다섯 개까지 넣을 수 있습니다.", "At most five search terms."},
    {"market.keyword_exists", "이미 등록한 키워드입니다.", "You already have this keyword."},
    {"market.too_many_keywords", "키워드는 20개까지 등록할 수 있습니다.", "At most 20 keywords."},
    {"market.keyword_not_found", "해당 키워드를 찾을 수 없습니다.", "No such keyword."},
};

}  // namespace sikgu::market
