#include "core/auth/service_credentials.hpp"

#include <gtest/gtest.h>

#include "core/auth/jwt.hpp"
#include "support/test_server.hpp"

namespace sikgu::auth {
namespace {

const std::string kSecret(40, 's');

TEST(ServiceCredentials, NameTheCallerAndExpireWithinAMinute) {
    test::FakeClock clock;
    ServiceCredentials credentials(kSecret, clock);
    const std::string credential = credentials.For("market");
    EXPECT_EQ(credentials.Verify(credential), std::optional<std::string>("market"));
    EXPECT_EQ(credentials.For("market"), credential);  // reused while fresh
    clock.Advance(std::chrono::seconds(61));
    EXPECT_EQ(credentials.Verify(credential), std::nullopt);
    EXPECT_NE(credentials.For("market"), credential);
}

TEST(ServiceCredentials, ForgeriesAndOtherKeysAndUserTokensFail) {
    test::FakeClock clock;
    ServiceCredentials credentials(kSecret, clock);
    ServiceCredentials other(std::string(40, 'o'), clock);
    const std::string credential = credentials.For("market");
    EXPECT_EQ(other.Verify(credential), std::nullopt);
    std::string renamed = credential;
    renamed.replace(renamed.find("market"), 6, "plant_");
    EXPECT_EQ(credentials.Verify(renamed), std::nullopt);
    // An access token signed with the same bytes is still not a service credential.
    JwtCodec tokens(kSecret, clock, std::chrono::minutes(15));
    EXPECT_EQ(credentials.Verify(tokens.Issue(42)), std::nullopt);
    EXPECT_TRUE(std::holds_alternative<TokenError>(tokens.Verify(credential)));
    for (const char* garbage : {"", "svc1.", "svc1.market", "svc1.market.99999999999.x.y", "Bearer x"}) {
        EXPECT_EQ(credentials.Verify(garbage), std::nullopt) << garbage;
    }
    EXPECT_THROW(credentials.For("Not A Name"), std::invalid_argument);
}

}  // namespace
}  // namespace sikgu::auth
