#include "services/account/account_config.hpp"

#include "core/config/config.hpp"

namespace sikgu::account {

AccountConfig ParseAccountConfig(const config::Section& s, const std::string& public_url) {
    AccountConfig c;
    c.public_url = public_url;
    while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
    c.limits.verification_ttl = std::chrono::minutes(s.GetInt("verification_ttl_minutes", 10, 1, 1440));
    c.limits.verification_attempts = static_cast<int>(s.GetInt("verification_attempts", 5, 1, 100));
    c.limits.resend_interval = std::chrono::seconds(s.GetInt("resend_interval_seconds", 60, 0, 3600));
    c.limits.refresh_ttl = std::chrono::hours(24 * s.GetInt("refresh_ttl_days", 30, 1, 365));
    c.limits.reset_ttl = std::chrono::minutes(s.GetInt("reset_ttl_minutes", 30, 1, 1440));
    c.limits.unverified_hold = std::chrono::hours(s.GetInt("unverified_hold_hours", 24, 1, 24 * 30));
    c.login_failures_per_account = static_cast<int>(s.GetInt("login_failures_per_account", 5, 1, 1000));
    c.login_failures_per_ip = static_cast<int>(s.GetInt("login_failures_per_ip", 20, 1, 100000));
    c.login_failure_window = std::chrono::minutes(s.GetInt("login_failure_window_minutes", 15, 1, 1440));
    const std::string secure = s.GetChoice("cookie_secure", "auto", {"auto", "true", "false"});
    c.cookie_secure = secure == "true" || (secure == "auto" && c.public_url.starts_with("https://"));
    s.Finish();
    return c;
}

}  // namespace sikgu::account
