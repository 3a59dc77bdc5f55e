#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/async/task.hpp"
#include "services/account/account_config.hpp"

namespace sikgu::http {
class Client;
}

namespace sikgu::account {

/// Who the provider says the user is.
struct OAuthProfile {
    std::string subject;  // Kakao's numeric "id", or the OpenID Connect "sub"
    std::string nickname;
    std::optional<std::string> email;  // only when the provider says it is verified
};

/// Parses a user-info document: Kakao's /v2/user/me shape ({id, kakao_account{email, is_email_verified,
/// profile{nickname}}, properties{nickname}}) or the OpenID Connect one ({sub, nickname|name, email,
/// email_verified}). nullopt when there is no usable subject.
std::optional<OAuthProfile> ParseUserInfo(std::string_view json);

/// The access_token of a token endpoint answer, or nullopt.
std::optional<std::string> ParseAccessToken(std::string_view json);

/// application/x-www-form-urlencoded / query-string encoding of one value (RFC 3986 unreserved kept).
std::string FormEncode(std::string_view value);
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);

/// Talks to the provider's token and user-info endpoints through the process's outgoing client. Answers
/// are capped in size; redirects are not followed.
class KakaoClient {
public:
    KakaoClient(const KakaoConfig& config, http::Client& client);
    KakaoClient(const KakaoClient&) = delete;
    KakaoClient& operator=(const KakaoClient&) = delete;

    /// Exchanges the authorization code (with the PKCE verifier) and reads the user info, each call within
    /// `timeout_seconds`. On failure the string says why, for the log (never a token). A full outgoing queue
    /// throws OverloadedError (503).
    core::Task<std::variant<OAuthProfile, std::string>> FetchProfile(const std::string& code,
                                                                     const std::string& code_verifier);

private:
    struct Reply {
        long status = 0;
        std::string body;
        std::string error;  // transport failure
    };
    core::Task<Reply> Perform(const std::string& url, const std::string* form, const std::string* bearer);

    const KakaoConfig& config_;
    http::Client& client_;
};

}  // namespace sikgu::account
