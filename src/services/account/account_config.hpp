#pragma once

#include <chrono>
#include <string>

#include "services/account/store/account_store.hpp"

namespace sikgu::config {
class Section;
}

namespace sikgu::account {

/// [account.kakao]: Kakao login (OAuth 2.0 authorization code + PKCE). An empty client_id turns it off.
struct KakaoConfig {
    std::string client_id;
    std::string client_secret;
    std::string authorize_url = "https://kauth.kakao.com/oauth/authorize";
    std::string token_url = "https://kauth.kakao.com/oauth/token";
    std::string userinfo_url = "https://kapi.kakao.com/v2/user/me";
    std::string scope;
    std::string redirect_uri;  // default <public_url>/api/v1/auth/kakao/callback
    long timeout_seconds = 10;

    bool Enabled() const { return !client_id.empty(); }
};

struct AccountConfig {
    AccountLimits limits;
    int login_failures_per_account = 5;
    int login_failures_per_ip = 20;
    std::chrono::seconds login_failure_window{15 * 60};
    bool cookie_secure = false;  // "auto": on when public_url is https
    std::string public_url;
    KakaoConfig kakao;
};

/// Reads [account] and [account.kakao]; unknown keys and out-of-range values are start-up errors.
AccountConfig ParseAccountConfig(const config::Section& section, const config::Section& kakao,
                                 const std::string& public_url);

}  // namespace sikgu::account
