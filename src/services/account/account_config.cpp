#include "services/account/account_config.hpp"

#include "core/config/config.hpp"

namespace sikgu::account {

namespace {

bool IsHttpUrl(const std::string& url) { return url.starts_with("https://") || url.starts_with("http://"); }

KakaoConfig ParseKakaoConfig(const config::Section& s, const std::string& public_url) {
    KakaoConfig k;
    k.client_id = s.GetString("client_id", "");
    k.client_secret = s.GetString("client_secret", "");
    k.authorize_url = s.GetString("authorize_url", k.authorize_url);
    k.token_url = s.GetString("token_url", k.token_url);
    k.userinfo_url = s.GetString("userinfo_url", k.userinfo_url);
    k.scope = s.GetString("scope", "");
    k.redirect_uri = s.GetString("redirect_uri", public_url + "/api/v1/auth/kakao/callback");
    k.timeout_seconds = static_cast<long>(s.GetInt("timeout_seconds", 10, 1, 120));
    s.Finish();
    for (const auto& [key, url] : {std::pair{"authorize_url", &k.authorize_url}, std::pair{"token_url", &k.token_url},
                                   std::pair{"userinfo_url", &k.userinfo_url},
                                   std::pair{"redirect_uri", &k.redirect_uri}}) {
        if (k.Enabled() && !IsHttpUrl(*url)) {
            throw config::ConfigError("config: " + s.Path() + "." + key + " must be an http(s) URL");
        }
    }
    return k;
}

}  // namespace

AccountConfig ParseAccountConfig(const config::Section& s, const config::Section& kakao, const std::string& public_url) {
    AccountConfig c;
    c.public_url = public_url;
    while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
    c.limits.verification_ttl = std::chrono::minutes(s.GetInt("verification_ttl_minutes", 10, 1, 1440));
    c.limits.verification_attempts = static_cast<int>(s.GetInt("verification_attempts", 5, 1, 100));
    c.limits.resend_interval = std::chrono::seconds(s.GetInt("resend_interval_seconds", 60, 0, 3600));
    c.limits.refresh_ttl = std::chrono::hours(24 * s.GetInt("refresh_ttl_days", 30, 1, 365));
    c.limits.refresh_reuse_grace = std::chrono::seconds(s.GetInt("refresh_reuse_grace_seconds", 10, 0, 60));
    c.limits.reset_ttl = std::chrono::minutes(s.GetInt("reset_ttl_minutes", 30, 1, 1440));
    c.limits.unverified_hold = std::chrono::hours(s.GetInt("unverified_hold_hours", 24, 1, 24 * 30));
    c.login_failures_per_account = static_cast<int>(s.GetInt("login_failures_per_account", 5, 1, 1000));
    c.login_failures_per_ip = static_cast<int>(s.GetInt("login_failures_per_ip", 20, 1, 100000));
    c.login_failure_window = std::chrono::minutes(s.GetInt("login_failure_window_minutes", 15, 1, 1440));
    const std::string secure = s.GetChoice("cookie_secure", "auto", {"auto", "true", "false"});
    c.cookie_secure = secure == "true" || (secure == "auto" && c.public_url.starts_with("https://"));
    s.Finish({"kakao"});
    c.kakao = ParseKakaoConfig(kakao, c.public_url);
    return c;
}

}  // namespace sikgu::account
