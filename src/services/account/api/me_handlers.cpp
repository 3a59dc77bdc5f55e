#include <boost/json.hpp>

#include "core/auth/password_hasher.hpp"
#include "services/account/api/account_handlers.hpp"
#include "services/account/domain/account_rules.hpp"

namespace sikgu::account {

core::Task<http::Response> GetMeHandler::Handle(http::Request& request) const {
    const auto user = co_await deps_.store.FindById(request.User());
    if (!user) co_return http::Problem::Unauthorized("auth.unauthenticated");  // deleted since the token was issued
    co_return http::Json(UserJson(*user));
}

core::Task<http::Response> UpdateMeHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string nickname = body.String("nickname", {.max_chars = 16});
    if (!body.HasError("nickname")) {
        if (auto e = CheckNickname(nickname)) body.AddError("nickname", *e);
    }
    if (auto problem = body.Finish()) co_return std::move(*problem);
    auto renamed = co_await deps_.store.Rename(request.User(), nickname);
    if (auto* refusal = std::get_if<std::string>(&renamed)) {
        if (*refusal == "auth.unauthenticated") co_return http::Problem::Unauthorized(*refusal);
        co_return http::Problem::Conflict(*refusal);
    }
    co_return http::Json(UserJson(std::get<User>(renamed)));
}

core::Task<http::Response> ChangePasswordHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string current = body.String("current_password", {.max_chars = 128, .trim = false});
    const std::string next = body.String("new_password", {.max_chars = 64, .trim = false});
    const auto session = ReadSessionKind(body);
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const auto user = co_await deps_.store.FindById(request.User());
    if (!user) co_return http::Problem::Unauthorized("auth.unauthenticated");
    if (auto e = CheckPassword(next, user->username)) co_return http::Problem::Validation({{"new_password", *e}});
    if (!user->password_hash) co_return http::Problem::Unauthorized("auth.invalid_credentials");
    // A stolen access token must not buy unlimited guesses at the current password: the login budget applies.
    if (const int retry = deps_.login_failures_by_account.Reserve(user->username); retry > 0) {
        co_return http::Problem::TooManyRequests("rate.limited", retry);
    }
    RateReservation attempt(deps_.login_failures_by_account, user->username);
    if (!co_await deps_.passwords.Verify(*user->password_hash, current)) {
        attempt.Settle(RateLimiter::Settlement::kCounts);
        co_return http::Problem::Unauthorized("auth.invalid_credentials");
    }
    attempt.Settle(RateLimiter::Settlement::kForgiveAll);
    const std::string hash = co_await deps_.passwords.Hash(next);
    // Every session ends, the asking device's own refresh family included (whoever else holds one of its
    // tokens is logged out too); the asking device continues on the new session in this response.
    const auto started = co_await deps_.store.ChangePassword(user->id, hash, user->session_version);
    if (!started) co_return http::Problem::Unauthorized("auth.token_revoked");  // changed or reset meanwhile
    co_return TokenResponse(deps_, started->first, started->second, session == SessionKind::kCookie);
}

core::Task<http::Response> DeleteMeHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const auto password = body.OptionalString("password", {.min_chars = 1, .max_chars = 128, .trim = false});
    const auto confirm = body.OptionalString("confirm", {.max_chars = 16});
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const auto user = co_await deps_.store.FindById(request.User());
    if (!user) co_return http::Problem::Unauthorized("auth.unauthenticated");
    if (user->password_hash) {
        if (!password) co_return http::Problem::Validation({{"password", "validation.required"}});
        const bool verified = co_await deps_.passwords.Verify(*user->password_hash, *password);
        if (!verified) co_return http::Problem::Unauthorized("auth.invalid_credentials");
    } else if (confirm != std::optional<std::string>("delete")) {
        // A Kakao-only account has no password to check: the caller confirms with {"confirm": "delete"}.
        co_return http::Problem::Forbidden("account.password_required");
    }
    co_await deps_.store.Delete(user->id);
    http::Response response = http::NoContent();
    co_return ClearRefreshCookie(deps_, response);
}

}  // namespace sikgu::account
