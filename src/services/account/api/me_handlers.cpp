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
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const auto user = co_await deps_.store.FindById(request.User());
    if (!user) co_return http::Problem::Unauthorized("auth.unauthenticated");
    if (auto e = CheckPassword(next, user->username)) co_return http::Problem::Validation({{"new_password", *e}});
    bool verified = false;
    if (user->password_hash) verified = co_await deps_.passwords.Verify(*user->password_hash, current);
    if (!verified) co_return http::Problem::Unauthorized("auth.invalid_credentials");
    std::string hash = co_await deps_.passwords.Hash(next);
    // Every other session ends; the one that asked (named by its access token) stays logged in and gets a
    // new access token on its next refresh.
    co_await deps_.store.ChangePassword(user->id, hash, request.session_id);
    co_return http::NoContent();
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
