#include "core/util/text.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/util/crypto.hpp"
#include "core/util/ids.hpp"
#include "core/util/time.hpp"
#include "support/test_server.hpp"

namespace sikgu {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(IsValidUtf8("plain"));
    EXPECT_TRUE(IsValidUtf8("몬스테라 🌿"));
    EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8, RejectsMalformedSequences) {
    EXPECT_FALSE(IsValidUtf8("\xff"));
    EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(IsValidUtf8("\xe2\x82"));          // truncated
}

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(CountCodePoints("몬스테라"), 4U);
    EXPECT_EQ(CountCodePoints("abc"), 3U);
}

TEST(Hangul, ExtractsInitialConsonants) {
    EXPECT_EQ(HangulInitials("몬스테라"), "ㅁㅅㅌㄹ");
    EXPECT_EQ(HangulInitials("까치"), "ㄲㅊ");
    EXPECT_TRUE(IsAllInitials("ㅁㅅㅌㄹ"));
    EXPECT_FALSE(IsAllInitials("몬ㅅ"));
}

TEST(Text, FindsControlCharacters) {
    EXPECT_TRUE(HasControlCharacters("a\nb"));
    EXPECT_TRUE(HasControlCharacters("a\x7f"));
    EXPECT_FALSE(HasControlCharacters("초록 이"));
}

TEST(Base64Url, RoundTripsEveryLength) {
    std::string bytes;
    for (int i = 0; i < 40; ++i) {
        const auto decoded = Base64UrlDecode(Base64UrlEncode(bytes));
        ASSERT_TRUE(decoded);
        EXPECT_EQ(*decoded, bytes);
        bytes += static_cast<char>(i * 37);
    }
}

TEST(Base64Url, RejectsForeignAlphabetAndNonCanonicalTails) {
    EXPECT_FALSE(Base64UrlDecode("ab+c"));
    EXPECT_FALSE(Base64UrlDecode("a"));
    EXPECT_FALSE(Base64UrlDecode("AB"));  // 'B' leaves stray low bits
    EXPECT_TRUE(Base64UrlDecode("AA"));
}

TEST(Time, FormatsAndParsesRfc3339) {
    const auto t = FromUnixMillis(1795539194123);
    EXPECT_EQ(FormatRfc3339(t), "2026-11-24T16:53:14.123Z");
    EXPECT_EQ(ParseRfc3339("2026-11-24T16:53:14.123Z"), t);
    EXPECT_FALSE(ParseRfc3339("2026-13-24T16:53:14Z"));
    EXPECT_FALSE(ParseRfc3339("yesterday"));
}

TEST(Ids, IncreaseEvenWhenTheClockStandsStill) {
    test::FakeClock clock;
    IdGenerator ids(clock, 3);
    std::set<std::int64_t> seen;
    std::int64_t last = 0;
    for (int i = 0; i < 10000; ++i) {
        const auto id = ids.Next();
        EXPECT_GT(id, last);
        last = id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 10000U);
}

TEST(Crypto, RandomDigitsHaveTheRequestedLength) {
    const auto code = RandomDigits(6);
    EXPECT_EQ(code.size(), 6U);
    EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos);
}

}  // namespace
}  // namespace sikgu
