#pragma once

#include "core/http/handler.hpp"
#include "services/account/api/account_api.hpp"

namespace sikgu::account {

/// Base of the account endpoints: each holds the shared dependencies and implements Handle().
class AccountHandler : public http::Handler {
public:
    explicit AccountHandler(const AccountDeps& deps) : deps_(deps) {}

protected:
    const AccountDeps& deps_;
};

// Sign-up and e-mail verification (signup_handlers.cpp).
class SignupHandler final : public AccountHandler {  // POST /api/v1/auth/signup
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class VerifyEmailHandler final : public AccountHandler {  // POST /api/v1/auth/verify-email
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class ResendVerificationHandler final : public AccountHandler {  // POST /api/v1/auth/verify-email/resend
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class AvailabilityHandler final : public AccountHandler {  // GET /api/v1/auth/availability
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};

// Sessions (session_handlers.cpp).
class LoginHandler final : public AccountHandler {  // POST /api/v1/auth/login
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class RefreshHandler final : public AccountHandler {  // POST /api/v1/auth/refresh
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class LogoutHandler final : public AccountHandler {  // POST /api/v1/auth/logout
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};

// Kakao login (kakao_handlers.cpp).
class KakaoStartHandler final : public AccountHandler {  // GET /api/v1/auth/kakao/start
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class KakaoCallbackHandler final : public AccountHandler {  // GET /api/v1/auth/kakao/callback
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};

// Recovery (recovery_handlers.cpp).
class FindUsernameHandler final : public AccountHandler {  // POST /api/v1/auth/find-username
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class PasswordResetHandler final : public AccountHandler {  // POST /api/v1/auth/password-reset
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class PasswordResetConfirmHandler final : public AccountHandler {  // POST /api/v1/auth/password-reset/confirm
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};

// My page (me_handlers.cpp).
class GetMeHandler final : public AccountHandler {  // GET /api/v1/me
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class UpdateMeHandler final : public AccountHandler {  // PATCH /api/v1/me
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class ChangePasswordHandler final : public AccountHandler {  // POST /api/v1/me/password
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};
class DeleteMeHandler final : public AccountHandler {  // DELETE /api/v1/me
public:
    using AccountHandler::AccountHandler;
    core::Task<http::Response> Handle(http::Request& request) const override;
};

}  // namespace sikgu::account
