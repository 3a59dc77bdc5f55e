#include <gtest/gtest.h>

#include "services/notify/domain/notification.hpp"

namespace sikgu::notify {
namespace {

TEST(NotificationRules, EventIdsAreDecimalNumbersOnly) {
    EXPECT_EQ(ParseEventId("0"), 0);
    EXPECT_EQ(ParseEventId("42"), 42);
    EXPECT_EQ(ParseEventId("007"), 7);
    EXPECT_EQ(ParseEventId("999999999999999999"), 999999999999999999);
    for (const char* bad : {"", "-1", "-0", "+1", " 1", "1 ", "1e3", "0x10", "abc", "1000000000000000000", "１"}) {
        EXPECT_FALSE(ParseEventId(bad)) << bad;
    }
}

TEST(NotificationRules, ShortenCutsOnACharacterBoundary) {
    EXPECT_EQ(Shorten("몬스테라", 4), "몬스테라");
    EXPECT_EQ(Shorten("몬스테라 알보", 4), "몬스테라…");
    EXPECT_EQ(Shorten("abc", 0), "…");
    EXPECT_EQ(Shorten("", 3), "");
}

TEST(NotificationRules, KindsHaveStableNames) {
    for (const Kind kind : kKinds) EXPECT_EQ(ParseKind(KindName(kind)), kind);
    EXPECT_EQ(KindName(Kind::kWish), "wish");
    EXPECT_FALSE(ParseKind("Wish"));
    EXPECT_FALSE(ParseKind(""));
}

}  // namespace
}  // namespace sikgu::notify
