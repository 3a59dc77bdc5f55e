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

// The 19 leading consonants in Unicode order, each with the first syllable it begins (가 = U+AC00, and
// every 588 code points the next consonant): written out by hand, independent of the table under test.
constexpr std::string_view kConsonants[19] = {"ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ",
                                              "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"};
constexpr std::string_view kFirstSyllables[19] = {"가", "까", "나", "다", "따", "라", "마", "바", "빠", "사",
                                                  "싸", "아", "자", "짜", "차", "카", "타", "파", "하"};
constexpr std::string_view kLastSyllables[19] = {"깋", "낗", "닣", "딯", "띻", "맇", "밓", "빟", "삫", "싷",
                                                 "앃", "잏", "짛", "찧", "칳", "킿", "팋", "핗", "힣"};

TEST(Hangul, EveryLeadingConsonantIncludingTheDoubleOnes) {
    for (int i = 0; i < 19; ++i) {
        const char32_t jamo = DecodeUtf8(kConsonants[i]).at(0);
        EXPECT_EQ(HangulInitial(DecodeUtf8(kFirstSyllables[i]).at(0)), jamo) << kFirstSyllables[i];
        EXPECT_EQ(HangulInitial(DecodeUtf8(kLastSyllables[i]).at(0)), jamo) << kLastSyllables[i];
    }
    EXPECT_EQ(HangulInitial(U'ㄱ'), 0U);  // a jamo is not a syllable
    EXPECT_EQ(HangulInitial(U'a'), 0U);
    EXPECT_EQ(DecodeUtf8("몬a"), std::u32string(U"몬a"));
}

TEST(Text, PercentDecodes) {
    EXPECT_EQ(PercentDecode("%EB%AA%AC%2Fx"), std::optional<std::string>("몬/x"));
    EXPECT_EQ(PercentDecode("a+b%20c"), std::optional<std::string>("a+b c"));
    EXPECT_EQ(PercentDecode("%zz"), std::nullopt);
    EXPECT_EQ(PercentDecode("%4"), std::nullopt);
    EXPECT_EQ(PercentDecode("%"), std::nullopt);
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
