#include <boost/json.hpp>

#include "core/auth/password_hasher.hpp"
#include "core/util/text.hpp"
#include "services/account/api/account_handlers.hpp"

namespace sikgu::account {

core::Task<http::Response> LoginHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string username = AsciiLower(body.String("username", {.max_chars = 254}));
    const std::string password = body.String("password", {.max_chars = 128, .trim = false});
    const auto session = ReadSessionKind(body);
    if (auto problem = body.Finish()) co_return std::move(*problem);

    // Each attempt is counted before the expensive hash, per account (guessing one password) and per
    // address (spraying), so a burst of parallel guesses gets no more checks than the limits allow.
    const std::string ip_key = request.remote_address;
    if (const int retry = deps_.login_failures_by_account.Reserve(username); retry > 0) {
        co_return http::Problem::TooManyRequests("rate.limited", retry);
    }
    RateReservation by_account(deps_.login_failures_by_account, username);
    if (const int retry = deps_.login_failures_by_ip.Reserve(ip_key); retry > 0) {
        co_return http::Problem::TooManyRequests("rate.limited", retry);
    }
    RateReservation by_ip(deps_.login_failures_by_ip, ip_key);

    const auto user = co_await deps_.store.FindByUsername(username);
    bool ok = false;
    if (user && user->password_hash) {
        ok = co_await deps_.passwords.Verify(*user->password_hash, password);
    } else {
        co_await deps_.passwords.VerifyDummy(password);  // same cost whether or not the user exists
    }
    if (!ok) {
        by_account.Settle(RateLimiter::Settlement::kCounts);
        by_ip.Settle(RateLimiter::Settlement::kCounts);
        co_return http::Problem::Unauthorized("auth.invalid_credentials");
    }
    // The right password forgives the account's earlier failures, but not the address's: one known
    // password must not buy a sprayer a fresh budget.
    by_account.Settle(RateLimiter::Settlement::kForgiveAll);
    if (!user->email_verified) co_return http::Problem::Forbidden("account.email_unverified");
    // The version read before the slow hash: a password changed or reset meanwhile makes this login void.
    const std::optional<std::int64_t> version = user->session_version;
    const auto started = co_await deps_.store.IssueRefresh(user->id, version);
    if (!started) co_return http::Problem::Unauthorized("auth.invalid_credentials");
    co_return TokenResponse(deps_, started->first, started->second, session == SessionKind::kCookie);
}

core::Task<http::Response> RefreshHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    auto presented = ReadRefresh(request, body);
    if (auto* problem = std::get_if<http::Response>(&presented)) co_return std::move(*problem);
    const auto& [token, from_cookie] = std::get<PresentedRefresh>(presented);

    auto [outcome, rotated] = co_await deps_.store.RotateRefresh(token);
    if (outcome != RotateOutcome::kRotated) {
        http::Response response = http::Problem::Unauthorized(outcome == RotateOutcome::kReused ? "auth.refresh_reused"
                                                                                                : "auth.refresh_invalid");
        if (from_cookie) ClearRefreshCookie(deps_, response);
        co_return response;
    }
    co_return TokenResponse(deps_, rotated->first, rotated->second, from_cookie);
}

core::Task<http::Response> LogoutHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    auto presented = ReadRefresh(request, body);
    http::Response response = http::NoContent();
    if (auto* problem = std::get_if<http::Response>(&presented)) {
        // No token at all: already logged out. A cookie without the CSRF header is still refused.
        if (problem->status == 403) co_return std::move(*problem);
        co_return ClearRefreshCookie(deps_, response);
    }
    co_await deps_.store.RevokeFamilyOf(std::get<PresentedRefresh>(presented).token);
    co_return ClearRefreshCookie(deps_, response);
}

}  // namespace sikgu::account
