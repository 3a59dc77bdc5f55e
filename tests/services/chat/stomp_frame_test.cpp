#include "services/chat/stomp/stomp_frame.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sikgu::chat::stomp {
namespace {

using namespace std::string_literals;  // frames with NULs in them
using std::chrono::milliseconds;

// One line per result, so a whole exchange compares at once and a failure shows where it went wrong.
std::string Describe(const Result& result) {
    if (std::holds_alternative<NeedMore>(result)) {
        return "need-more";
    }
    if (std::holds_alternative<Pulse>(result)) {
        return "pulse";
    }
    if (const auto* error = std::get_if<Error>(&result)) {
        return "error " + std::string(ErrorCodeName(error->code));
    }
    const auto& frame = std::get<Frame>(result);
    std::string text = frame.command;
    for (const auto& [name, value] : frame.headers) {
        text.append(" [").append(name).append("=").append(value).append("]");
    }
    return text + " {" + frame.body + "}";
}

// Feeds `bytes` in pieces of `piece` bytes (0: all at once), draining the parser after each, and describes
// everything but the need-mores; stops at the first error.
std::vector<std::string> Parse(std::string_view bytes,
                               std::size_t piece = 0,
                               Limits limits = {},
                               Sender sender = Sender::kClient) {
    FrameParser parser(limits, sender);
    std::vector<std::string> seen;
    if (piece == 0) {
        piece = bytes.size() + 1;
    }
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        parser.Feed(bytes.substr(at, piece));
        while (true) {
            const Result result = parser.Next();
            if (std::holds_alternative<NeedMore>(result)) {
                break;
            }
            seen.push_back(Describe(result));
            if (std::holds_alternative<Error>(result)) {
                return seen;
            }
        }
    }
    return seen;
}

using Seen = std::vector<std::string>;

// The error a parser fed `bytes` whole stops at, if any.
std::optional<ErrorCode> FirstError(std::string_view bytes, Limits limits = {}, Sender sender = Sender::kClient) {
    FrameParser parser(limits, sender);
    parser.Feed(bytes);
    while (true) {
        const Result result = parser.Next();
        if (std::holds_alternative<NeedMore>(result)) {
            return std::nullopt;
        }
        if (const auto* error = std::get_if<Error>(&result)) {
            return error->code;
        }
    }
}

TEST(StompFrameParser, ConnectWithHeartBeatAndHost) {
    EXPECT_EQ(Parse("CONNECT\naccept-version:1.2\nhost:chat.sikgu.dev\nheart-beat:10000,10000\n\n\0"s),
              (Seen{"CONNECT [accept-version=1.2] [host=chat.sikgu.dev] [heart-beat=10000,10000] {}"}));
}

TEST(StompFrameParser, ConnectAndConnectedHeadersAreNotUnescaped) {
    EXPECT_EQ(Parse("CONNECT\nlogin:DOMAIN\\me\npasscode:a:b\\c\n\n\0"s),
              (Seen{"CONNECT [login=DOMAIN\\me] [passcode=a:b\\c] {}"}));
    EXPECT_EQ(Parse("CONNECTED\nserver:x\\y\n\n\0"s, 0, {}, Sender::kServer), (Seen{"CONNECTED [server=x\\y] {}"}));
    // STOMP is not CONNECT: the spec exempts only CONNECT and CONNECTED.
    EXPECT_EQ(FirstError("STOMP\nlogin:DOMAIN\\me\n\n\0"s), ErrorCode::kBadHeader);
    EXPECT_EQ(Parse("STOMP\nlogin:DOMAIN\\\\me\n\n\0"s), (Seen{"STOMP [login=DOMAIN\\me] {}"}));
}

TEST(StompFrameParser, SubscribeAndTheFirstRepeatedHeaderWins) {
    FrameParser parser;
    parser.Feed("SUBSCRIBE\nid:sub-0\ndestination:/rooms/7\nid:sub-1\n\n\0"s);
    const Result result = parser.Next();
    const auto& frame = std::get<Frame>(result);
    EXPECT_EQ(frame.command, "SUBSCRIBE");
    ASSERT_EQ(frame.headers.size(), 3U);
    ASSERT_NE(frame.Header("id"), nullptr);
    EXPECT_EQ(*frame.Header("id"), "sub-0");
    EXPECT_EQ(*frame.Header("destination"), "/rooms/7");
    EXPECT_EQ(frame.Header("ack"), nullptr);
    EXPECT_EQ(frame.Header("ID"), nullptr);  // names are case-sensitive
    EXPECT_TRUE(std::holds_alternative<NeedMore>(parser.Next()));
}

TEST(StompFrameParser, BodyWithoutContentLengthEndsAtTheFirstNul) {
    EXPECT_EQ(Parse("SEND\ndestination:/rooms/7\n\nhello\0"s), (Seen{"SEND [destination=/rooms/7] {hello}"}));
    EXPECT_EQ(Parse("SEND\ndestination:/a\n\n\0"s), (Seen{"SEND [destination=/a] {}"}));
}

TEST(StompFrameParser, ContentLengthBodyMayHoldNuls) {
    FrameParser parser;
    parser.Feed("SEND\ndestination:/a\ncontent-length:5\n\na\0b\0c\0"s);
    const Result result = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Frame>(result)) << Describe(result);
    EXPECT_EQ(std::get<Frame>(result).body, "a\0b\0c"s);
    EXPECT_TRUE(std::holds_alternative<NeedMore>(parser.Next()));
    // The first content-length counts.
    EXPECT_EQ(Parse("SEND\ncontent-length:2\ncontent-length:9\n\n\0\0\0"s),
              (Seen{"SEND [content-length=2] [content-length=9] {\0\0}"s}));
}

TEST(StompFrameParser, ContentLengthMustBeFollowedByNul) {
    EXPECT_EQ(FirstError("SEND\ncontent-length:2\n\nabc\0"s), ErrorCode::kMalformed);
}

TEST(StompFrameParser, ContentLengthMustBeDecimal) {
    for (const char* bad : {"", "-1", "+1", " 1", "1 ", "1a", "0x10", "1.0"}) {
        EXPECT_EQ(FirstError("SEND\ncontent-length:"s + bad + "\n\n\0"s), ErrorCode::kBadContentLength) << bad;
    }
    EXPECT_EQ(Parse("SEND\ncontent-length:000\n\n\0"s), (Seen{"SEND [content-length=000] {}"}));
    EXPECT_EQ(FirstError("SEND\ncontent-length:99999999999999999999999\n\n\0"s), ErrorCode::kTooLarge);
}

TEST(StompFrameParser, CrLfLineEnds) {
    EXPECT_EQ(Parse("SEND\r\ndestination:/a\r\nreceipt:r1\r\n\r\nhi\0\r\n"s),
              (Seen{"SEND [destination=/a] [receipt=r1] {hi}", "pulse"}));
    EXPECT_EQ(FirstError("SEND\ndestination:/a\rb\n\n\0"s), ErrorCode::kBadHeader);
    EXPECT_EQ(FirstError("SEND\ndestination:/a\r\r\n\n\0"s), ErrorCode::kBadHeader);
}

TEST(StompFrameParser, HeartBeatsBeforeBetweenAndAfterFrames) {
    EXPECT_EQ(Parse("\n"), (Seen{"pulse"}));
    EXPECT_EQ(Parse("\r\n"), (Seen{"pulse"}));
    EXPECT_EQ(Parse("\n\r\n\nDISCONNECT\nreceipt:77\n\n\0\n\n"s),
              (Seen{"pulse", "pulse", "pulse", "DISCONNECT [receipt=77] {}", "pulse", "pulse"}));
    EXPECT_EQ(FirstError("\rX"), ErrorCode::kMalformed);
    EXPECT_EQ(FirstError("SEND\n\n\0\r\r"s), ErrorCode::kMalformed);
}

TEST(StompFrameParser, HalfAHeartBeatWaits) {
    FrameParser parser;
    parser.Feed("\r");
    EXPECT_TRUE(std::holds_alternative<NeedMore>(parser.Next()));
    parser.Feed("\n");
    EXPECT_TRUE(std::holds_alternative<Pulse>(parser.Next()));
    EXPECT_TRUE(std::holds_alternative<NeedMore>(parser.Next()));
    EXPECT_EQ(parser.Buffered(), 0U);
}

TEST(StompFrameParser, TwoFramesInOneFeed) {
    EXPECT_EQ(Parse("SEND\ndestination:/a\n\none\0SEND\ndestination:/b\ncontent-length:3\n\ntwo\0"s),
              (Seen{"SEND [destination=/a] {one}", "SEND [destination=/b] [content-length=3] {two}"}));
}

TEST(StompFrameParser, ByteByByteGivesTheSameResults) {
    const std::string stream =
        "\nCONNECT\r\naccept-version:1.2\r\nheart-beat:0,5000\r\n\r\n\0"
        "\n\nSUBSCRIBE\nid:0\ndestination:/rooms/1\n\n\0"
        "SEND\ndestination:/rooms/1\ncontent-type:text/plain\ncontent-length:4\n\n\0\0\n\0\0\r\n"
        "SEND\ndestination:/rooms/1\nnote:a\\cb\\nc\\\\\n\n\xEC\x95\x88\xEB\x85\x95\0"
        "ACK\nid:m-1\n\n\0"
        "DISCONNECT\nreceipt:bye\n\n\0"s;
    const Seen whole = Parse(stream);
    ASSERT_EQ(whole.size(), 10U);
    EXPECT_EQ(whole[0], "pulse");
    EXPECT_EQ(whole[5], "SEND [destination=/rooms/1] [content-type=text/plain] [content-length=4] {\0\0\n\0}"s);
    EXPECT_EQ(whole[7], "SEND [destination=/rooms/1] [note=a:b\nc\\] {\xEC\x95\x88\xEB\x85\x95}");
    for (const std::size_t piece : {1, 2, 3, 7, 64}) {
        EXPECT_EQ(Parse(stream, piece), whole) << "pieces of " << piece;
    }
}

TEST(StompFrameParser, HeaderEscapesAreDecoded) {
    EXPECT_EQ(Parse("SEND\na\\cb:\\r\\n\\c\\\\\n\n\0"s), (Seen{"SEND [a:b=\r\n:\\] {}"}));
    for (const char* bad : {"x:\\t", "x:\\", "x:a\\b", "x\\:y", "x:\\C"}) {
        EXPECT_EQ(FirstError("SEND\n"s + bad + "\n\n\0"s), ErrorCode::kBadHeader) << bad;
    }
}

TEST(StompFrameParser, ColonsAfterTheFirstBelongToTheValue) {
    EXPECT_EQ(Parse("SEND\ndestination:/a:b\n\n\0"s), (Seen{"SEND [destination=/a:b] {}"}));
    EXPECT_EQ(Parse("SEND\nempty:\n\n\0"s), (Seen{"SEND [empty=] {}"}));
    EXPECT_EQ(Parse("SEND\n padded : value \n\n\0"s), (Seen{"SEND [ padded = value ] {}"}));  // never trimmed
}

TEST(StompFrameParser, HeaderLinesNeedAColonAndAName) {
    EXPECT_EQ(FirstError("SEND\ndestination\n\n\0"s), ErrorCode::kBadHeader);
    EXPECT_EQ(FirstError("SEND\n:value\n\n\0"s), ErrorCode::kBadHeader);
}

TEST(StompFrameParser, HeadersMustBeUtf8) {
    EXPECT_EQ(Parse("SEND\n\xEB\xB0\xA9:\xEC\xB1\x84\xED\x8C\x85\n\n\0"s),
              (Seen{"SEND [\xEB\xB0\xA9=\xEC\xB1\x84\xED\x8C\x85] {}"}));
    for (const std::string& bad :
         {"x:\xFF"s, "x:\xC0\xAF"s, "x:\xED\xA0\x80"s, "x:\xF4\x90\x80\x80"s, "\xE0\x80:y"s, "x:\xEC\x95"s}) {
        EXPECT_EQ(FirstError("SEND\n" + bad + "\n\n\0"s), ErrorCode::kBadUtf8) << bad;
    }
    // The body is octets: anything goes.
    EXPECT_EQ(Parse("SEND\n\n\xFF\xFE\0"s), (Seen{"SEND {\xFF\xFE}"}));
}

TEST(StompFrameParser, OnlyKnownCommandsOfTheSender) {
    EXPECT_EQ(FirstError("send\n\n\0"s), ErrorCode::kBadCommand);
    EXPECT_EQ(FirstError("SENDX\n\n\0"s), ErrorCode::kBadCommand);
    EXPECT_EQ(FirstError(" SEND\n\n\0"s), ErrorCode::kBadCommand);
    EXPECT_EQ(FirstError("MESSAGE\n\n\0"s), ErrorCode::kBadCommand);
    EXPECT_EQ(FirstError("GET /chat HTTP/1.1\r\nHost: x\r\n\r\n"), ErrorCode::kBadCommand);
    for (const char* command :
         {"CONNECT", "STOMP", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK", "BEGIN", "COMMIT", "ABORT", "DISCONNECT"}) {
        EXPECT_EQ(Parse(command + "\n\n\0"s), (Seen{command + " {}"s}));
    }
    for (const char* command : {"CONNECTED", "MESSAGE", "RECEIPT", "ERROR"}) {
        EXPECT_EQ(Parse(command + "\n\n\0"s, 0, {}, Sender::kServer), (Seen{command + " {}"s}));
    }
    EXPECT_EQ(FirstError("SEND\n\n\0"s, {}, Sender::kServer), ErrorCode::kBadCommand);
}

TEST(StompFrameParser, OnlySendMessageAndErrorHaveBodies) {
    EXPECT_EQ(FirstError("SUBSCRIBE\nid:0\n\nx\0"s), ErrorCode::kMalformed);
    EXPECT_EQ(FirstError("DISCONNECT\ncontent-length:1\n\nx\0"s), ErrorCode::kMalformed);
    EXPECT_EQ(Parse("MESSAGE\n\nx\0"s, 0, {}, Sender::kServer), (Seen{"MESSAGE {x}"}));
    EXPECT_EQ(Parse("ERROR\n\nx\0"s, 0, {}, Sender::kServer), (Seen{"ERROR {x}"}));
}

TEST(StompFrameParser, ANulBeforeTheBlankLineIsMalformed) {
    EXPECT_EQ(FirstError("DISCONNECT\0"s), ErrorCode::kMalformed);
    EXPECT_EQ(FirstError("DISCONNECT\n\0"s), ErrorCode::kMalformed);
    EXPECT_EQ(FirstError("SEND\ndestination:/a\0"s), ErrorCode::kMalformed);
    EXPECT_EQ(FirstError("\0"s), ErrorCode::kMalformed);
}

TEST(StompFrameParser, FrameSizeCountsHeadAndBody) {
    const std::string frame = "SEND\n\n" + std::string(10, 'x') + '\0';  // 17 bytes
    EXPECT_EQ(Parse(frame, 0, Limits{.max_frame_bytes = 17}).size(), 1U);
    EXPECT_EQ(FirstError(frame, Limits{.max_frame_bytes = 16}), ErrorCode::kTooLarge);
    const std::string counted = "SEND\ncontent-length:10\n\n" + std::string(10, 'x') + '\0';  // 35 bytes
    EXPECT_EQ(Parse(counted, 0, Limits{.max_frame_bytes = 35}).size(), 1U);
    EXPECT_EQ(FirstError(counted, Limits{.max_frame_bytes = 34}), ErrorCode::kTooLarge);
    EXPECT_EQ(FirstError("SUBSCRIBE\nid:0123456789\n\n\0"s, Limits{.max_frame_bytes = 20}), ErrorCode::kTooLarge);
}

TEST(StompFrameParser, AnUnfinishedFrameFailsOnceOverTheLimit) {
    FrameParser parser(Limits{.max_frame_bytes = 1000});
    parser.Feed("SEND\ndestination:/a\n\n");
    EXPECT_TRUE(std::holds_alternative<NeedMore>(parser.Next()));
    Result result = NeedMore{};
    for (int i = 0; i < 100 && std::holds_alternative<NeedMore>(result); ++i) {
        parser.Feed(std::string(100, 'x'));
        result = parser.Next();
        EXPECT_LT(parser.Buffered(), 1000U);
    }
    ASSERT_TRUE(std::holds_alternative<Error>(result));
    EXPECT_EQ(std::get<Error>(result).code, ErrorCode::kTooLarge);
}

TEST(StompFrameParser, AContentLengthOverTheLimitFailsBeforeItsBody) {
    FrameParser parser(Limits{.max_frame_bytes = 1000});
    parser.Feed("SEND\ncontent-length:1000\n\n");
    const Result result = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Error>(result)) << Describe(result);
    EXPECT_EQ(std::get<Error>(result).code, ErrorCode::kTooLarge);
}

TEST(StompFrameParser, HeaderCountAndLineLimits) {
    const Limits limits{.max_headers = 2, .max_header_line_bytes = 10};
    EXPECT_EQ(Parse("SEND\na:1\nb:2\n\n\0"s, 0, limits).size(), 1U);
    EXPECT_EQ(FirstError("SEND\na:1\nb:2\nc:3\n\n\0"s, limits), ErrorCode::kTooLarge);
    EXPECT_EQ(Parse("SEND\nabcd:56789\r\n\n\0"s, 0, limits).size(), 1U);  // 10 bytes and its CR
    EXPECT_EQ(FirstError("SEND\nabcd:567890\n\n\0"s, limits), ErrorCode::kTooLarge);
    // An endless header line fails without waiting for its end.
    FrameParser parser(limits);
    parser.Feed("SEND\nabcd:");
    parser.Feed(std::string(20, 'x'));
    const Result result = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Error>(result)) << Describe(result);
    EXPECT_EQ(std::get<Error>(result).code, ErrorCode::kTooLarge);
}

TEST(StompFrameParser, GarbageFailsFastAndIsNotKept) {
    FrameParser parser;
    for (int i = 0; i < 13; ++i) {  // no command is longer than 11 bytes and its CR
        ASSERT_TRUE(std::holds_alternative<NeedMore>(parser.Next())) << i;
        parser.Feed("A");
    }
    const Result result = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Error>(result)) << Describe(result);
    EXPECT_EQ(std::get<Error>(result).code, ErrorCode::kBadCommand);
    EXPECT_EQ(parser.Buffered(), 0U);
}

TEST(StompFrameParser, AFailedParserStaysFailed) {
    FrameParser parser;
    parser.Feed("SEND\nno colon\n\n\0"s);
    const Result first = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Error>(first));
    EXPECT_TRUE(parser.Failed());
    EXPECT_FALSE(std::get<Error>(first).message.empty());
    parser.Feed("SEND\n\n\0"s);
    EXPECT_EQ(parser.Buffered(), 0U);
    const Result again = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Error>(again));
    EXPECT_EQ(std::get<Error>(again).code, ErrorCode::kBadHeader);
}

TEST(StompFrameParser, ReadFramesAreReleased) {
    FrameParser parser;
    parser.Feed("SEND\n\nabc\0\nSEND\n"s);
    EXPECT_TRUE(std::holds_alternative<Frame>(parser.Next()));
    EXPECT_TRUE(std::holds_alternative<Pulse>(parser.Next()));
    EXPECT_TRUE(std::holds_alternative<NeedMore>(parser.Next()));
    EXPECT_EQ(parser.Buffered(), 5U);  // the unfinished "SEND\n"
    parser.Feed("\nxyz\0"s);
    const Result result = parser.Next();
    ASSERT_TRUE(std::holds_alternative<Frame>(result)) << Describe(result);
    EXPECT_EQ(std::get<Frame>(result).body, "xyz");
    EXPECT_EQ(parser.Buffered(), 0U);
}

TEST(StompFrameParser, LargeFramesFedByteByByte) {
    // Quadratic rescanning would make these take minutes.
    const std::string body(std::size_t{60} * 1024, 'x');
    const std::string counted = Serialize(Frame{"SEND", {{"destination", "/a"}}, body});
    const std::string uncounted = "SEND\ndestination:/a\n\n" + body + '\0';
    for (const std::string& bytes : {counted, uncounted}) {
        FrameParser parser;
        std::size_t frames = 0;
        for (const char c : bytes) {
            parser.Feed(std::string_view(&c, 1));
            const Result result = parser.Next();
            ASSERT_FALSE(std::holds_alternative<Error>(result)) << Describe(result);
            frames += std::holds_alternative<Frame>(result) ? 1 : 0;
        }
        EXPECT_EQ(frames, 1U);
    }
}

TEST(StompSerialize, AddsContentLengthAndEscapes) {
    EXPECT_EQ(Serialize(Frame{"MESSAGE", {{"destination", "/rooms/1"}, {"x:y", "a\nb\r\\"}}, "hi"}),
              "MESSAGE\ndestination:/rooms/1\nx\\cy:a\\nb\\r\\\\\ncontent-length:2\n\nhi\0"s);
    EXPECT_EQ(Serialize(Frame{"RECEIPT", {{"receipt-id", "77"}}, ""}), "RECEIPT\nreceipt-id:77\n\n\0"s);
    EXPECT_EQ(Serialize(Frame{"MESSAGE", {{"content-length", "3"}}, "a\0b"s}), "MESSAGE\ncontent-length:3\n\na\0b\0"s);
}

TEST(StompSerialize, ConnectAndConnectedAreNotEscaped) {
    EXPECT_EQ(Serialize(Frame{"CONNECTED", {{"version", "1.2"}, {"server", "sikgu:1\\0"}}, ""}),
              "CONNECTED\nversion:1.2\nserver:sikgu:1\\0\n\n\0"s);
    EXPECT_THROW(Serialize(Frame{"CONNECTED", {{"server", "a\nb"}}, ""}), std::invalid_argument);
    EXPECT_THROW(Serialize(Frame{"CONNECT", {{"a:b", "c"}}, ""}), std::invalid_argument);
}

TEST(StompSerialize, AContentLengthMustMatchTheBody) {
    EXPECT_THROW(Serialize(Frame{"SEND", {{"content-length", "4"}}, "abc"}), std::invalid_argument);
    EXPECT_THROW(Serialize(Frame{"SEND", {{"content-length", "x"}}, ""}), std::invalid_argument);
}

TEST(StompSerialize, RoundTrips) {
    const std::vector<Frame> frames = {
        Frame{"SEND", {{"destination", "/rooms/1"}, {"content-length", "5"}}, "a\0b\nc"s},
        Frame{"SEND", {{"we\\ird:na\nme", "v:a\r\nl\\ue"}, {"content-length", "0"}}, ""},
        Frame{"CONNECT", {{"accept-version", "1.2"}, {"passcode", "p:a\\ss"}}, ""},
        Frame{"MESSAGE",
              {{"subscription", "0"}, {"message-id", "9"}, {"content-length", "6"}},
              "\xEC\x95\x88\xEB\x85\x95"},
    };
    for (const Frame& frame : frames) {
        const Sender sender = frame.command == "MESSAGE" ? Sender::kServer : Sender::kClient;
        FrameParser parser({}, sender);
        parser.Feed(Serialize(frame));
        const Result result = parser.Next();
        ASSERT_TRUE(std::holds_alternative<Frame>(result)) << Describe(result);
        EXPECT_EQ(std::get<Frame>(result), frame);
    }
}

TEST(StompHeartBeat, Parses) {
    EXPECT_EQ(ParseHeartBeat("10000,10000"), (HeartBeat{milliseconds(10000), milliseconds(10000)}));
    EXPECT_EQ(ParseHeartBeat("0,0"), HeartBeat{});
    EXPECT_EQ(ParseHeartBeat("0,4294967295"), (HeartBeat{milliseconds(0), milliseconds(4294967295)}));
    for (const char* bad :
         {"", ",", "1", "1,", ",1", "a,b", "-1,0", "1,-1", " 1,1", "1, 1", "1,1,1", "0,4294967296", "1.5,1"}) {
        EXPECT_EQ(ParseHeartBeat(bad), std::nullopt) << bad;
    }
    EXPECT_EQ(FormatHeartBeat(HeartBeat{milliseconds(5000), milliseconds(0)}), "5000,0");
}

TEST(StompHeartBeat, NegotiatesTheLargerOfEachPair) {
    const HeartBeat server{milliseconds(10000), milliseconds(20000)};  // sx, sy
    // cx,cy = 5000,15000: the server sends every max(sx, cy), the client every max(cx, sy).
    EXPECT_EQ(NegotiateHeartBeat(server, HeartBeat{milliseconds(5000), milliseconds(15000)}),
              (HeartBeat{milliseconds(15000), milliseconds(20000)}));
    EXPECT_EQ(NegotiateHeartBeat(server, HeartBeat{milliseconds(30000), milliseconds(1000)}),
              (HeartBeat{milliseconds(10000), milliseconds(30000)}));
    // A 0 on either side of a direction turns that direction off.
    EXPECT_EQ(NegotiateHeartBeat(server, HeartBeat{milliseconds(0), milliseconds(1000)}),
              (HeartBeat{milliseconds(10000), milliseconds(0)}));
    EXPECT_EQ(NegotiateHeartBeat(server, HeartBeat{milliseconds(1000), milliseconds(0)}),
              (HeartBeat{milliseconds(0), milliseconds(20000)}));
    EXPECT_EQ(NegotiateHeartBeat(HeartBeat{}, HeartBeat{milliseconds(1000), milliseconds(1000)}), HeartBeat{});
    // stompjs's default (10000,10000) against a server that sends every 25 s and wants 10 s.
    EXPECT_EQ(NegotiateHeartBeat(HeartBeat{milliseconds(25000), milliseconds(10000)}, *ParseHeartBeat("10000,10000")),
              (HeartBeat{milliseconds(25000), milliseconds(10000)}));
}

TEST(StompErrors, CodesHaveStableNames) {
    EXPECT_EQ(ErrorCodeName(ErrorCode::kMalformed), "malformed");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kTooLarge), "too_large");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kBadCommand), "bad_command");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kBadHeader), "bad_header");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kBadUtf8), "bad_utf8");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kBadContentLength), "bad_content_length");
}

}  // namespace
}  // namespace sikgu::chat::stomp
