#include <boost/json.hpp>

#include "core/auth/password_hasher.hpp"
#include "core/util/crypto.hpp"
#include "core/util/text.hpp"
#include "core/util/time.hpp"
#include "services/account/api/account_handlers.hpp"
#include "services/account/domain/account_rules.hpp"

namespace sikgu::account {

core::Task<http::Response> SignupHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string username = AsciiLower(body.String("username", {.max_chars = 20}));
    const std::string nickname = body.String("nickname", {.max_chars = 16});
    const std::string email = body.String("email", {.max_chars = 254});
    const std::string password = body.String("password", {.max_chars = 64, .trim = false});
    if (!body.HasError("username")) {
        if (auto e = CheckUsername(username)) body.AddError("username", *e);
    }
    if (!body.HasError("nickname")) {
        if (auto e = CheckNickname(nickname)) body.AddError("nickname", *e);
    }
    if (!body.HasError("email")) {
        if (auto e = CheckEmail(email)) body.AddError("email", *e);
    }
    if (!body.HasError("password")) {
        if (auto e = CheckPassword(password, username)) body.AddError("password", *e);
    }
    if (auto problem = body.Finish()) co_return std::move(*problem);

    const std::string code = RandomDigits(6);
    // A named object, not a braced temporary: GCC 12 copies braced coroutine arguments bitwise.
    std::string hash = co_await deps_.passwords.Hash(password);
    const NewUser new_user{username, nickname, email, std::move(hash), code};
    // The code's mail is queued with the user and sent once both are committed.
    auto created = co_await deps_.store.CreateUser(new_user);
    if (auto* conflict = std::get_if<std::string>(&created)) co_return http::Problem::Conflict(*conflict);
    const User& user = std::get<User>(created);
    co_return http::Json(
        201, boost::json::object{
                 {"user", UserJson(user)},
                 {"verification",
                  {{"email", user.email},
                   {"expires_at", FormatRfc3339(deps_.clock.Now() + deps_.config.limits.verification_ttl)}}}});
}

core::Task<http::Response> VerifyEmailHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string email = body.String("email", {.max_chars = 254});
    const std::string code = body.String("code", {.max_chars = 6});
    if (!body.HasError("code") && (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos)) {
        body.AddError("code", "validation.invalid_format");
    }
    if (auto problem = body.Finish()) co_return std::move(*problem);

    const auto [outcome, user] = co_await deps_.store.VerifyEmail(email, code);
    switch (outcome) {
        case VerifyOutcome::kVerified: co_return http::Json(boost::json::object{{"user", UserJson(*user)}});
        case VerifyOutcome::kAlreadyVerified: co_return http::Problem::Conflict("account.already_verified");
        case VerifyOutcome::kExpired: co_return http::Problem::Gone("account.code_expired");
        case VerifyOutcome::kAttemptsExceeded:
            co_return http::Problem::Make(429, "account.code_attempts_exceeded");
        case VerifyOutcome::kInvalid: break;
    }
    co_return http::Problem::BadRequest("account.code_invalid");
}

core::Task<http::Response> ResendVerificationHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string email = body.String("email", {.max_chars = 254});
    if (auto problem = body.Finish()) co_return std::move(*problem);

    const std::string code = RandomDigits(6);
    int retry_after = 0;
    const auto [outcome, user] = co_await deps_.store.RenewVerification(email, code, retry_after);
    if (outcome == RenewOutcome::kTooSoon) co_return http::Problem::TooManyRequests("rate.limited", retry_after);
    co_return http::Json(202, boost::json::object{});
}

core::Task<http::Response> AvailabilityHandler::Handle(http::Request& request) const {
    const auto field = request.Query("field");
    const auto value = request.Query("value");
    std::vector<http::FieldError> errors;
    if (!field || (*field != "username" && *field != "nickname" && *field != "email")) {
        errors.push_back({"field", "validation.invalid_value"});
    }
    if (!value || value->empty()) {
        errors.push_back({"value", "validation.required"});
    } else if (value->size() > 254) {
        errors.push_back({"value", "validation.too_long"});
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));

    boost::json::object out{{"field", *field}, {"value", *value}};
    std::optional<std::string> invalid;
    if (*field == "username") invalid = CheckUsername(*value);
    if (*field == "nickname") invalid = CheckNickname(*value);
    if (*field == "email") invalid = CheckEmail(*value);
    if (invalid) {
        out["available"] = false;
        out["reason"] = *invalid;
        co_return http::Json(out);
    }
    const bool taken = co_await deps_.store.IsTaken(std::string(*field), std::string(*value));
    out["available"] = !taken;
    if (taken) out["reason"] = "account." + std::string(*field) + "_taken";
    co_return http::Json(out);
}

}  // namespace sikgu::account
