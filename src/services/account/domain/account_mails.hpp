#pragma once

#include <string>

namespace sikgu::account {

struct MailText {
    std::string subject;
    std::string body;
};

MailText VerificationMail(const std::string& nickname, const std::string& code, int ttl_minutes);
MailText UsernameMail(const std::string& nickname, const std::string& username);
MailText PasswordResetMail(const std::string& nickname, const std::string& link, int ttl_minutes);

}  // namespace sikgu::account
