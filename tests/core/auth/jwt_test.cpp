#include "core/auth/jwt.hpp"

#include <gtest/gtest.h>

#include "core/util/crypto.hpp"
#include "support/test_server.hpp"

namespace sikgu::auth {
namespace {

const std::string kSecret(48, 'k');

TEST(Jwt, IssuedTokenVerifies) {
    test::FakeClock clock;
    JwtCodec codec(kSecret, clock, std::chrono::seconds(900));
    const auto claims = codec.Verify(codec.Issue(42));
    ASSERT_TRUE(std::holds_alternative<AccessClaims>(claims));
    EXPECT_EQ(std::get<AccessClaims>(claims).user_id, 42);
}

TEST(Jwt, ExpiredTokenIsRejectedAsExpired) {
    test::FakeClock clock;
    JwtCodec codec(kSecret, clock, std::chrono::seconds(900));
    const auto token = codec.Issue(42);
    clock.Advance(std::chrono::seconds(901));
    EXPECT_EQ(std::get<TokenError>(codec.Verify(token)), TokenError::kExpired);
}

TEST(Jwt, AlgNoneIsRejected) {
    test::FakeClock clock;
    JwtCodec codec(kSecret, clock, std::chrono::seconds(900));
    const auto real = codec.Issue(42);
    const auto payload = real.substr(real.find('.') + 1, real.rfind('.') - real.find('.') - 1);
    const std::string none = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
    EXPECT_EQ(std::get<TokenError>(codec.Verify(none)), TokenError::kInvalid);
    const std::string hs512 = Base64UrlEncode(R"({"alg":"HS512","typ":"JWT"})") + "." + payload + "." +
                              real.substr(real.rfind('.') + 1);
    EXPECT_EQ(std::get<TokenError>(codec.Verify(hs512)), TokenError::kInvalid);
}

TEST(Jwt, WrongSignatureOrTamperedPayloadIsRejected) {
    test::FakeClock clock;
    JwtCodec codec(kSecret, clock, std::chrono::seconds(900));
    JwtCodec other(std::string(48, 'o'), clock, std::chrono::seconds(900));
    EXPECT_EQ(std::get<TokenError>(codec.Verify(other.Issue(42))), TokenError::kInvalid);

    const auto real = codec.Issue(42);
    const auto first = real.find('.');
    const auto last = real.rfind('.');
    const std::string forged_payload =
        Base64UrlEncode(R"({"sub":"1","iss":"sikgu","iat":0,"exp":99999999999,"typ":"access"})");
    const std::string forged = real.substr(0, first + 1) + forged_payload + real.substr(last);
    EXPECT_EQ(std::get<TokenError>(codec.Verify(forged)), TokenError::kInvalid);
}

TEST(Jwt, GarbageIsRejected) {
    test::FakeClock clock;
    JwtCodec codec(kSecret, clock, std::chrono::seconds(900));
    for (const char* token : {"", ".", "..", "a.b.c", "a.b.c.d", "eyJhbGciOiJIUzI1NiJ9..sig"}) {
        EXPECT_EQ(std::get<TokenError>(codec.Verify(token)), TokenError::kInvalid) << token;
    }
}

TEST(Jwt, ShortSecretsAreRefused) {
    test::FakeClock clock;
    EXPECT_THROW(JwtCodec("short", clock, std::chrono::seconds(900)), std::invalid_argument);
}

}  // namespace
}  // namespace sikgu::auth
