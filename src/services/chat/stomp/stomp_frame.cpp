#include "services/chat/stomp/stomp_frame.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <system_error>

namespace sikgu::chat::stomp {
namespace {

constexpr std::array<std::string_view, 11> kClientCommands = {
    "CONNECT", "STOMP", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK", "BEGIN", "COMMIT", "ABORT", "DISCONNECT"};
constexpr std::array<std::string_view, 4> kServerCommands = {"CONNECTED", "MESSAGE", "RECEIPT", "ERROR"};
constexpr std::size_t kLongestCommand = 11;  // UNSUBSCRIBE

// A buffer grown past this by one large frame is given back once it has been read.
constexpr std::size_t kKeptCapacity = std::size_t{16} * 1024;

std::string NotACommand(Sender sender) {
    return sender == Sender::kClient ? "not a STOMP client command" : "not a STOMP server command";
}

bool IsCommand(std::string_view line, Sender sender) {
    if (sender == Sender::kClient) {
        return std::find(kClientCommands.begin(), kClientCommands.end(), line) != kClientCommands.end();
    }
    return std::find(kServerCommands.begin(), kServerCommands.end(), line) != kServerCommands.end();
}

// Spec: "Only the SEND, MESSAGE, and ERROR frames MAY have a body."
bool MayHaveBody(std::string_view command) { return command == "SEND" || command == "MESSAGE" || command == "ERROR"; }

// Spec: "The CONNECT and CONNECTED frames do not escape the carriage return, line feed or colon octets".
bool HeadersEscaped(std::string_view command) { return command != "CONNECT" && command != "CONNECTED"; }

std::string_view StripCr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    return line;
}

// No overlongs, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 4;
        char32_t cp = lead & 0x07;
        char32_t smallest = 0x10000;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            cp = lead & 0x1F;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0F;
            smallest = 0x800;
        } else if ((lead & 0xF8) != 0xF0) {
            return false;  // a continuation byte, or no lead byte at all
        }
        if (text.size() - i < length) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (next & 0x3F);
        }
        if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

// Decodes \r \n \c \\; false on any other escape, including a backslash at the end (spec: a fatal error).
bool Unescape(std::string_view text, std::string& out) {
    if (text.find('\\') == std::string_view::npos) {
        out.assign(text);
        return true;
    }
    out.clear();
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size()) {
            return false;
        }
        switch (text[i]) {
            case 'r': out += '\r'; break;
            case 'n': out += '\n'; break;
            case 'c': out += ':'; break;
            case '\\': out += '\\'; break;
            default: return false;
        }
    }
    return true;
}

void AppendEscaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '\r': out += "\\r"; break;
            case '\n': out += "\\n"; break;
            case ':': out += "\\c"; break;
            case '\\': out += "\\\\"; break;
            default: out += c;
        }
    }
}

enum class Decimal { kOk, kNotDecimal, kTooBig };

// Digits only: no sign, no spaces, not empty.
template <typename T>
Decimal ParseDecimal(std::string_view text, T& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ptr != end || ec == std::errc::invalid_argument) {
        return Decimal::kNotDecimal;
    }
    return ec == std::errc::result_out_of_range ? Decimal::kTooBig : Decimal::kOk;
}

// The first LF or NUL at or after `from`: a line ends at LF, and a NUL before the blank line ends the frame
// too early (reported at once rather than when a later frame's LF arrives).
std::size_t FindLineEnd(const std::string& buffer, std::size_t from) {
    return buffer.find_first_of(std::string_view("\n\0", 2), from);
}

}  // namespace

const std::string* Frame::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return &value;
        }
    }
    return nullptr;
}

std::string_view ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kMalformed: return "malformed";
        case ErrorCode::kTooLarge: return "too_large";
        case ErrorCode::kBadCommand: return "bad_command";
        case ErrorCode::kBadHeader: return "bad_header";
        case ErrorCode::kBadUtf8: return "bad_utf8";
        case ErrorCode::kBadContentLength: return "bad_content_length";
    }
    return "malformed";
}

FrameParser::FrameParser(Limits limits, Sender sender) : limits_(limits), sender_(sender) {}

void FrameParser::Feed(std::string_view bytes) {
    if (error_) {
        return;
    }
    if (start_ == buffer_.size()) {  // everything was returned (so no frame is under way)
        if (buffer_.capacity() > kKeptCapacity) {
            std::string().swap(buffer_);
        } else {
            buffer_.clear();
        }
        start_ = 0;
    } else if (start_ > 0) {  // drop what was returned; the unfinished rest moves once
        buffer_.erase(0, start_);
        if (state_ != State::kBetweenFrames) {
            scan_ -= start_;
            line_start_ -= start_;
            body_start_ -= start_;
        }
        start_ = 0;
    }
    buffer_.append(bytes);
}

Result FrameParser::Next() {
    if (error_) {
        return *error_;
    }
    while (true) {
        std::optional<Result> result;
        switch (state_) {
            case State::kBetweenFrames: result = ReadBetweenFrames(); break;
            case State::kCommand: result = ReadCommand(); break;
            case State::kHeaders: result = ReadHeaders(); break;
            case State::kBody: result = ReadBody(); break;
        }
        if (result) {
            return std::move(*result);
        }
    }
}

std::optional<Result> FrameParser::ReadBetweenFrames() {
    if (start_ == buffer_.size()) {
        return NeedMore{};
    }
    const char c = buffer_[start_];
    if (c == '\n') {
        ++start_;
        return Pulse{};
    }
    if (c == '\r') {
        if (start_ + 1 == buffer_.size()) {
            return NeedMore{};
        }
        if (buffer_[start_ + 1] != '\n') {
            return Fail(ErrorCode::kMalformed, "a CR not followed by LF between frames");
        }
        start_ += 2;
        return Pulse{};
    }
    frame_ = Frame{};
    content_length_.reset();
    line_start_ = scan_ = start_;
    state_ = State::kCommand;
    return std::nullopt;
}

// Each check an unfinished line or body gets is made again, first, when its end is found within what was
// fed, so the same bytes give the same error codes however they were split.
std::optional<Result> FrameParser::ReadCommand() {
    const std::size_t end = FindLineEnd(buffer_, scan_);
    const std::size_t until = end == std::string::npos ? buffer_.size() : end;
    if (until - line_start_ > kLongestCommand + 1) {  // + 1: its CR
        return Fail(ErrorCode::kBadCommand, NotACommand(sender_));
    }
    if (end == std::string::npos) {
        scan_ = buffer_.size();
        return NeedMore{};
    }
    if (buffer_[end] == '\0') {
        return Fail(ErrorCode::kMalformed, "a NUL before the frame's blank line");
    }
    const std::string_view command = StripCr(std::string_view(buffer_).substr(line_start_, end - line_start_));
    if (!IsCommand(command, sender_)) {
        return Fail(ErrorCode::kBadCommand, NotACommand(sender_));
    }
    if (end + 1 - start_ >= limits_.max_frame_bytes) {
        return Fail(ErrorCode::kTooLarge, "the frame is over the size limit");
    }
    frame_.command.assign(command);
    escaped_ = HeadersEscaped(command);
    line_start_ = scan_ = end + 1;
    state_ = State::kHeaders;
    return std::nullopt;
}

std::optional<Result> FrameParser::ReadHeaders() {
    while (true) {
        const std::size_t end = FindLineEnd(buffer_, scan_);
        const std::size_t until = end == std::string::npos ? buffer_.size() : end;
        if (until - line_start_ > limits_.max_header_line_bytes + 1) {  // + 1: its CR
            return Fail(ErrorCode::kTooLarge, "a header line is over the size limit");
        }
        if (until - start_ >= limits_.max_frame_bytes) {  // the frame still needs at least its NUL
            return Fail(ErrorCode::kTooLarge, "the frame is over the size limit");
        }
        if (end == std::string::npos) {
            scan_ = buffer_.size();
            return NeedMore{};
        }
        if (buffer_[end] == '\0') {
            return Fail(ErrorCode::kMalformed, "a NUL before the frame's blank line");
        }
        const std::string_view line = StripCr(std::string_view(buffer_).substr(line_start_, end - line_start_));
        if (line.size() > limits_.max_header_line_bytes) {
            return Fail(ErrorCode::kTooLarge, "a header line is over the size limit");
        }
        if (end + 1 - start_ >= limits_.max_frame_bytes) {
            return Fail(ErrorCode::kTooLarge, "the frame is over the size limit");
        }
        line_start_ = scan_ = end + 1;
        if (line.empty()) {
            return StartBody();
        }
        if (std::optional<Result> failed = AddHeader(line)) {
            return failed;
        }
    }
}

std::optional<Result> FrameParser::AddHeader(std::string_view line) {
    if (frame_.headers.size() == limits_.max_headers) {
        return Fail(ErrorCode::kTooLarge, "the frame has too many headers");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
        return Fail(ErrorCode::kBadHeader, "a header line without ':'");
    }
    if (colon == 0) {
        return Fail(ErrorCode::kBadHeader, "a header with an empty name");
    }
    if (line.find('\r') != std::string_view::npos) {
        return Fail(ErrorCode::kBadHeader, "a CR inside a header line");
    }
    // Escapes decode to ASCII, so checking the raw line checks the decoded name and value.
    if (!IsValidUtf8(line)) {
        return Fail(ErrorCode::kBadUtf8, "a header that is not UTF-8");
    }
    std::string name;
    std::string value;
    if (escaped_) {
        if (!Unescape(line.substr(0, colon), name) || !Unescape(line.substr(colon + 1), value)) {
            return Fail(ErrorCode::kBadHeader, "an undefined escape sequence in a header");
        }
    } else {
        name.assign(line.substr(0, colon));
        value.assign(line.substr(colon + 1));
    }
    frame_.headers.emplace_back(std::move(name), std::move(value));
    return std::nullopt;
}

std::optional<Result> FrameParser::StartBody() {
    body_start_ = scan_;
    state_ = State::kBody;
    const std::string* length = frame_.Header("content-length");
    if (length == nullptr) {
        return std::nullopt;
    }
    std::size_t octets = 0;
    switch (ParseDecimal(*length, octets)) {
        case Decimal::kNotDecimal: return Fail(ErrorCode::kBadContentLength, "content-length is not a decimal number");
        case Decimal::kTooBig: return Fail(ErrorCode::kTooLarge, "the frame is over the size limit");
        case Decimal::kOk: break;
    }
    // The frame is its head, the body and the NUL; the head already fits, so the subtraction cannot wrap.
    if (octets >= limits_.max_frame_bytes - (body_start_ - start_)) {
        return Fail(ErrorCode::kTooLarge, "the frame is over the size limit");
    }
    content_length_ = octets;
    return std::nullopt;
}

std::optional<Result> FrameParser::ReadBody() {
    if (content_length_) {
        const std::size_t body_end = body_start_ + *content_length_;
        if (buffer_.size() <= body_end) {
            return NeedMore{};
        }
        if (buffer_[body_end] != '\0') {
            return Fail(ErrorCode::kMalformed, "no NUL after content-length octets of body");
        }
        return FinishFrame(body_end, body_end + 1);
    }
    const std::size_t nul = buffer_.find('\0', scan_);
    const std::size_t until = nul == std::string::npos ? buffer_.size() : nul;
    if (until - start_ >= limits_.max_frame_bytes) {  // the frame still needs (or has) its NUL
        return Fail(ErrorCode::kTooLarge, "the frame is over the size limit");
    }
    if (nul == std::string::npos) {
        scan_ = buffer_.size();
        return NeedMore{};
    }
    return FinishFrame(nul, nul + 1);
}

Result FrameParser::FinishFrame(std::size_t body_end, std::size_t frame_end) {
    if (body_end > body_start_ && !MayHaveBody(frame_.command)) {
        return Fail(ErrorCode::kMalformed, "only SEND, MESSAGE and ERROR frames may have a body");
    }
    frame_.body.assign(buffer_, body_start_, body_end - body_start_);
    start_ = frame_end;
    state_ = State::kBetweenFrames;
    return std::move(frame_);
}

Result FrameParser::Fail(ErrorCode code, std::string message) {
    error_ = Error{code, std::move(message)};
    std::string().swap(buffer_);
    start_ = 0;
    return *error_;
}

std::string Serialize(const Frame& frame) {
    const bool escaped = HeadersEscaped(frame.command);
    std::size_t size = frame.command.size() + frame.body.size() + 32;
    for (const auto& [name, value] : frame.headers) {
        size += name.size() + value.size() + 2;
    }
    std::string out;
    out.reserve(size);
    out += frame.command;
    out += '\n';
    for (const auto& [name, value] : frame.headers) {
        if (escaped) {
            AppendEscaped(out, name);
            out += ':';
            AppendEscaped(out, value);
        } else {
            if (name.find_first_of("\r\n:") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) {
                throw std::invalid_argument("a " + frame.command + " header cannot hold CR, LF or (in its name) ':'");
            }
            out += name;
            out += ':';
            out += value;
        }
        out += '\n';
    }
    if (const std::string* length = frame.Header("content-length")) {
        std::size_t octets = 0;
        if (ParseDecimal(*length, octets) != Decimal::kOk || octets != frame.body.size()) {
            throw std::invalid_argument("the content-length header does not match the body");
        }
    } else if (!frame.body.empty()) {
        out += "content-length:";
        out += std::to_string(frame.body.size());
        out += '\n';
    }
    out += '\n';
    out += frame.body;
    out += '\0';
    return out;
}

std::optional<HeartBeat> ParseHeartBeat(std::string_view value) {
    const std::size_t comma = value.find(',');
    if (comma == std::string_view::npos) {
        return std::nullopt;
    }
    std::uint32_t send = 0;
    std::uint32_t receive = 0;
    if (ParseDecimal(value.substr(0, comma), send) != Decimal::kOk ||
        ParseDecimal(value.substr(comma + 1), receive) != Decimal::kOk) {
        return std::nullopt;
    }
    return HeartBeat{std::chrono::milliseconds(send), std::chrono::milliseconds(receive)};
}

std::string FormatHeartBeat(const HeartBeat& heart_beat) {
    return std::to_string(heart_beat.send.count()) + ',' + std::to_string(heart_beat.receive.count());
}

HeartBeat NegotiateHeartBeat(const HeartBeat& own, const HeartBeat& peer) {
    const auto agree = [](std::chrono::milliseconds a, std::chrono::milliseconds b) {
        return a.count() <= 0 || b.count() <= 0 ? std::chrono::milliseconds(0) : std::max(a, b);
    };
    return HeartBeat{agree(own.send, peer.receive), agree(peer.send, own.receive)};
}

}  // namespace sikgu::chat::stomp
