#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/async/task.hpp"
#include "core/util/clock.hpp"

namespace sikgu::http {
class Client;
}

namespace sikgu::mail {

struct Mail {
    std::string to;
    std::string subject;
    std::string body;  // plain text, UTF-8
};

class Mailer {
public:
    virtual ~Mailer() = default;
    virtual core::Task<void> Send(const Mail& mail) = 0;
};

struct SmtpOptions {
    std::string url;   // smtp://host:port or smtps://host:port
    std::string from;  // "sikgu <no-reply@example.com>"
    std::string username;
    std::string password;
    bool require_tls = false;  // STARTTLS must succeed (CURLUSESSL_ALL)
    bool verify_peer = true;
    long timeout_seconds = 20;
};

/// Sends over SMTP through the process's outgoing client (its libcurl multi handle and I/O thread).
class SmtpMailer final : public Mailer {
public:
    SmtpMailer(SmtpOptions options, http::Client& client);
    /// Throws std::runtime_error("smtp: <libcurl's message>") when the mail was not accepted.
    core::Task<void> Send(const Mail& mail) override;

    /// The RFC 5322 message as it goes on the wire (exposed for tests).
    static std::string Compose(const SmtpOptions& options, const Mail& mail, const std::string& message_id,
                               const std::string& date);

private:
    SmtpOptions options_;
    http::Client& client_;
};

struct StoredMail {
    std::string id;
    std::string to;
    std::string subject;
    std::string body;
    std::string sent_at;
};

/// Development stand-in for SMTP: each mail is a JSON file in a folder, readable through
/// GET /api/v1/dev/mailbox while the server listens on loopback only.
class DevMailbox final : public Mailer {
public:
    DevMailbox(std::filesystem::path folder, const Clock& clock);
    core::Task<void> Send(const Mail& mail) override;
    std::vector<StoredMail> List(std::size_t limit) const;
    /// Deletes the mails sent before `cutoff` (and files left half-written); returns how many.
    std::size_t Prune(TimePoint cutoff);

private:
    std::filesystem::path folder_;
    const Clock& clock_;
    std::atomic<std::uint64_t> sequence_{0};
    mutable std::mutex mutex_;
};

}  // namespace sikgu::mail
