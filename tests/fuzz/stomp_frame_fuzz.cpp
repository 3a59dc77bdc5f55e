// libFuzzer target for the STOMP codec (tests/fuzz/run.sh builds and runs it). The input is a byte stream
// as a connection would deliver it. Beyond not crashing, it checks what the codec promises:
//   - feeding the stream whole, byte by byte or in other pieces gives the same frames, heart-beats and error
//     codes (an error's message may name another of two limits broken at once);
//   - an unfinished frame never holds more than the frame limit;
//   - every frame parsed serializes without throwing and parses back to itself.
#include "services/chat/stomp/stomp_frame.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

using sikgu::chat::stomp::Error;
using sikgu::chat::stomp::Frame;
using sikgu::chat::stomp::FrameParser;
using sikgu::chat::stomp::Limits;
using sikgu::chat::stomp::NeedMore;
using sikgu::chat::stomp::Result;
using sikgu::chat::stomp::Sender;

void Check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

struct Run {
    std::vector<Result> results;  // need-mores left out
    std::size_t buffered = 0;
};

Run Parse(std::string_view bytes, std::size_t piece, const Limits& limits, Sender sender) {
    FrameParser parser(limits, sender);
    Run run;
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        parser.Feed(bytes.substr(at, piece));
        while (true) {
            Result result = parser.Next();
            if (std::holds_alternative<NeedMore>(result)) {
                // 13: an unfinished command line may take the longest command and its CR before it fails.
                Check(parser.Buffered() <= std::max<std::size_t>(limits.max_frame_bytes, 13),
                      "an unfinished frame holds more than the limit");
                break;
            }
            const bool failed = std::holds_alternative<Error>(result);
            run.results.push_back(std::move(result));
            if (failed) {
                Check(std::holds_alternative<Error>(parser.Next()), "a failed parser recovered");
                Check(parser.Buffered() == 0, "a failed parser keeps bytes");
                run.buffered = 0;
                return run;
            }
        }
    }
    run.buffered = parser.Buffered();
    return run;
}

bool SameOutcome(const std::vector<Result>& a, const std::vector<Result>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto* error_a = std::get_if<Error>(&a[i]);
        const auto* error_b = std::get_if<Error>(&b[i]);
        if (error_a != nullptr && error_b != nullptr ? error_a->code != error_b->code : a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

void CheckRoundTrip(const Frame& frame, const Limits& limits, Sender sender) {
    // Escaping a ':' the peer left raw (after a header's first one) and adding content-length can make
    // the frame longer than the one parsed, so it is read back under looser limits.
    const Limits loose{.max_frame_bytes = 2 * limits.max_frame_bytes + 64,
                       .max_headers = limits.max_headers + 1,
                       .max_header_line_bytes = 2 * limits.max_header_line_bytes + 2};
    FrameParser parser(loose, sender);
    parser.Feed(sikgu::chat::stomp::Serialize(frame));
    const Result again = parser.Next();
    const auto* parsed = std::get_if<Frame>(&again);
    Check(parsed != nullptr, "a serialized frame does not parse");
    Frame expected = frame;
    if (!frame.body.empty() && frame.Header("content-length") == nullptr) {
        expected.headers.emplace_back("content-length", std::to_string(frame.body.size()));
    }
    Check(*parsed == expected, "a frame does not survive serializing");
    Check(std::holds_alternative<NeedMore>(parser.Next()), "a serialized frame leaves bytes behind");
}

void Exercise(std::string_view bytes, const Limits& limits, Sender sender) {
    const Run whole = Parse(bytes, bytes.size() + 1, limits, sender);
    for (const std::size_t piece : {std::size_t{1}, 2 + bytes.size() % 7}) {
        const Run split = Parse(bytes, piece, limits, sender);
        Check(SameOutcome(split.results, whole.results), "split feeding changed the results");
        Check(split.buffered == whole.buffered, "split feeding changed what is buffered");
    }
    for (const Result& result : whole.results) {
        if (const auto* frame = std::get_if<Frame>(&result)) {
            CheckRoundTrip(*frame, limits, sender);
            if (const std::string* heart_beat = frame->Header("heart-beat")) {
                if (const auto parsed = sikgu::chat::stomp::ParseHeartBeat(*heart_beat)) {
                    Check(sikgu::chat::stomp::ParseHeartBeat(sikgu::chat::stomp::FormatHeartBeat(*parsed)) == parsed,
                          "a heart-beat does not survive formatting");
                    const auto agreed = sikgu::chat::stomp::NegotiateHeartBeat(*parsed, *parsed);
                    Check(agreed.send >= parsed->send || agreed.send.count() == 0, "a negotiated interval shrank");
                }
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Exercise(bytes, Limits{}, Sender::kClient);
    Exercise(bytes, Limits{.max_frame_bytes = 200, .max_headers = 4, .max_header_line_bytes = 40}, Sender::kClient);
    Exercise(bytes, Limits{}, Sender::kServer);
    return 0;
}
