#include "core/auth/session_revocations.hpp"

#include <gtest/gtest.h>

#include "core/auth/jwt.hpp"
#include "support/test_server.hpp"

namespace sikgu::auth {
namespace {

TEST(SessionRevocations, RefusesOlderVersionsOnlyAndNeverLowersTheBar) {
    test::FakeClock clock;
    SessionRevocations revocations(clock, std::chrono::minutes(15));
    EXPECT_FALSE(revocations.IsRevoked(7, 0));
    revocations.Revoke(7, 2);
    EXPECT_TRUE(revocations.IsRevoked(7, 0));
    EXPECT_TRUE(revocations.IsRevoked(7, 1));
    EXPECT_FALSE(revocations.IsRevoked(7, 2));
    EXPECT_FALSE(revocations.IsRevoked(8, 0));
    revocations.Revoke(7, 1);  // a late, older revocation does not readmit version 1
    EXPECT_TRUE(revocations.IsRevoked(7, 1));
}

TEST(SessionRevocations, JwtVerifyRefusesRevokedTokens) {
    test::FakeClock clock;
    SessionRevocations revocations(clock, std::chrono::minutes(15));
    const JwtCodec codec(std::string(32, 'k'), clock, std::chrono::minutes(15), &revocations);
    const auto old_token = codec.Issue(7, 0);
    ASSERT_TRUE(std::holds_alternative<AccessClaims>(codec.Verify(old_token)));
    revocations.Revoke(7, 1);
    EXPECT_EQ(std::get<TokenError>(codec.Verify(old_token)), TokenError::kRevoked);
    const auto claims = codec.Verify(codec.Issue(7, 1));
    ASSERT_TRUE(std::holds_alternative<AccessClaims>(claims));
    EXPECT_EQ(std::get<AccessClaims>(claims).session_version, 1);
}

TEST(SessionRevocations, EntriesAreDroppedOnceTheirTokensHaveExpired) {
    test::FakeClock clock;
    SessionRevocations revocations(clock, std::chrono::minutes(15));
    revocations.Revoke(7, 1);
    clock.Advance(std::chrono::minutes(16));
    revocations.Revoke(8, 1);  // prunes on the way
    EXPECT_FALSE(revocations.IsRevoked(7, 0)) << "tokens of version 0 have all expired by now";
    EXPECT_TRUE(revocations.IsRevoked(8, 0));
}

}  // namespace
}  // namespace sikgu::auth
