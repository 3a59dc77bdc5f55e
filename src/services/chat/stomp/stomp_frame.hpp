#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// STOMP 1.2 frames (https://stomp.github.io/stomp-specification-1.2.html) as the chat service speaks them
// over WebSocket: parsing, serializing and heart-beat negotiation. No I/O, only the standard library, so
// the fuzz target compiles it on its own.
namespace sikgu::chat::stomp {

/// One frame. Headers keep their order and their repeats; the first occurrence of a name is the one that
/// counts (spec: "Repeated Header Entries").
struct Frame {
    std::string command;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// The value of the first header called `name`, or nullptr.
    const std::string* Header(std::string_view name) const;

    bool operator==(const Frame&) const = default;
};

/// What one connection may make the parser hold. The defaults suit chat messages.
struct Limits {
    std::size_t max_frame_bytes = std::size_t{64} * 1024;       // command line through the terminating NUL
    std::size_t max_headers = 32;                               // header lines, repeats included
    std::size_t max_header_line_bytes = std::size_t{8} * 1024;  // one header line, without its EOL
};

/// Whose frames a parser reads: a server reads the client's (CONNECT, SEND, ...), a test client or a
/// benchmark reads the server's (CONNECTED, MESSAGE, RECEIPT, ERROR).
enum class Sender { kClient, kServer };

enum class ErrorCode {
    kMalformed,         // framing: a stray CR, a missing blank line or NUL, a body where none is allowed
    kTooLarge,          // over one of the Limits (also a content-length that could not fit)
    kBadCommand,        // not a command this Sender may send
    kBadHeader,         // no ':', an empty name, a CR inside, an undefined escape
    kBadUtf8,           // a header name or value that is not UTF-8
    kBadContentLength,  // content-length is not a decimal number
};

/// "malformed", "too_large", ...: stable, for logs and the ERROR frame's `message` header.
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::kMalformed;
    // What was wrong, in English, for the peer's ERROR frame and the log. When a frame breaks two limits
    // at once, which one it names may depend on how its bytes were split; the code does not.
    std::string message;

    bool operator==(const Error&) const = default;
};

/// Next() has consumed everything it was given and needs more bytes.
struct NeedMore {
    bool operator==(const NeedMore&) const = default;
};

/// A heart-beat: one EOL ("\n" or "\r\n") between frames. Each one is reported, so the caller can count
/// it as liveness; so is every EOL that trails a frame.
struct Pulse {
    bool operator==(const Pulse&) const = default;
};

using Result = std::variant<NeedMore, Pulse, Frame, Error>;

/// An incremental parser for one connection's byte stream. Feed() what arrives (a WebSocket message may
/// hold a frame, part of one, several, or a lone heart-beat), then call Next() until it returns NeedMore.
/// Feed() only copies; Next() parses, remembering how far it has looked, so a frame fed byte by byte is
/// scanned once. Frames are checked against the Limits while they arrive: whenever Next() has returned
/// NeedMore, what is held is one unfinished frame under max_frame_bytes, and bytes that start no command
/// fail within 13. After an Error the parser stays failed: Next() returns the same Error and Feed()
/// discards its bytes (STOMP closes the connection after an ERROR frame).
class FrameParser {
public:
    explicit FrameParser(Limits limits = {}, Sender sender = Sender::kClient);

    void Feed(std::string_view bytes);
    Result Next();

    bool Failed() const { return error_.has_value(); }
    /// Bytes held and not yet returned (for tests of the bounds).
    std::size_t Buffered() const { return buffer_.size() - start_; }

private:
    enum class State { kBetweenFrames, kCommand, kHeaders, kBody };

    std::optional<Result> ReadBetweenFrames();
    std::optional<Result> ReadCommand();
    std::optional<Result> ReadHeaders();
    std::optional<Result> ReadBody();
    std::optional<Result> AddHeader(std::string_view line);
    std::optional<Result> StartBody();
    Result FinishFrame(std::size_t body_end, std::size_t frame_end);
    Result Fail(ErrorCode code, std::string message);

    Limits limits_;
    Sender sender_;
    std::string buffer_;
    std::size_t start_ = 0;  // first byte not yet returned; the frame's first byte while inside one
    std::size_t scan_ = 0;   // bytes before this hold no line end (or NUL) of the current line (or body)
    std::size_t line_start_ = 0;
    std::size_t body_start_ = 0;
    std::optional<std::size_t> content_length_;
    State state_ = State::kBetweenFrames;
    bool escaped_ = true;  // false in CONNECT and CONNECTED, whose headers are taken literally
    Frame frame_;
    std::optional<Error> error_;
};

/// The frame on the wire: LF line ends, headers escaped (except in CONNECT and CONNECTED), a content-length
/// added when there is a body and no such header, then the body and a NUL. Throws std::invalid_argument for
/// a frame that cannot be written as given: a CONNECT/CONNECTED header with a CR, LF (or, in a name, a ':'),
/// or a content-length header that does not match the body.
std::string Serialize(const Frame& frame);

/// The `heart-beat` header's two intervals ("cx,cy" from a client, "sx,sy" from a server); 0 means none.
struct HeartBeat {
    std::chrono::milliseconds send{0};     // the sender can send something at least this often
    std::chrono::milliseconds receive{0};  // the sender wants to receive something at least this often

    bool operator==(const HeartBeat&) const = default;
};

/// "10000,10000" -> {10 s, 10 s}. Two decimal numbers of at most 32 bits and a comma, nothing else;
/// nullopt otherwise (the caller answers with an ERROR frame). A missing header means HeartBeat{}.
std::optional<HeartBeat> ParseHeartBeat(std::string_view value);

/// "sx,sy", for the CONNECTED frame.
std::string FormatHeartBeat(const HeartBeat& heart_beat);

/// What was agreed, seen from `own` side: `send` is how often it must send something (0: never), and
/// `receive` the interval within which the peer promised to send something (0: no promise, never time out).
/// As the spec's "Heart-beating" has it: send = max(own.send, peer.receive) and receive = max(peer.send,
/// own.receive), each 0 when either of its two is 0.
/// The receiver should allow some grace beyond `receive` before calling the peer dead.
HeartBeat NegotiateHeartBeat(const HeartBeat& own, const HeartBeat& peer);

}  // namespace sikgu::chat::stomp
