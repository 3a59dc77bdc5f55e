#include "services/account/api/kakao_client.hpp"

#include <boost/json.hpp>

#include "core/http/client.hpp"
#include "services/account/domain/account_rules.hpp"

namespace sikgu::account {
namespace {

constexpr std::size_t kMaxBody = 256 * 1024;

const boost::json::object* Object(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_object() ? &v->as_object() : nullptr;
}

std::optional<std::string> String(const boost::json::object* o, std::string_view key) {
    if (o == nullptr) return std::nullopt;
    const auto* v = o->if_contains(key);
    if (v == nullptr || !v->is_string() || v->as_string().empty()) return std::nullopt;
    return std::string(v->as_string());
}

bool True(const boost::json::object* o, std::string_view key) {
    if (o == nullptr) return false;
    const auto* v = o->if_contains(key);
    return v != nullptr && v->is_bool() && v->as_bool();
}

std::optional<std::string> Subject(const boost::json::object& o) {
    if (const auto* id = o.if_contains("id")) {
        if (id->is_int64()) return std::to_string(id->as_int64());
        if (id->is_uint64()) return std::to_string(id->as_uint64());
        if (id->is_string() && !id->as_string().empty()) return std::string(id->as_string());
    }
    return String(&o, "sub");
}

std::optional<boost::json::object> ParseObject(std::string_view json) {
    boost::system::error_code ec;
    auto value = boost::json::parse(json, ec);
    if (ec || !value.is_object()) return std::nullopt;
    return std::move(value.as_object());
}

}  // namespace

std::optional<OAuthProfile> ParseUserInfo(std::string_view json) {
    const auto root = ParseObject(json);
    if (!root) return std::nullopt;
    OAuthProfile p;
    const auto subject = Subject(*root);
    if (!subject || subject->size() > 255) return std::nullopt;
    p.subject = *subject;

    const auto* account = Object(*root, "kakao_account");
    const auto* profile = account != nullptr ? Object(*account, "profile") : nullptr;
    const auto* properties = Object(*root, "properties");
    for (const auto& candidate : {String(profile, "nickname"), String(properties, "nickname"),
                                  String(&*root, "nickname"), String(&*root, "name")}) {
        if (candidate) {
            p.nickname = *candidate;
            break;
        }
    }

    std::optional<std::string> email;
    if (True(account, "is_email_verified")) email = String(account, "email");
    if (!email && True(&*root, "email_verified")) email = String(&*root, "email");
    if (email && !CheckEmail(*email)) p.email = std::move(email);
    return p;
}

std::optional<std::string> ParseAccessToken(std::string_view json) {
    const auto root = ParseObject(json);
    if (!root) return std::nullopt;
    return String(&*root, "access_token");
}

std::string FormEncode(std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += FormEncode(name) + "=" + FormEncode(value);
    }
    return out;
}

KakaoClient::KakaoClient(const KakaoConfig& config, http::Client& client) : config_(config), client_(client) {}

core::Task<KakaoClient::Reply> KakaoClient::Perform(const std::string& url, const std::string* form,
                                                    const std::string* bearer) {
    http::ClientRequest request;
    request.method = form != nullptr ? "POST" : "GET";
    request.url = url;
    request.headers.push_back({"Accept", "application/json"});
    if (bearer != nullptr) request.headers.push_back({"Authorization", "Bearer " + *bearer});
    if (form != nullptr) {
        request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded;charset=utf-8"});
        request.body = *form;
    }
    request.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(config_.timeout_seconds);
    request.max_response_bytes = kMaxBody;
    Reply reply;
    try {
        const http::ClientResponse response = co_await client_.Fetch(request);
        reply.status = response.status;
        reply.body = response.body;
    } catch (const http::ClientError& e) {
        reply.error = e.what();
    }
    co_return reply;
}

core::Task<std::variant<OAuthProfile, std::string>> KakaoClient::FetchProfile(const std::string& code,
                                                                              const std::string& code_verifier) {
    std::vector<std::pair<std::string, std::string>> fields{{"grant_type", "authorization_code"},
                                                            {"client_id", config_.client_id},
                                                            {"redirect_uri", config_.redirect_uri},
                                                            {"code", code},
                                                            {"code_verifier", code_verifier}};
    if (!config_.client_secret.empty()) fields.emplace_back("client_secret", config_.client_secret);
    const std::string form = FormEncode(fields);
    const Reply token = co_await Perform(config_.token_url, &form, nullptr);
    if (!token.error.empty()) co_return "token endpoint: " + token.error;
    if (token.status != 200) {
        // The error field of an OAuth error answer is a short code, safe to log; the body is not logged.
        std::string why = "token endpoint answered " + std::to_string(token.status);
        if (const auto root = ParseObject(token.body)) {
            if (const auto error = String(&*root, "error"); error && error->size() <= 64) why += " (" + *error + ")";
        }
        co_return why;
    }
    const auto access_token = ParseAccessToken(token.body);
    if (!access_token) co_return std::string("token endpoint answer has no access_token");

    const Reply info = co_await Perform(config_.userinfo_url, nullptr, &*access_token);
    if (!info.error.empty()) co_return "user-info endpoint: " + info.error;
    if (info.status != 200) co_return "user-info endpoint answered " + std::to_string(info.status);
    auto profile = ParseUserInfo(info.body);
    if (!profile) co_return std::string("user-info answer has no subject");
    co_return std::move(*profile);
}

}  // namespace sikgu::account
