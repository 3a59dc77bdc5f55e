#pragma once

#include "core/http/messages.hpp"

namespace sikgu::account {

inline constexpr http::Message kMessages[] = {
    {"account.username_taken", "이미 사용 중인 아이디입니다.", "This username is taken."},
    {"account.nickname_taken", "이미 사용 중인 닉네임입니다.", "This nickname is taken."},
    {"account.email_taken", "이미 가입된 이메일입니다.", "This e-mail address is already registered."},
    {"account.already_verified", "이미 인증된 이메일입니다.", "This e-mail address is already verified."},
    {"account.code_invalid", "인증 코드가 올바르지 않습니다.", "The verification code is not correct."},
    {"account.code_expired", "인증 코드가 만료되었습니다. 코드를 다시 받아 주세요.",
     "The verification code has expired; request a new one."},
    {"account.code_attempts_exceeded", "인증 시도 횟수를 초과했습니다. 코드를 다시 받아 주세요.",
     "Too many wrong codes; request a new one."},
    {"account.email_unverified", "이메일 인증을 마친 뒤 로그인할 수 있습니다.",
     "Verify your e-mail address before logging in."},
    {"account.reset_token_invalid", "비밀번호 재설정 링크가 올바르지 않거나 만료되었습니다.",
     "The password reset link is invalid or has expired."},
    {"account.password_required", "비밀번호가 없는 계정입니다. 카카오 로그인으로 확인해 주세요.",
     "This account has no password; confirm with Kakao login."},
    {"auth.invalid_credentials", "아이디 또는 비밀번호가 올바르지 않습니다.", "Wrong username or password."},
    {"auth.refresh_invalid", "로그인 세션이 만료되었습니다. 다시 로그인해 주세요.",
     "The session has expired; log in again."},
    {"auth.refresh_reused", "이미 사용된 세션 토큰입니다. 보안을 위해 이 세션을 종료했습니다.",
     "This session token was already used; the session has been ended for safety."},
    {"auth.oauth_state_invalid", "카카오 로그인 요청이 유효하지 않거나 만료되었습니다. 다시 시도해 주세요.",
     "The Kakao login request is invalid or has expired. Please try again."},
    {"auth.oauth_denied", "카카오 로그인이 취소되었습니다.", "Kakao login was cancelled."},
    {"auth.oauth_failed", "카카오 로그인에 실패했습니다. 잠시 후 다시 시도해 주세요.",
     "Kakao login failed. Please try again later."},
    {"auth.oauth_already_linked", "이 카카오 계정은 이미 다른 식구하자 계정에 연결되어 있습니다.",
     "This Kakao account is already linked to another sikgu account."},
    {"auth.oauth_unavailable", "지금은 카카오 로그인을 사용할 수 없습니다.", "Kakao login is not available right now."},
    {"validation.password_weak", "영문, 숫자, 특수문자 중 두 가지 이상을 섞어 주세요.",
     "Use at least two of letters, digits and symbols."},
    {"validation.password_equals_username", "비밀번호는 아이디와 달라야 합니다.",
     "The password must differ from the username."},
};

}  // namespace sikgu::account
