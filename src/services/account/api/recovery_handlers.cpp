#include <boost/json.hpp>

#include "core/auth/password_hasher.hpp"
#include "core/mail/mail_queue.hpp"
#include "core/util/crypto.hpp"
#include "services/account/api/account_handlers.hpp"
#include "services/account/domain/account_mails.hpp"
#include "services/account/domain/account_rules.hpp"

namespace sikgu::account {

namespace {
// How long a find-username mail is retried; unlike codes and reset links it does not expire.
constexpr auto kUsernameMailLife = std::chrono::hours(24);
}  // namespace

// Both recovery mails answer 202 whatever the address, so nobody learns who is registered,
// and send at most one mail per address per limiter window.

core::Task<http::Response> FindUsernameHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string email = body.String("email", {.max_chars = 254});
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const std::string key = "username:" + EmailKey(email);
    if (deps_.mail_by_address.TryConsume(key) == 0) {
        const auto user = co_await deps_.store.FindByEmail(email);
        if (user && user->email_verified) {
            auto text = UsernameMail(user->nickname, user->username);
            const mail::Mail message{user->email, std::move(text.subject), std::move(text.body)};
            co_await deps_.mail_queue.Send(message, deps_.clock.Now() + kUsernameMailLife);
        }
    }
    co_return http::Json(202, boost::json::object{});
}

core::Task<http::Response> PasswordResetHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string email = body.String("email", {.max_chars = 254});
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const std::string key = "reset:" + EmailKey(email);
    if (deps_.mail_by_address.TryConsume(key) == 0) {
        const std::string token = RandomToken(32);
        const std::string link = deps_.config.public_url + "/reset-password/confirm?token=" + token;
        co_await deps_.store.CreatePasswordReset(email, token, link);
    }
    co_return http::Json(202, boost::json::object{});
}

core::Task<http::Response> PasswordResetConfirmHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string token = body.String("token", {.max_chars = 100});
    const std::string password = body.String("new_password", {.max_chars = 64, .trim = false});
    if (!body.HasError("new_password")) {
        if (auto e = CheckPassword(password, "")) body.AddError("new_password", *e);
    }
    if (auto problem = body.Finish()) co_return std::move(*problem);
    // The token first: hashing is the expensive part, and only a holder of a live link may cause it.
    if (!co_await deps_.store.IsPasswordResetLive(token)) co_return http::Problem::BadRequest("account.reset_token_invalid");
    std::string hash = co_await deps_.passwords.Hash(password);
    const bool reset = co_await deps_.store.ConsumePasswordReset(token, std::move(hash));
    if (!reset) {
        co_return http::Problem::BadRequest("account.reset_token_invalid");
    }
    co_return http::NoContent();
}

}  // namespace sikgu::account
