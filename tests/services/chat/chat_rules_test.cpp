#include <gtest/gtest.h>

#include "services/chat/domain/chat.hpp"

namespace sikgu::chat {
namespace {

TEST(ChatRules, TextIsTrimmedBoundedAndFreeOfControlCharacters) {
    EXPECT_EQ(CleanText("  안녕하세요  "), "안녕하세요");
    EXPECT_EQ(CleanText("첫 줄\n둘째 줄\t끝"), "첫 줄\n둘째 줄\t끝");
    EXPECT_EQ(CleanText(std::string(1000, 'x')), std::string(1000, 'x'));
    std::string korean;
    for (int i = 0; i < 1000; ++i) korean += "가";
    EXPECT_TRUE(CleanText(korean));
    EXPECT_FALSE(CleanText(korean + "가"));
    for (const std::string& bad : {std::string(""), std::string("   "), std::string("a\x01"), std::string("a\x7f"),
                                  std::string("\xff\xfe"), std::string("a\0b", 3), std::string("a\rb")}) {
        EXPECT_FALSE(CleanText(bad)) << bad;
    }
}

TEST(ChatRules, ClientIdsArePrintableAsciiUpTo64) {
    EXPECT_TRUE(IsValidClientId("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"));
    EXPECT_TRUE(IsValidClientId(std::string(64, 'a')));
    EXPECT_FALSE(IsValidClientId(std::string(65, 'a')));
    EXPECT_FALSE(IsValidClientId(""));
    EXPECT_FALSE(IsValidClientId("has space"));
    EXPECT_FALSE(IsValidClientId("한글"));
}

TEST(ChatRules, RoomsKnowTheirMembersAndNotices) {
    const Room room{.id = 1, .post_id = 2, .seller_id = 10, .buyer_id = 11};
    EXPECT_TRUE(room.IsMember(10));
    EXPECT_TRUE(room.IsMember(11));
    EXPECT_FALSE(room.IsMember(1));
    EXPECT_EQ(room.Other(10), 11);
    EXPECT_EQ(room.Other(11), 10);
    EXPECT_EQ(NoticeForState("reserved"), Notice::kReserved);
    EXPECT_EQ(NoticeForState("selling"), Notice::kSelling);
    EXPECT_FALSE(NoticeForState("deleted"));
    for (const auto kind : {MessageKind::kText, MessageKind::kPhoto, MessageKind::kSystem}) {
        EXPECT_EQ(ParseKind(KindName(kind)), kind);
    }
}

}  // namespace
}  // namespace sikgu::chat
