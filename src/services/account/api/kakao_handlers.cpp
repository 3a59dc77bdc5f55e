#include <boost/json.hpp>

#include "core/auth/jwt.hpp"
#include "core/obs/log.hpp"
#include "core/util/crypto.hpp"
#include "services/account/api/account_handlers.hpp"
#include "services/account/api/kakao_client.hpp"
#include "services/account/domain/oauth_rules.hpp"

namespace sikgu::account {
namespace {

constexpr std::string_view kOAuthCookie = "sikgu_oauth";
constexpr std::chrono::seconds kStateTtl{600};
constexpr std::string_view kProvider = "kakao";
constexpr std::string_view kFallbackNickname = "카카오식구";

std::string OAuthCookie(const AccountDeps& deps, std::string_view value, std::int64_t max_age) {
    std::string cookie = std::string(kOAuthCookie) + "=" + std::string(value) +
                         "; Path=/api/v1/auth/kakao; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
    if (deps.config.cookie_secure) cookie += "; Secure";
    return cookie;
}

// Every failure ends on the login page with a code the web app explains; the cause goes to the log only.
http::Response Fail(const AccountDeps& deps, const http::Request& request, const std::string& code,
                    const std::string& cause) {
    obs::Log(obs::Level::kWarn, "kakao_login_failed",
             {{"code", code}, {"cause", cause}, {"request_id", request.request_id}});
    http::Response response = http::Redirect("/login?error=" + code);
    response.SetHeader("Set-Cookie", OAuthCookie(deps, "", 0));
    return response;
}

// A provider's error code, shortened and stripped to something safe to log.
std::string Printable(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, 64)) {
        const auto u = static_cast<unsigned char>(c);
        out += u > 0x20 && u < 0x7F ? c : '?';
    }
    return out;
}

}  // namespace

core::Task<http::Response> KakaoStartHandler::Handle(http::Request& request) const {
    const KakaoConfig& kakao = deps_.config.kakao;
    if (!kakao.Enabled()) co_return http::Redirect("/login?error=auth.oauth_unavailable");

    OAuthState pending;
    pending.code_verifier = RandomToken(48);
    pending.return_to = SanitizeReturnTo(request.Query("return_to").value_or("/"));
    // Logged in already (my page): the Kakao identity is linked to this user instead of logging in.
    if (const auto cookie = request.Cookie(kRefreshCookie); cookie && !cookie->empty()) {
        const std::string token(*cookie);
        pending.link_user_id = co_await deps_.store.UserOfRefresh(token);
    }
    const std::string state = RandomToken(32);
    const TimePoint expires_at = deps_.clock.Now() + kStateTtl;
    co_await deps_.store.SaveOAuthState(state, pending, expires_at);

    std::vector<std::pair<std::string, std::string>> query{
        {"response_type", "code"},
        {"client_id", kakao.client_id},
        {"redirect_uri", kakao.redirect_uri},
        {"state", state},
        {"code_challenge", Base64UrlEncode(Sha256(pending.code_verifier))},
        {"code_challenge_method", "S256"}};
    if (!kakao.scope.empty()) query.emplace_back("scope", kakao.scope);
    const char separator = kakao.authorize_url.find('?') == std::string::npos ? '?' : '&';
    http::Response response = http::Redirect(kakao.authorize_url + separator + FormEncode(query));
    response.SetHeader("Set-Cookie", OAuthCookie(deps_, state, kStateTtl.count()));
    co_return response;
}

core::Task<http::Response> KakaoCallbackHandler::Handle(http::Request& request) const {
    if (!deps_.config.kakao.Enabled()) {
        co_return Fail(deps_, request, "auth.oauth_unavailable", "kakao login is not configured");
    }
    // Login CSRF: the state must be the one this browser was given, and still pending (single use).
    const auto state = request.Query("state");
    const auto cookie = request.Cookie(kOAuthCookie);
    if (!state || state->empty() || state->size() > 200 || !cookie || !ConstantTimeEquals(*state, *cookie)) {
        co_return Fail(deps_, request, "auth.oauth_state_invalid", "state missing or not this browser's");
    }
    const std::string state_value(*state);
    const auto pending = co_await deps_.store.TakeOAuthState(state_value);
    if (!pending) co_return Fail(deps_, request, "auth.oauth_state_invalid", "state unknown, used or expired");

    if (const auto error = request.Query("error")) {
        co_return Fail(deps_, request, "auth.oauth_denied", "provider error " + Printable(*error));
    }
    const auto code = request.Query("code");
    if (!code || code->empty() || code->size() > 2048) {
        co_return Fail(deps_, request, "auth.oauth_failed", "callback without a code");
    }
    const std::string code_value(*code);
    auto fetched = co_await deps_.kakao.FetchProfile(code_value, pending->code_verifier);
    if (auto* cause = std::get_if<std::string>(&fetched)) co_return Fail(deps_, request, "auth.oauth_failed", *cause);
    OAuthProfile& profile = std::get<OAuthProfile>(fetched);

    OAuthIdentity identity{std::string(kProvider), std::move(profile.subject), std::move(profile.nickname),
                           std::move(profile.email), std::string(kFallbackNickname)};
    const auto [outcome, user] = co_await deps_.store.OAuthLogin(identity, pending->link_user_id);
    switch (outcome) {
        case OAuthOutcome::kAlreadyLinked:
            co_return Fail(deps_, request, "auth.oauth_already_linked",
                           "identity linked to another user, or the user has another kakao account");
        case OAuthOutcome::kLinkUserGone:
            co_return Fail(deps_, request, "auth.oauth_failed", "the linking user no longer exists");
        case OAuthOutcome::kLinked: {
            obs::Log(obs::Level::kInfo, "kakao_linked", {{"user_id", std::to_string(user->id)}});
            http::Response response = http::Redirect(pending->return_to);
            response.SetHeader("Set-Cookie", OAuthCookie(deps_, "", 0));
            co_return response;
        }
        case OAuthOutcome::kLoggedIn:
        case OAuthOutcome::kCreated: break;
    }
    obs::Log(obs::Level::kInfo, outcome == OAuthOutcome::kCreated ? "kakao_user_created" : "kakao_login",
             {{"user_id", std::to_string(user->id)}});
    const std::optional<std::int64_t> any_version;  // Kakao vouched for the user just now
    const auto started = co_await deps_.store.IssueRefresh(user->id, any_version);
    if (!started) co_return Fail(deps_, request, "auth.oauth_denied", "the account was deleted during the login");
    http::Response response = http::Redirect("/auth/kakao/done?return_to=" + FormEncode(pending->return_to));
    SetRefreshCookie(deps_, response, started->second);
    SetAccessCookie(deps_, response,
                    deps_.tokens.Issue(started->first.id, started->first.session_version, started->second.family_id));
    response.SetHeader("Set-Cookie", OAuthCookie(deps_, "", 0));
    co_return response;
}

}  // namespace sikgu::account
