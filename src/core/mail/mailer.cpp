#include "core/mail/mailer.hpp"

#include <curl/curl.h>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <algorithm>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "core/http/client.hpp"
#include "core/util/crypto.hpp"
#include "core/util/private_files.hpp"
#include "core/util/time.hpp"

namespace sikgu::mail {
namespace {

// RFC 2047 encoded-word so Korean subjects survive every mail client.
std::string EncodeHeader(const std::string& text) {
    const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return text;
    std::string b64 = Base64UrlEncode(text);
    std::replace(b64.begin(), b64.end(), '-', '+');
    std::replace(b64.begin(), b64.end(), '_', '/');
    while (b64.size() % 4 != 0) b64 += '=';
    return "=?UTF-8?B?" + b64 + "?=";
}

std::string AddressOf(const std::string& from) {
    const auto open = from.find('<');
    const auto close = from.find('>');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        return from.substr(open + 1, close - open - 1);
    }
    return from;
}

struct Upload {
    std::string data;
    std::size_t offset = 0;
};

std::size_t ReadCallback(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
    std::memcpy(buffer, upload->data.data() + upload->offset, n);
    upload->offset += n;
    return n;
}

std::string RfcDate(TimePoint now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buffer;
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpOptions options, http::Client& client) : options_(std::move(options)), client_(client) {}

std::string SmtpMailer::Compose(const SmtpOptions& options, const Mail& mail, const std::string& message_id,
                                const std::string& date) {
    // Header values come from our own templates and validated addresses; CR/LF are stripped regardless.
    auto clean = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; }), s.end());
        return s;
    };
    std::string body = mail.body;
    std::string normalized;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) normalized += '\r';
        normalized += body[i];
    }
    std::ostringstream out;
    out << "Date: " << date << "\r\n"
        << "From: " << clean(options.from) << "\r\n"
        << "To: <" << clean(mail.to) << ">\r\n"
        << "Message-ID: <" << message_id << ">\r\n"
        << "Subject: " << EncodeHeader(clean(mail.subject)) << "\r\n"
        << "MIME-Version: 1.0\r\n"
        << "Content-Type: text/plain; charset=UTF-8\r\n"
        << "Content-Transfer-Encoding: 8bit\r\n"
        << "\r\n"
        << normalized << "\r\n";
    return out.str();
}

core::Task<void> SmtpMailer::Send(const Mail& mail) {
    const std::string address = AddressOf(options_.from);
    const std::string message_id = RandomToken(16) + "@" + address.substr(address.find('@') + 1);
    Upload upload{Compose(options_, mail, message_id, RfcDate(std::chrono::system_clock::now())), 0};
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
        curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()), curl_slist_free_all);
    const std::string from = "<" + address + ">";
    http::CurlTransfer transfer;
    transfer.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.timeout_seconds);
    transfer.configure = [&](void* curl) {
        curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadCallback);
        curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
        curl_easy_setopt(curl, CURLOPT_USE_SSL, options_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options_.verify_peer ? 1L : 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options_.verify_peer ? 2L : 0L);
        if (!options_.username.empty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, options_.username.c_str());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
        }
        // One connection per mail, closed with QUIT afterwards, as before the shared client: an SMTP session
        // left idle in the cache could be dropped by the server or hit its per-connection message limit.
        curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);
    };
    try {
        co_await client_.Perform(transfer);
    } catch (const http::ClientError& e) {
        throw std::runtime_error(std::string("smtp: ") + e.what());
    }
}

DevMailbox::DevMailbox(std::filesystem::path folder, const Clock& clock) : folder_(std::move(folder)), clock_(clock) {
    CreatePrivateDirectories(folder_);  // mails carry verification codes and reset links
}

core::Task<void> DevMailbox::Send(const Mail& mail) {
    const auto now = clock_.Now();
    // Sortable names (milliseconds, then a sequence for mails within one millisecond): listed newest first.
    const std::string id = fmt::format("{:013}-{:06}-{}", ToUnixMillis(now), sequence_++ % 1000000, RandomToken(6));
    boost::json::object record{{"id", id},
                               {"to", mail.to},
                               {"subject", mail.subject},
                               {"body", mail.body},
                               {"sent_at", FormatRfc3339(now)}};
    std::lock_guard lock(mutex_);
    WritePrivateFileAtomically(folder_ / (id + ".json"), boost::json::serialize(record));
    co_return;
}

std::size_t DevMailbox::Prune(TimePoint cutoff) {
    // Names start with the sending time in milliseconds, zero-padded, so they compare as numbers do.
    const std::string limit = fmt::format("{:013}", ToUnixMillis(cutoff));
    std::lock_guard lock(mutex_);
    std::size_t removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
        const auto name = entry.path().filename().string();
        const bool mail = entry.path().extension() == ".json" || entry.path().extension() == ".tmp";
        if (mail && name.size() >= limit.size() && name.compare(0, limit.size(), limit) < 0) {
            std::error_code ec;
            if (std::filesystem::remove(entry.path(), ec)) ++removed;
        }
    }
    return removed;
}

std::vector<StoredMail> DevMailbox::List(std::size_t limit) const {
    std::lock_guard lock(mutex_);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end(), std::greater<>());
    std::vector<StoredMail> out;
    for (const auto& path : files) {
        if (out.size() >= limit) break;
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        boost::system::error_code ec;
        const auto value = boost::json::parse(buffer.str(), ec);
        if (ec || !value.is_object()) continue;
        const auto& o = value.as_object();
        auto text = [&](const char* key) {
            const auto* v = o.if_contains(key);
            return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
        };
        out.push_back({text("id"), text("to"), text("subject"), text("body"), text("sent_at")});
    }
    return out;
}

}  // namespace sikgu::mail
