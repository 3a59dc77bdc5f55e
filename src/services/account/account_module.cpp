#include "services/account/account_module.hpp"

#include "core/auth/jwt.hpp"
#include "core/config/config.hpp"
#include "core/obs/log.hpp"
#include "core/runtime/settings.hpp"
#include "services/account/api/account_handlers.hpp"
#include "services/account/api/kakao_client.hpp"
#include "services/account/api/messages.hpp"

namespace sikgu::account {

std::span<const EmbeddedFile> Migrations();

namespace {

using http::Auth;
using http::Verb;

class AccountModule final : public runtime::Module {
public:
    explicit AccountModule(runtime::ServiceContext& c)
        : config_(ParseAccountConfig(c.config.Get("account"), c.config.Get("account.kakao"), c.settings.public_url)),
          store_(c.db, c.ids, c.clock, config_.limits, c.revocations),
          by_account_(c.clock, config_.login_failures_per_account, config_.login_failure_window),
          by_ip_(c.clock, config_.login_failures_per_ip, config_.login_failure_window),
          mail_by_address_(c.clock, 1, std::chrono::seconds(60)),
          kakao_(config_.kakao, c.http_client),
          deps_{store_,  c.passwords, c.tokens,         c.mail_queue, config_,
                c.clock, by_account_, by_ip_, mail_by_address_, kakao_},
          signup_(deps_),
          verify_(deps_),
          resend_(deps_),
          availability_(deps_),
          login_(deps_),
          refresh_(deps_),
          logout_(deps_),
          kakao_start_(deps_),
          kakao_callback_(deps_),
          find_username_(deps_),
          reset_(deps_),
          reset_confirm_(deps_),
          get_me_(deps_),
          update_me_(deps_),
          change_password_(deps_),
          delete_me_(deps_) {}

    void Start() override { store_.RestoreRevocations(deps_.tokens.Ttl()); }

    void Register(runtime::Registry& r) override {
        r.AddMigrations(Migrations());
        r.AddMessages(kMessages);
        r.AddJob("account.purge-expired", std::chrono::minutes(10), [this]() -> core::Task<void> {
            const auto removed = co_await store_.PurgeExpired();
            if (removed > 0) obs::Log(obs::Level::kInfo, "account_purged", {{"rows", removed}});
        });
        r.AddRoute({Verb::kPost, "/api/v1/auth/signup", Auth::kPublic}, signup_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/verify-email", Auth::kPublic}, verify_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/verify-email/resend", Auth::kPublic}, resend_);
        r.AddRoute({Verb::kGet, "/api/v1/auth/availability", Auth::kPublic}, availability_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/login", Auth::kPublic}, login_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/refresh", Auth::kPublic}, refresh_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/logout", Auth::kPublic}, logout_);
        r.AddRoute({Verb::kGet, "/api/v1/auth/kakao/start", Auth::kPublic}, kakao_start_);
        r.AddRoute({Verb::kGet, "/api/v1/auth/kakao/callback", Auth::kPublic}, kakao_callback_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/find-username", Auth::kPublic}, find_username_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/password-reset", Auth::kPublic}, reset_);
        r.AddRoute({Verb::kPost, "/api/v1/auth/password-reset/confirm", Auth::kPublic}, reset_confirm_);
        r.AddRoute({Verb::kGet, "/api/v1/me", Auth::kUser}, get_me_);
        r.AddRoute({Verb::kPatch, "/api/v1/me", Auth::kUser}, update_me_);
        r.AddRoute({Verb::kPost, "/api/v1/me/password", Auth::kUser}, change_password_);
        r.AddRoute({Verb::kDelete, "/api/v1/me", Auth::kUser}, delete_me_);
    }

private:
    AccountConfig config_;
    AccountStore store_;
    RateLimiter by_account_;
    RateLimiter by_ip_;
    RateLimiter mail_by_address_;
    KakaoClient kakao_;
    AccountDeps deps_;
    SignupHandler signup_;
    VerifyEmailHandler verify_;
    ResendVerificationHandler resend_;
    AvailabilityHandler availability_;
    LoginHandler login_;
    RefreshHandler refresh_;
    LogoutHandler logout_;
    KakaoStartHandler kakao_start_;
    KakaoCallbackHandler kakao_callback_;
    FindUsernameHandler find_username_;
    PasswordResetHandler reset_;
    PasswordResetConfirmHandler reset_confirm_;
    GetMeHandler get_me_;
    UpdateMeHandler update_me_;
    ChangePasswordHandler change_password_;
    DeleteMeHandler delete_me_;
};

}  // namespace

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context) {
    return std::make_unique<AccountModule>(context);
}

}  // namespace sikgu::account
