#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/http/json_body.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/util/rate_limiter.hpp"
#include "services/account/account_config.hpp"
#include "services/account/domain/account_mails.hpp"
#include "services/account/store/account_store.hpp"

namespace sikgu::auth {
class JwtCodec;
class PasswordHasher;
}  // namespace sikgu::auth
namespace sikgu::mail {
class MailQueue;
}  // namespace sikgu::mail

namespace sikgu::account {

class KakaoClient;

inline constexpr std::string_view kRefreshCookie = "sikgu_refresh";

/// What the account handlers share, built once by the module.
struct AccountDeps {
    AccountStore& store;
    auth::PasswordHasher& passwords;
    const auth::JwtCodec& tokens;
    mail::MailQueue& mail_queue;
    const AccountConfig& config;
    const Clock& clock;
    RateLimiter& login_failures_by_account;
    RateLimiter& login_failures_by_ip;
    RateLimiter& mail_by_address;  // find-username and reset mails, per address
    KakaoClient& kakao;
};

boost::json::object UserJson(const User& user);

/// 200 {access_token, token_type, expires_in, user[, refresh_token]}; with `cookie` the refresh token
/// goes into an httpOnly cookie instead of the body, and the access token also into the access cookie.
http::Response TokenResponse(const AccountDeps& deps, const User& user, const IssuedRefresh& refresh, bool cookie);
/// Clears the refresh cookie and the access cookie.
http::Response& ClearRefreshCookie(const AccountDeps& deps, http::Response& response);
/// Sets the access cookie (sikgu_access, Path=/api, Max-Age = the token lifetime) exactly as TokenResponse does.
http::Response& SetAccessCookie(const AccountDeps& deps, http::Response& response, const std::string& access_token);
/// Sets the refresh cookie exactly as TokenResponse does with `cookie`.
http::Response& SetRefreshCookie(const AccountDeps& deps, http::Response& response, const IssuedRefresh& refresh);

/// How a client keeps its refresh token: in the httpOnly cookie (the web app) or itself (API clients).
enum class SessionKind { kToken, kCookie };
/// Reads the optional `"session": "cookie" | "token"` field (default token).
SessionKind ReadSessionKind(http::JsonBody& body);

/// Where a refresh token came from: the JSON body (API clients) or the cookie (the web app).
struct PresentedRefresh {
    std::string token;
    bool from_cookie = false;
};
/// Reads `refresh_token` from the body or the cookie. A cookie without the X-Sikgu-Csrf header is refused.
std::variant<PresentedRefresh, http::Response> ReadRefresh(const http::Request& request, http::JsonBody& body);

}  // namespace sikgu::account
