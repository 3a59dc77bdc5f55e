#include <gtest/gtest.h>

#include "core/util/crypto.hpp"
#include "core/util/text.hpp"
#include "services/account/api/kakao_client.hpp"
#include "services/account/domain/account_rules.hpp"
#include "services/account/domain/oauth_rules.hpp"

namespace sikgu::account {
namespace {

TEST(OAuthRules, ReturnToKeepsOnlyLocalPaths) {
    EXPECT_EQ(SanitizeReturnTo("/me"), "/me");
    EXPECT_EQ(SanitizeReturnTo("/plants?q=%EB%AA%AC&page=2"), "/plants?q=%EB%AA%AC&page=2");
    EXPECT_EQ(SanitizeReturnTo("/"), "/");
    EXPECT_EQ(SanitizeReturnTo(""), "/");
    EXPECT_EQ(SanitizeReturnTo("//evil.example/x"), "/");
    EXPECT_EQ(SanitizeReturnTo("/\\evil.example"), "/");
    EXPECT_EQ(SanitizeReturnTo("https://evil.example/"), "/");
    EXPECT_EQ(SanitizeReturnTo("me"), "/");
    EXPECT_EQ(SanitizeReturnTo("/a b"), "/");
    EXPECT_EQ(SanitizeReturnTo("/a\r\nSet-Cookie: x=1"), "/");
    EXPECT_EQ(SanitizeReturnTo("/식물"), "/");
    EXPECT_EQ(SanitizeReturnTo("/" + std::string(199, 'a')), "/" + std::string(199, 'a'));
    EXPECT_EQ(SanitizeReturnTo("/" + std::string(200, 'a')), "/");
}

TEST(OAuthRules, UsernamesAreValidAndFitTwentyCharacters) {
    EXPECT_EQ(OAuthUsername("kakao", "1234567890", 0), "kakao_1234567890");
    EXPECT_EQ(OAuthUsername("kakao", "User-One", 0), "kakao_userone");
    EXPECT_EQ(OAuthUsername("kakao", "1234567890", 1), "kakao_12345678901");
    EXPECT_EQ(OAuthUsername("kakao", "12345678901234", 0), "kakao_12345678901234");
    EXPECT_EQ(OAuthUsername("kakao", "12345678901234", 12), "kakao_123456789012" "12");
    // Too long, or nothing usable: a hash prefix, stable for one subject.
    const std::string long_subject = "248289761001-abcdefghijklmnopqrstuvwxyz";
    const std::string hashed = OAuthUsername("kakao", long_subject, 0);
    EXPECT_EQ(hashed, "kakao_" + Sha256Hex("kakao:" + long_subject).substr(0, 14));
    EXPECT_EQ(OAuthUsername("kakao", long_subject, 0), hashed);
    EXPECT_NE(OAuthUsername("kakao", "가나다", 0), "kakao_");
    for (const std::string subject : {"1", "x", "가나다", "--", long_subject.c_str(), "99999999999999999999"}) {
        for (const int attempt : {0, 1, 9, 10, 12345}) {
            const std::string name = OAuthUsername("kakao", subject, attempt);
            EXPECT_FALSE(CheckUsername(name)) << name;
            EXPECT_TRUE(name.starts_with("kakao_")) << name;
        }
    }
}

TEST(OAuthRules, NicknamesAreMadeValid) {
    EXPECT_EQ(OAuthNickname("초록손", "카카오식구", 0), "초록손");
    EXPECT_EQ(OAuthNickname("초록손", "카카오식구", 2), "초록손2");
    EXPECT_EQ(OAuthNickname("  몬스테라\t러버  ", "카카오식구", 0), "몬스테라 러버");
    EXPECT_EQ(OAuthNickname("a\x01\x02z", "카카오식구", 0), "a z");
    EXPECT_EQ(OAuthNickname("가나다라마바사아자차카타파하가나다라", "카카오식구", 0), "가나다라마바사아자차카타파하가나");
    EXPECT_EQ(OAuthNickname("가나다라마바사아자차카타파하가나다라", "카카오식구", 12), "가나다라마바사아자차카타파하12");
    // Nothing usable left: the fallback.
    EXPECT_EQ(OAuthNickname("", "카카오식구", 0), "카카오식구");
    EXPECT_EQ(OAuthNickname("x", "카카오식구", 0), "카카오식구");
    EXPECT_EQ(OAuthNickname("\xff\xfe", "카카오식구", 0), "카카오식구");
    EXPECT_EQ(OAuthNickname("   ", "카카오식구", 3), "카카오식구3");
    // A cut that ends on a space is trimmed.
    EXPECT_EQ(OAuthNickname("aaaaaaaaaaaaaa bbbbb", "카카오식구", 1), "aaaaaaaaaaaaaa1");
    for (const std::string nick : {"초록손", "", "a", "가나다라마바사아자차카타파하가나다라", "x  y"}) {
        for (const int attempt : {0, 1, 99, 123456}) {
            const std::string made = OAuthNickname(nick, "카카오식구", attempt);
            EXPECT_FALSE(CheckNickname(made)) << made;
        }
    }
}

TEST(OAuthRules, PlaceholderEmailsAreValidAndUndeliverable) {
    EXPECT_EQ(OAuthPlaceholderEmail("kakao", "1234567890"), "kakao-1234567890@users.sikgu.invalid");
    EXPECT_FALSE(CheckEmail(OAuthPlaceholderEmail("kakao", "1234567890")));
    EXPECT_FALSE(CheckEmail(OAuthPlaceholderEmail("kakao", "가나다")));
    EXPECT_TRUE(OAuthPlaceholderEmail("kakao", std::string(100, '1')).ends_with(".invalid"));
}

TEST(OAuthUserInfo, ReadsKakaoShape) {
    const auto p = ParseUserInfo(R"({
        "id": 2482897610,
        "connected_at": "2026-01-01T00:00:00Z",
        "properties": {"nickname": "옛닉네임"},
        "kakao_account": {
            "profile_nickname_needs_agreement": false,
            "profile": {"nickname": "초록손", "is_default_nickname": false},
            "has_email": true,
            "email_needs_agreement": false,
            "is_email_valid": true,
            "is_email_verified": true,
            "email": "green@kakao.example"
        }
    })");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->subject, "2482897610");
    EXPECT_EQ(p->nickname, "초록손");
    EXPECT_EQ(p->email, std::optional<std::string>("green@kakao.example"));
}

TEST(OAuthUserInfo, KakaoEmailOnlyWhenVerified) {
    const auto unverified = ParseUserInfo(
        R"({"id": 7, "properties": {"nickname": "식물집사"},
            "kakao_account": {"is_email_verified": false, "email": "x@kakao.example"}})");
    ASSERT_TRUE(unverified);
    EXPECT_EQ(unverified->subject, "7");
    EXPECT_EQ(unverified->nickname, "식물집사");  // properties.nickname when the profile has none
    EXPECT_FALSE(unverified->email);

    const auto missing_flag = ParseUserInfo(R"({"id": 8, "kakao_account": {"email": "x@kakao.example"}})");
    ASSERT_TRUE(missing_flag);
    EXPECT_FALSE(missing_flag->email);
    EXPECT_EQ(missing_flag->nickname, "");

    const auto bad_address = ParseUserInfo(
        R"({"id": 9, "kakao_account": {"is_email_verified": true, "email": "not an address"}})");
    ASSERT_TRUE(bad_address);
    EXPECT_FALSE(bad_address->email);
}

TEST(OAuthUserInfo, ReadsOpenIdConnectShape) {
    const auto p = ParseUserInfo(R"({"sub": "user-1", "nickname": "고무나무", "name": "Kim",
                                     "email": "kim@example.com", "email_verified": true})");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->subject, "user-1");
    EXPECT_EQ(p->nickname, "고무나무");
    EXPECT_EQ(p->email, std::optional<std::string>("kim@example.com"));

    const auto named = ParseUserInfo(R"({"sub": "u2", "name": "Kim", "email": "kim@example.com"})");
    ASSERT_TRUE(named);
    EXPECT_EQ(named->nickname, "Kim");
    EXPECT_FALSE(named->email);  // email_verified missing

    const auto unverified =
        ParseUserInfo(R"({"sub": "u3", "email": "kim@example.com", "email_verified": false})");
    ASSERT_TRUE(unverified);
    EXPECT_FALSE(unverified->email);
}

TEST(OAuthUserInfo, RefusesDocumentsWithoutSubject) {
    EXPECT_FALSE(ParseUserInfo(""));
    EXPECT_FALSE(ParseUserInfo("[]"));
    EXPECT_FALSE(ParseUserInfo("{not json"));
    EXPECT_FALSE(ParseUserInfo(R"({"nickname": "x"})"));
    EXPECT_FALSE(ParseUserInfo(R"({"sub": ""})"));
    EXPECT_FALSE(ParseUserInfo(R"({"id": true})"));
    EXPECT_FALSE(ParseUserInfo(R"({"sub": ")" + std::string(300, 'a') + R"("})"));
}

TEST(OAuthUserInfo, AccessTokenAndFormEncoding) {
    EXPECT_EQ(ParseAccessToken(R"({"access_token": "abc", "token_type": "bearer"})"),
              std::optional<std::string>("abc"));
    EXPECT_FALSE(ParseAccessToken(R"({"error": "invalid_grant"})"));
    EXPECT_FALSE(ParseAccessToken("nope"));
    EXPECT_EQ(FormEncode("a b&c=d/é~._-"), "a%20b%26c%3Dd%2F%C3%A9~._-");
    EXPECT_EQ(FormEncode({{"grant_type", "authorization_code"}, {"redirect_uri", "http://x/cb?a=1"}}),
              "grant_type=authorization_code&redirect_uri=http%3A%2F%2Fx%2Fcb%3Fa%3D1");
}

TEST(OAuthUserInfo, PkceChallengeIsBase64UrlOfRawSha256) {
    // RFC 7636 appendix B.
    EXPECT_EQ(Base64UrlEncode(Sha256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
              "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

}  // namespace
}  // namespace sikgu::account
