#include "core/http/response_head.hpp"

#include <boost/beast/http/status.hpp>
#include <algorithm>
#include <array>
#include <charconv>
#include <ctime>
#include <string_view>

#include "core/obs/log.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace {

// RFC 9110 tchar, as a table: this runs for every header of every response.
constexpr std::array<bool, 256> kTokenChars = [] {
    std::array<bool, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
    for (int c = '0'; c <= '9'; ++c) table[c] = true;
    for (const char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
    return table;
}();

bool IsToken(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!kTokenChars[static_cast<unsigned char>(c)]) return false;
    }
    return true;
}

// RFC 9110 field content: visible characters, spaces and tabs (and obs-text); no CR, LF or other controls.
bool IsFieldValue(std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    }
    return true;
}

// The fields this writer owns; a handler setting one would make the framing ambiguous.
bool IsFramingField(std::string_view name) {
    constexpr std::string_view kOwned[] = {"content-length", "transfer-encoding", "connection", "date", "content-type"};
    return std::any_of(std::begin(kOwned), std::end(kOwned),
                       [&](std::string_view owned) { return AsciiEqualsIgnoreCase(name, owned); });
}

void LogDropped(std::string_view name) {
    obs::Log(obs::Level::kError, "response_header_dropped", {{"name", name}});
}

void AppendField(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
}

// The IMF-fixdate of the current second, formatted once per second and thread.
std::string_view DateNow() {
    thread_local std::time_t cached_second = 0;
    thread_local char text[40];
    const std::time_t now = std::time(nullptr);
    if (now != cached_second) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        cached_second = now;
    }
    return text;
}

}  // namespace

void WriteResponseHead(std::string& out, const Response& response, unsigned version, bool keep_alive) {
    out.clear();
    const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
    char status[8];
    const auto [end, ec] = std::to_chars(status, status + sizeof status, response.status);
    out.append("HTTP/1.1 ").append(status, end).append(" ").append(reason).append("\r\n");
    AppendField(out, "Date", DateNow());
    if (!response.content_type.empty()) {
        if (IsFieldValue(response.content_type)) {
            AppendField(out, "Content-Type", response.content_type);
        } else {
            LogDropped("Content-Type");
        }
    }
    out.append(response.fixed_headers);  // the pipeline's constants, checked where they are written
    for (const auto& header : response.headers) {
        if (!IsToken(header.name) || !IsFieldValue(header.value) || IsFramingField(header.name)) {
            LogDropped(header.name);
            continue;
        }
        AppendField(out, header.name, header.value);
    }
    if (response.stream) {
        // Written as it goes: with its length when known, chunked otherwise (HTTP/1.0: until the close).
        if (response.stream_length) {
            AppendField(out, "Content-Length", std::to_string(*response.stream_length));
        } else if (version >= 11) {
            AppendField(out, "Transfer-Encoding", "chunked");
        }
    } else if (StatusHasBody(response.status)) {
        AppendField(out, "Content-Length", std::to_string(response.body.size()));
    }
    if (!keep_alive) {
        AppendField(out, "Connection", "close");
    } else if (version < 11) {
        AppendField(out, "Connection", "keep-alive");
    }
    out.append("\r\n");
}

}  // namespace sikgu::http
