#include "core/http/stream.hpp"

#include <gtest/gtest.h>

#include "core/config/config.hpp"
#include "core/http/route_guard.hpp"
#include "core/http/router.hpp"
#include "core/http/websocket.hpp"
#include "core/runtime/settings.hpp"

namespace sikgu::http {
namespace {

TEST(Sse, EventsPutEachLineOfTheirDataOnItsOwnLine) {
    EXPECT_EQ(SseEvent("{\"n\":1}", "tick", "1"), "event: tick\nid: 1\ndata: {\"n\":1}\n\n");
    EXPECT_EQ(SseEvent("a\nb\r\nc"), "data: a\ndata: b\ndata: c\n\n");
    // A field cannot be broken out of its line to forge another event.
    EXPECT_EQ(SseEvent("x", "tick\n\ndata: forged", "7\nid: 8"), "event: tickdata: forged\nid: 7id: 8\ndata: x\n\n");
    EXPECT_EQ(SseComment("heartbeat"), ": heartbeat\n\n");
    EXPECT_EQ(SseRetry(std::chrono::milliseconds(1500)), "retry: 1500\n\n");
}

TEST(Sse, TheLastEventIdComesFromTheHeaderOrTheQuery) {
    Request request;
    EXPECT_FALSE(LastEventId(request));
    request.query.emplace_back("last_event_id", "12");
    EXPECT_EQ(LastEventId(request), std::optional<std::string_view>("12"));
    request.headers.push_back({"Last-Event-ID", "15"});
    EXPECT_EQ(LastEventId(request), std::optional<std::string_view>("15"));
}

TEST(Origins, AreComparedAsBrowsersWriteThem) {
    EXPECT_EQ(OriginOf("https://Sikgu.Example.com/"), "https://sikgu.example.com");
    EXPECT_EQ(OriginOf("https://sikgu.example.com:443/app?x=1"), "https://sikgu.example.com");
    EXPECT_EQ(OriginOf("http://localhost:8080"), "http://localhost:8080");
    EXPECT_EQ(OriginOf("http://localhost:80"), "http://localhost");
}

TEST(WebSocketUpgrade, IsRecognisedFromTheHeaders) {
    Request request;
    request.headers = {{"Upgrade", "websocket"}, {"Connection", "keep-alive, Upgrade"}};
    EXPECT_TRUE(IsWebSocketUpgrade(request));
    request.verb = Verb::kPost;
    EXPECT_FALSE(IsWebSocketUpgrade(request));
    request.verb = Verb::kGet;
    request.headers = {{"Upgrade", "h2c"}, {"Connection", "Upgrade"}};
    EXPECT_FALSE(IsWebSocketUpgrade(request));
    request.headers = {{"Upgrade", "WebSocket"}};
    EXPECT_FALSE(IsWebSocketUpgrade(request));
}

// The outbox never holds more than its limit: the message that would pass it drops everything and closes.
TEST(WebSocketOutbox, IsBoundedAndOverflowCutsOff) {
    WebSocketOutbox outbox;
    int wakes = 0;
    outbox.Attach(10 * (100 + WebSocketOutbox::kMessageOverhead), [&] { ++wakes; });
    for (int i = 0; i < 10; ++i) EXPECT_EQ(outbox.Add(std::string(100, 'x'), false), WebSocketOutbox::Push::kQueued);
    EXPECT_EQ(wakes, 1);  // one wake-up until the connection has handled it
    EXPECT_EQ(outbox.Add("one more", false), WebSocketOutbox::Push::kOverflow);
    EXPECT_TRUE(outbox.Overflowed());
    EXPECT_EQ(outbox.QueuedBytes(), 0U);
    EXPECT_EQ(outbox.Add("after", false), WebSocketOutbox::Push::kClosed);
}

TEST(WebSocketOutbox, AClosingSessionSendsWhatWasQueuedFirst) {
    WebSocketOutbox outbox;
    outbox.Attach(1 << 20, [] {});
    outbox.Add("a", false);
    outbox.RequestClose(1000, "bye");
    EXPECT_EQ(outbox.Add("b", false), WebSocketOutbox::Push::kClosed);
    ASSERT_TRUE(outbox.Pop());
    EXPECT_FALSE(outbox.Pop());
    ASSERT_TRUE(outbox.PendingClose());
    EXPECT_EQ(outbox.PendingClose()->code, 1000);
}

class NullStream final : public StreamHandler {
public:
    core::Task<Response> Handle(Request&) const override { co_return NoContent(); }
};
class NullSocket final : public WebSocketHandler {
public:
    core::Task<Response> Handle(Request&) const override { co_return NoContent(); }
};
class NullHandler final : public Handler {
public:
    core::Task<Response> Handle(Request&) const override { co_return NoContent(); }
};

TEST(RouteTable, KindsFollowHandlersAndOptionsAreChecked) {
    NullStream stream;
    NullSocket socket;
    NullHandler plain;
    Router router;
    router.Add({Verb::kGet, "/s", Auth::kUser, {.access_cookie = true}}, stream);
    router.Add({Verb::kGet, "/w", Auth::kUser, {.stream_ticket = true}}, socket);
    router.Add({Verb::kPost, "/p", Auth::kUser, {.max_body_bytes = 10}}, plain);
    EXPECT_EQ(router.Find(Verb::kGet, "/s").route->kind, RouteKind::kStream);
    EXPECT_EQ(router.Find(Verb::kGet, "/w").route->kind, RouteKind::kWebSocket);
    EXPECT_EQ(router.Find(Verb::kPost, "/p").route->kind, RouteKind::kRequest);
    EXPECT_EQ(router.Find(Verb::kPost, "/p").route->spec.options.max_body_bytes, 10U);
    // Ambient or URL credentials on a route that changes things, or on a public one, are refused at start-up.
    EXPECT_THROW(router.Add({Verb::kPost, "/c", Auth::kUser, {.access_cookie = true}}, plain), std::logic_error);
    EXPECT_THROW(router.Add({Verb::kGet, "/t", Auth::kPublic, {.stream_ticket = true}}, plain), std::logic_error);
    EXPECT_THROW(router.Add({Verb::kPost, "/w2", Auth::kUser}, socket), std::logic_error);
}

TEST(LiveSettings, AreReadWithDefaultsAndChecked) {
    const auto defaults = runtime::ParseCoreSettings(config::Config::FromString(""));
    EXPECT_EQ(defaults.http.stream_write_timeout, std::chrono::seconds(10));
    EXPECT_EQ(defaults.http.live_recheck_interval, std::chrono::seconds(10));
    EXPECT_EQ(defaults.http.websocket_idle_timeout, std::chrono::seconds(60));
    EXPECT_EQ(defaults.http.websocket_max_message_bytes, 64U << 10);
    EXPECT_EQ(defaults.http.websocket_queue_bytes, 1U << 20);
    EXPECT_TRUE(defaults.http.spool_dir.empty());
    const auto set = runtime::ParseCoreSettings(config::Config::FromString(
        "[core.http]\nstream_write_timeout_seconds = 3\nlive_recheck_seconds = 2\nwebsocket_idle_timeout_seconds = 20\n"
        "websocket_max_message_bytes = 4096\nwebsocket_queue_bytes = 65536\nspool_dir = \"/var/tmp/sikgu\"\n"));
    EXPECT_EQ(set.http.stream_write_timeout, std::chrono::seconds(3));
    EXPECT_EQ(set.http.live_recheck_interval, std::chrono::seconds(2));
    EXPECT_EQ(set.http.websocket_idle_timeout, std::chrono::seconds(20));
    EXPECT_EQ(set.http.websocket_max_message_bytes, 4096U);
    EXPECT_EQ(set.http.websocket_queue_bytes, 65536U);
    EXPECT_EQ(set.http.spool_dir, "/var/tmp/sikgu");
    EXPECT_THROW(runtime::ParseCoreSettings(config::Config::FromString("[core.http]\nwebsocket_queue_bytes = 10\n")),
                 config::ConfigError);
    EXPECT_THROW(runtime::ParseCoreSettings(config::Config::FromString("[core.http]\nlive_recheck_seconds = 0\n")),
                 config::ConfigError);
}

}  // namespace
}  // namespace sikgu::http
