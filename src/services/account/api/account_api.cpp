#include "services/account/api/account_api.hpp"

#include <boost/json.hpp>

#include "core/auth/jwt.hpp"
#include "core/http/route_options.hpp"
#include "core/obs/log.hpp"
#include "core/util/time.hpp"

namespace sikgu::account {

boost::json::object UserJson(const User& u) {
    return {{"id", std::to_string(u.id)},
            {"username", u.username},
            {"nickname", u.nickname},
            {"email", u.email},
            {"email_verified", u.email_verified},
            {"created_at", FormatRfc3339(FromUnixMillis(u.created_at_ms))},
            {"providers", boost::json::value_from(u.providers)}};
}

namespace {
std::string CookieHeader(const AccountDeps& deps, std::string_view value, std::int64_t max_age) {
    std::string cookie = std::string(kRefreshCookie) + "=" + std::string(value) +
                         "; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (deps.config.cookie_secure) cookie += "; Secure";
    return cookie;
}

// The access token for what a browser opens without an Authorization header (EventSource, WebSocket): the
// runtime accepts it only on routes that opt in, with an Origin check. Scoped to the API, gone with the token.
std::string AccessCookieHeader(const AccountDeps& deps, std::string_view value, std::int64_t max_age) {
    std::string cookie = std::string(http::kAccessCookie) + "=" + std::string(value) +
                         "; Path=/api; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (deps.config.cookie_secure) cookie += "; Secure";
    return cookie;
}
}  // namespace

http::Response TokenResponse(const AccountDeps& deps, const User& user, const IssuedRefresh& refresh, bool cookie) {
    const std::string access_token = deps.tokens.Issue(user.id, user.session_version, refresh.family_id);
    boost::json::object body{{"access_token", access_token},
                             {"token_type", "Bearer"},
                             {"expires_in", deps.tokens.Ttl().count()},
                             {"user", UserJson(user)}};
    if (!cookie) body["refresh_token"] = refresh.token;
    http::Response response = http::Json(body);
    if (cookie) {
        SetRefreshCookie(deps, response, refresh);
        SetAccessCookie(deps, response, access_token);
    }
    return response;
}

http::Response& SetAccessCookie(const AccountDeps& deps, http::Response& response, const std::string& access_token) {
    return response.SetHeader("Set-Cookie", AccessCookieHeader(deps, access_token, deps.tokens.Ttl().count()));
}

http::Response& SetRefreshCookie(const AccountDeps& deps, http::Response& response, const IssuedRefresh& refresh) {
    const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(refresh.expires_at - deps.clock.Now());
    return response.SetHeader("Set-Cookie", CookieHeader(deps, refresh.token, max_age.count()));
}

http::Response& ClearRefreshCookie(const AccountDeps& deps, http::Response& response) {
    response.SetHeader("Set-Cookie", CookieHeader(deps, "", 0));
    return response.SetHeader("Set-Cookie", AccessCookieHeader(deps, "", 0));
}

SessionKind ReadSessionKind(http::JsonBody& body) {
    const auto session = body.OptionalString("session", {.max_chars = 10});
    if (session && *session != "cookie" && *session != "token") body.AddError("session", "validation.invalid_value");
    return session == std::optional<std::string>("cookie") ? SessionKind::kCookie : SessionKind::kToken;
}

std::variant<PresentedRefresh, http::Response> ReadRefresh(const http::Request& request, http::JsonBody& body) {
    auto token = body.OptionalString("refresh_token", {.max_chars = 200});
    if (auto problem = body.Finish()) return std::move(*problem);
    if (token && !token->empty()) return PresentedRefresh{std::move(*token), false};
    const auto cookie = request.Cookie(kRefreshCookie);
    if (!cookie || cookie->empty()) return http::Problem::Unauthorized("auth.refresh_invalid");
    // A custom header cannot be sent cross-site without CORS consent, so a forged form post fails here.
    if (request.GetHeader("x-sikgu-csrf") != std::optional<std::string_view>("1")) {
        return http::Problem::Forbidden("request.csrf_header_missing");
    }
    return PresentedRefresh{std::string(*cookie), true};
}

}  // namespace sikgu::account
