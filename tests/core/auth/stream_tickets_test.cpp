#include "core/auth/stream_tickets.hpp"

#include <gtest/gtest.h>

#include "core/auth/jwt.hpp"
#include "core/auth/session_revocations.hpp"
#include "core/util/crypto.hpp"
#include "core/util/errors.hpp"
#include "support/test_server.hpp"

namespace sikgu::auth {
namespace {

using namespace std::chrono_literals;
const std::string kSecret(48, 'k');

TicketError ErrorOf(const std::variant<TicketClaims, TicketError>& result) { return std::get<TicketError>(result); }

TEST(StreamTickets, IssuedTicketsVerifyOnceWithTheirClaims) {
    test::FakeClock clock;
    StreamTickets tickets(kSecret, clock);
    const auto access_expiry = clock.Now() + 600s;
    const std::string ticket = tickets.Issue(42, 3, 77, access_expiry);
    const auto redeemed = tickets.Redeem(ticket);
    ASSERT_TRUE(std::holds_alternative<TicketClaims>(redeemed));
    const auto& claims = std::get<TicketClaims>(redeemed);
    EXPECT_EQ(claims.user_id, 42);
    EXPECT_EQ(claims.session_version, 3);
    EXPECT_EQ(claims.session_id, 77);
    EXPECT_EQ(std::chrono::floor<std::chrono::seconds>(claims.access_expires_at),
              std::chrono::floor<std::chrono::seconds>(access_expiry));
    EXPECT_EQ(ErrorOf(tickets.Redeem(ticket)), TicketError::kUsed);
    // Another process holding the same secret accepts it once more: single use is per receiving process.
    StreamTickets elsewhere(kSecret, clock);
    EXPECT_TRUE(std::holds_alternative<TicketClaims>(elsewhere.Redeem(ticket)));
    // Two tickets for the same user are different tickets.
    EXPECT_NE(tickets.Issue(42, 3, 77, access_expiry), tickets.Issue(42, 3, 77, access_expiry));
}

TEST(StreamTickets, ExpireAfterThirtySecondsOrWithTheirAccessToken) {
    test::FakeClock clock;
    StreamTickets tickets(kSecret, clock);
    const std::string ticket = tickets.Issue(1, 0, 0, clock.Now() + 600s);
    const std::string short_lived = tickets.Issue(1, 0, 0, clock.Now() + 10s);
    clock.Advance(11s);
    EXPECT_EQ(ErrorOf(tickets.Verify(short_lived)), TicketError::kExpired);
    clock.Advance(20s);
    EXPECT_EQ(ErrorOf(tickets.Redeem(ticket)), TicketError::kExpired);
}

TEST(StreamTickets, NeverPassAsAccessTokensNorTheOtherWayRound) {
    test::FakeClock clock;
    StreamTickets tickets(kSecret, clock);
    JwtCodec tokens(kSecret, clock, 900s);
    const std::string ticket = tickets.Issue(42, 0, 0, clock.Now() + 600s);
    EXPECT_EQ(std::get<TokenError>(tokens.Verify(ticket)), TokenError::kInvalid);
    EXPECT_EQ(ErrorOf(tickets.Verify(tokens.Issue(42))), TicketError::kInvalid);
    // Even a payload with the ticket's type signed with the JWT key is no ticket: tickets have a key of their own.
    const std::string payload = ticket.substr(ticket.find('.') + 1, ticket.rfind('.') - ticket.find('.') - 1);
    const std::string signed_input = ticket.substr(0, ticket.rfind('.'));
    EXPECT_EQ(ErrorOf(tickets.Verify(signed_input + "." + Base64UrlEncode(HmacSha256(kSecret, signed_input)))),
              TicketError::kInvalid);
}

TEST(StreamTickets, TheAlgorithmIsPinnedAndTamperingIsCaught) {
    test::FakeClock clock;
    StreamTickets tickets(kSecret, clock);
    const std::string ticket = tickets.Issue(42, 0, 0, clock.Now() + 600s);
    const auto dot = ticket.find('.');
    const std::string rest = ticket.substr(dot);
    EXPECT_EQ(ErrorOf(tickets.Verify(Base64UrlEncode(R"({"alg":"none"})") + rest)), TicketError::kInvalid);
    EXPECT_EQ(ErrorOf(tickets.Verify(Base64UrlEncode(R"({"alg":"HS512"})") + rest)), TicketError::kInvalid);
    std::string flipped = ticket;
    flipped[dot + 5] = flipped[dot + 5] == 'A' ? 'B' : 'A';
    EXPECT_EQ(ErrorOf(tickets.Verify(flipped)), TicketError::kInvalid);
    EXPECT_EQ(ErrorOf(tickets.Verify("")), TicketError::kInvalid);
    EXPECT_EQ(ErrorOf(tickets.Verify(std::string(2000, 'a'))), TicketError::kInvalid);
    StreamTickets other_secret(std::string(48, 'o'), clock);
    EXPECT_EQ(ErrorOf(other_secret.Verify(ticket)), TicketError::kInvalid);
}

TEST(StreamTickets, RevokedSessionsAreRefused) {
    test::FakeClock clock;
    SessionRevocations revocations(clock, 900s);
    StreamTickets tickets(kSecret, clock, &revocations);
    const std::string ticket = tickets.Issue(42, 1, 0, clock.Now() + 600s);
    revocations.Revoke(42, 2);
    EXPECT_EQ(ErrorOf(tickets.Redeem(ticket)), TicketError::kRevoked);
}

TEST(StreamTickets, AFullSetOfUsedTicketsRefusesRatherThanForgets) {
    test::FakeClock clock;
    StreamTickets tickets(kSecret, clock, nullptr, 2);
    EXPECT_TRUE(std::holds_alternative<TicketClaims>(tickets.Redeem(tickets.Issue(1, 0, 0, clock.Now() + 600s))));
    EXPECT_TRUE(std::holds_alternative<TicketClaims>(tickets.Redeem(tickets.Issue(1, 0, 0, clock.Now() + 600s))));
    EXPECT_THROW(tickets.Redeem(tickets.Issue(1, 0, 0, clock.Now() + 600s)), OverloadedError);
    clock.Advance(31s);  // the used ones have expired and can be forgotten
    EXPECT_TRUE(std::holds_alternative<TicketClaims>(tickets.Redeem(tickets.Issue(1, 0, 0, clock.Now() + 600s))));
}

}  // namespace
}  // namespace sikgu::auth
