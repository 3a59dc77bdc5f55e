#include "services/account/domain/account_mails.hpp"

#include <fmt/format.h>

namespace sikgu::account {

MailText VerificationMail(const std::string& nickname, const std::string& code, int ttl_minutes) {
    return {fmt::format("[식구하자] 이메일 인증 코드 {}", code),
            fmt::format("{}님, 식구하자에 오신 것을 환영해요.\n\n"
                        "이메일 인증 코드: {}\n\n"
                        "코드는 {}분 동안 유효해요. 가입하지 않으셨다면 이 메일을 무시해 주세요.\n\n"
                        "Your sikgu verification code is {} (valid for {} minutes).\n",
                        nickname, code, ttl_minutes, code, ttl_minutes)};
}

MailText UsernameMail(const std::string& nickname, const std::string& username) {
    return {"[식구하자] 아이디 안내",
            fmt::format("{}님의 식구하자 아이디는 {} 입니다.\n\n"
                        "요청하지 않으셨다면 이 메일을 무시해 주세요.\n\n"
                        "Your sikgu username is {}.\n",
                        nickname, username, username)};
}

MailText PasswordResetMail(const std::string& nickname, const std::string& link, int ttl_minutes) {
    return {"[식구하자] 비밀번호 재설정",
            fmt::format("{}님, 아래 링크에서 새 비밀번호를 정해 주세요 ({}분 동안 한 번만 쓸 수 있어요).\n\n{}\n\n"
                        "요청하지 않으셨다면 이 메일을 무시해 주세요. 비밀번호는 바뀌지 않아요.\n\n"
                        "Reset your sikgu password here (valid for {} minutes, once): {}\n",
                        nickname, ttl_minutes, link, ttl_minutes, link)};
}

}  // namespace sikgu::account
