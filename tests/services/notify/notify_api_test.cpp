#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <set>
#include <thread>

#include "core/auth/jwt.hpp"
#include "core/runtime/app.hpp"
#include "core/sql/database.hpp"
#include "core/sql/transaction.hpp"
#include "services/account/contract/events.hpp"
#include "services/market/contract/events.hpp"
#include "support/hammer.hpp"
#include "support/sse_client.hpp"
#include "support/test_server.hpp"

namespace sikgu::notify {
namespace {

using namespace std::chrono_literals;
using test::SseClient;

class NotifyApi : public ::testing::Test {
protected:
    NotifyApi() : server_(test::TestServer::Options{.toml = "[notify]\nheartbeat_seconds = 1\n"}), client_(server_.Client()) {}

    std::string Auth(std::int64_t user) {
        return "Authorization: Bearer " + server_.App().ContextOf("notify").tokens.Issue(user);
    }
    std::vector<std::string> As(std::int64_t user) { return {Auth(user), "Content-Type: application/json"}; }

    // Events as market publishes them (the notify service only ever sees the bus).
    void Wished(std::int64_t seller, std::int64_t post, const std::string& title, std::int64_t by = 99) {
        server_.App().DatabaseOf("market").WriteNow(
            [&](sql::Transaction& tx) { tx.Publish(market::WishAdded{post, seller, by, title}); });
    }
    void KeywordMatched(std::int64_t user, std::int64_t post, const std::string& keyword, const std::string& title) {
        server_.App().DatabaseOf("market").WriteNow(
            [&](sql::Transaction& tx) { tx.Publish(market::KeywordMatched{post, user, keyword, title, 12000}); });
    }

    std::int64_t Stored(std::int64_t user) {
        return test::Count(server_, "notify", "SELECT COUNT(*) FROM notifications WHERE user_id = ?", {user});
    }

    template <class F>
    bool Eventually(F condition, std::chrono::milliseconds within = 5s) {
        const auto deadline = std::chrono::steady_clock::now() + within;
        while (std::chrono::steady_clock::now() < deadline) {
            if (condition()) return true;
            std::this_thread::sleep_for(10ms);
        }
        return condition();
    }

    boost::json::value List(std::int64_t user, const std::string& query = "") {
        const auto r = client_.Get("/api/v1/notifications" + query, {Auth(user)});
        EXPECT_EQ(r.status, 200) << r.body;
        return r.Json();
    }

    std::unique_ptr<SseClient> Stream(std::int64_t user, const std::vector<std::string>& more = {}) {
        std::vector<std::string> headers{Auth(user)};
        headers.insert(headers.end(), more.begin(), more.end());
        return std::make_unique<SseClient>(server_.Port(), "/api/v1/notifications/stream", headers);
    }

    test::TestServer server_;
    test::HttpClient client_;
};

TEST_F(NotifyApi, MarketEventsBecomeTheRecipientsNotifications) {
    Wished(7, 501, "몬스테라 알보 분양");
    // Events of different listings have no order between them: wait, so the numbering below is known.
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 1; }));
    KeywordMatched(7, 502, "필로덴드론", "필로덴드론 버킨 소품");
    KeywordMatched(8, 502, "버킨", "필로덴드론 버킨 소품");
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 2 && Stored(8) == 1; }));

    const auto page = List(7);
    ASSERT_EQ(page.at("items").as_array().size(), 2U);
    EXPECT_EQ(page.at("unread"), 2);
    const auto& newest = page.at("items").at(0);
    EXPECT_EQ(newest.at("id"), "2");
    EXPECT_EQ(newest.at("type"), "keyword");
    EXPECT_EQ(newest.at("subject"), "필로덴드론 버킨 소품");
    EXPECT_EQ(newest.at("detail"), "필로덴드론");
    EXPECT_EQ(newest.at("link"), "/market/502");
    EXPECT_EQ(newest.at("read"), false);
    EXPECT_EQ(newest.at("text"), "키워드 ‘필로덴드론’ 새 글: 필로덴드론 버킨 소품");
    const auto& oldest = page.at("items").at(1);
    EXPECT_EQ(oldest.at("id"), "1");
    EXPECT_EQ(oldest.at("type"), "wish");
    EXPECT_EQ(oldest.at("link"), "/market/501");
    const auto english = client_.Get("/api/v1/notifications", {Auth(7), "Accept-Language: en"});
    EXPECT_EQ(english.Json().at("items").at(1).at("text"), "Someone added “몬스테라 알보 분양” to their wish list");

    // Each user numbers their own notifications and sees only them.
    EXPECT_EQ(List(8).at("items").at(0).at("id"), "1");
    EXPECT_EQ(List(8).at("items").at(0).at("detail"), "버킨");
    EXPECT_TRUE(List(9).at("items").as_array().empty());
    EXPECT_EQ(client_.Get("/api/v1/notifications/unread-count", {Auth(7)}).Json().at("unread"), 2);
    EXPECT_EQ(client_.Get("/api/v1/notifications").Code(), "auth.unauthenticated");
}

TEST_F(NotifyApi, PagesNewestFirstWithACursor) {
    for (int i = 1; i <= 5; ++i) Wished(7, 600 + i, "글 " + std::to_string(i));
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 5; }));
    const auto first = List(7, "?limit=2");
    ASSERT_EQ(first.at("items").as_array().size(), 2U);
    EXPECT_EQ(first.at("items").at(0).at("id"), "5");
    const std::string cursor(first.at("next_cursor").as_string());
    EXPECT_EQ(cursor, "4");
    const auto second = List(7, "?limit=2&cursor=" + cursor);
    EXPECT_EQ(second.at("items").at(0).at("id"), "3");
    const auto last = List(7, "?limit=2&cursor=" + std::string(second.at("next_cursor").as_string()));
    ASSERT_EQ(last.at("items").as_array().size(), 1U);
    EXPECT_EQ(last.at("next_cursor"), nullptr);
    EXPECT_EQ(client_.Get("/api/v1/notifications?limit=0", {Auth(7)}).status, 422);
    EXPECT_EQ(client_.Get("/api/v1/notifications?limit=51", {Auth(7)}).status, 422);
    EXPECT_EQ(client_.Get("/api/v1/notifications?cursor=abc", {Auth(7)}).status, 422);
    EXPECT_EQ(client_.Get("/api/v1/notifications?cursor=1%27%20OR%201=1", {Auth(7)}).status, 422);
}

TEST_F(NotifyApi, ReadAndDeleteChangeOnlyTheCallersOwn) {
    Wished(7, 701, "칼라데아");
    Wished(7, 702, "알로카시아");
    Wished(8, 703, "스킨답서스");
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 2 && Stored(8) == 1; }));

    // User 8's notification 1 exists, but 7's id 1 is 7's own: ids never reach across users.
    EXPECT_EQ(client_.Request("PUT", "/api/v1/notifications/2/read", "", As(8)).Code(), "notify.not_found");
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/notifications/2", "", As(8)).Code(), "notify.not_found");
    EXPECT_EQ(Stored(7), 2);
    EXPECT_EQ(List(7).at("unread"), 2);

    const auto read = client_.Request("PUT", "/api/v1/notifications/1/read", "", As(7));
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.Json().at("unread"), 1);
    EXPECT_EQ(client_.Request("PUT", "/api/v1/notifications/1/read", "", As(7)).Json().at("unread"), 1);  // idempotent
    EXPECT_EQ(List(7).at("items").at(1).at("read"), true);
    EXPECT_EQ(List(8).at("unread"), 1);  // untouched

    ASSERT_EQ(client_.Request("DELETE", "/api/v1/notifications/2", "", As(7)).status, 204);
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/notifications/2", "", As(7)).Code(), "notify.not_found");
    EXPECT_EQ(Stored(7), 1);
    EXPECT_EQ(Stored(8), 1);
    EXPECT_EQ(List(7).at("unread"), 0);
}

TEST_F(NotifyApi, ReadAllStopsAtWhatTheReaderHasSeen) {
    Wished(7, 801, "하나");
    Wished(7, 802, "둘");
    Wished(7, 803, "셋");
    Wished(8, 804, "남의 것");
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 3 && Stored(8) == 1; }));
    const auto up_to = client_.Request("POST", "/api/v1/notifications/read-all", R"({"up_to":"2"})", As(7));
    ASSERT_EQ(up_to.status, 200) << up_to.body;
    EXPECT_EQ(up_to.Json().at("unread"), 1);
    EXPECT_EQ(List(7).at("items").at(0).at("read"), false);  // 3 came after what the reader saw
    const auto all = client_.Request("POST", "/api/v1/notifications/read-all", "", {Auth(7)});
    EXPECT_EQ(all.Json().at("unread"), 0);
    EXPECT_EQ(List(8).at("unread"), 1);

    EXPECT_EQ(client_.Request("POST", "/api/v1/notifications/read-all", R"({"up_to":2})", As(7)).status, 422);
    EXPECT_EQ(client_.Request("POST", "/api/v1/notifications/read-all", R"({"up_to":"2","x":1})", As(7)).status, 400);
    EXPECT_EQ(client_.Request("POST", "/api/v1/notifications/read-all", "[", As(7)).status, 400);
}

TEST_F(NotifyApi, AMutedTypeIsNotStored) {
    const auto initial = client_.Get("/api/v1/notifications/settings", {Auth(7)});
    ASSERT_EQ(initial.status, 200);
    EXPECT_EQ(initial.Json().at("muted").as_array().size(), 0U);
    EXPECT_EQ(initial.Json().at("types").as_array().size(), 8U);

    const auto muted = client_.Request("PUT", "/api/v1/notifications/settings", R"({"muted":["wish"]})", As(7));
    ASSERT_EQ(muted.status, 200) << muted.body;
    EXPECT_EQ(muted.Json().at("muted"), boost::json::parse(R"(["wish"])"));
    // Bad settings change nothing.
    for (const char* bad : {R"({"muted":["wish","spam"]})", R"({"muted":"wish"})", R"({"muted":[1]})",
                            R"({"muted":["wish","wish"]})", R"({})", R"({"muted":["wish"],"x":1})"}) {
        EXPECT_GE(client_.Request("PUT", "/api/v1/notifications/settings", bad, As(7)).status, 400) << bad;
    }
    EXPECT_EQ(client_.Get("/api/v1/notifications/settings", {Auth(7)}).Json().at("muted"), boost::json::parse(R"(["wish"])"));

    Wished(7, 901, "뮤트된 찜");
    KeywordMatched(7, 902, "몬스테라", "몬스테라 델리시오사");
    Wished(8, 903, "다른 사람의 찜");  // 8 did not mute
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 1 && Stored(8) == 1; }));
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(Stored(7), 1);
    EXPECT_EQ(List(7).at("items").at(0).at("type"), "keyword");

    ASSERT_EQ(client_.Request("PUT", "/api/v1/notifications/settings", R"({"muted":[]})", As(7)).status, 200);
    Wished(7, 904, "다시 받는 찜");
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 2; }));
}

TEST_F(NotifyApi, AStreamDeliversLiveAndResumesFromLastEventId) {
    auto live = Stream(7);
    ASSERT_TRUE(live->Ok()) << live->Head();
    EXPECT_NE(live->Head().find("Content-Type: text/event-stream"), std::string::npos);
    const auto hello = live->NextNamed("unread", 3s);
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->data, R"({"count":0})");
    ASSERT_EQ(live->Retries().size(), 1U);

    Wished(7, 1001, "라이브 찜");
    const auto first = live->NextNamed("notification", 3s);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->id, "1");
    const auto json = boost::json::parse(first->data);
    EXPECT_EQ(json.at("link"), "/market/1001");
    EXPECT_EQ(json.at("unread"), 1);

    // A second tab of the same user gets the next one too.
    auto tab = Stream(7);
    ASSERT_TRUE(tab->NextNamed("unread", 3s));
    Wished(7, 1002, "두 번째");
    EXPECT_EQ(live->NextNamed("notification", 3s)->id, "2");
    EXPECT_EQ(tab->NextNamed("notification", 3s)->id, "2");

    // Reading elsewhere updates the count on every stream.
    ASSERT_EQ(client_.Request("PUT", "/api/v1/notifications/2/read", "", As(7)).status, 200);
    EXPECT_EQ(live->NextNamed("unread", 3s)->data, R"({"count":1})");
    EXPECT_EQ(tab->NextNamed("unread", 3s)->data, R"({"count":1})");

    // Missed while away: a reconnect with Last-Event-ID gets exactly what came after it, then goes live.
    Wished(7, 1003, "세 번째");
    Wished(7, 1004, "네 번째");
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 4; }));
    auto resumed = Stream(7, {"Last-Event-ID: 2"});
    EXPECT_EQ(resumed->NextNamed("notification", 3s)->id, "3");
    EXPECT_EQ(resumed->NextNamed("notification", 3s)->id, "4");
    EXPECT_EQ(resumed->NextNamed("unread", 3s)->data, R"({"count":3})");
    Wished(7, 1005, "다섯 번째");
    EXPECT_EQ(resumed->NextNamed("notification", 3s)->id, "5");

    // A repeated id replays nothing twice; a stale (too high) or garbage id starts live, and nothing is lost.
    auto repeated = Stream(7, {"Last-Event-ID: 5"});
    auto stale = Stream(7, {"Last-Event-ID: 999999"});
    auto garbage = Stream(7, {"Last-Event-ID: not-a-number"});
    auto by_query = std::make_unique<SseClient>(server_.Port(), "/api/v1/notifications/stream?last_event_id=4", std::vector<std::string>{Auth(7)});
    for (SseClient* s : {repeated.get(), stale.get(), garbage.get()}) ASSERT_TRUE(s->NextNamed("unread", 3s));
    EXPECT_EQ(by_query->NextNamed("notification", 3s)->id, "5");
    Wished(7, 1006, "여섯 번째");
    for (SseClient* s : {repeated.get(), stale.get(), garbage.get(), by_query.get()}) {
        const auto e = s->NextNamed("notification", 3s);
        ASSERT_TRUE(e);
        EXPECT_EQ(e->id, "6");
    }
    for (SseClient* s : {repeated.get(), stale.get(), by_query.get()}) {
        for (const auto& e : s->Skipped()) EXPECT_NE(e.event, "notification") << e.id;
    }
}

TEST_F(NotifyApi, AQuietStreamGetsHeartbeats) {
    auto s = Stream(7);
    ASSERT_TRUE(s->NextNamed("unread", 3s));
    const auto heartbeat = s->Next(2500ms);  // heartbeat_seconds = 1 here (15 by default)
    ASSERT_TRUE(heartbeat);
    EXPECT_TRUE(heartbeat->comment);
}

TEST_F(NotifyApi, StreamsNeedAUserAndAreRefusedOtherwise) {
    SseClient none(server_.Port(), "/api/v1/notifications/stream", {});
    EXPECT_TRUE(none.Head().starts_with("HTTP/1.1 401")) << none.Head();
    SseClient forged(server_.Port(), "/api/v1/notifications/stream", {"Authorization: Bearer abc.def.ghi"});
    EXPECT_TRUE(forged.Head().starts_with("HTTP/1.1 401")) << forged.Head();
}

// Users whose ids share prefixes (1, 10, 11, 100) each get only their own events.
TEST_F(NotifyApi, StreamsAreIsolatedBetweenUsersWithSimilarIds) {
    const std::vector<std::int64_t> users{1, 10, 11, 100, 110};
    std::vector<std::unique_ptr<SseClient>> streams;
    for (const auto user : users) {
        streams.push_back(Stream(user));
        ASSERT_TRUE(streams.back()->NextNamed("unread", 3s));
    }
    for (int round = 0; round < 3; ++round) {
        for (const auto user : users) Wished(user, user * 1000 + round, "for " + std::to_string(user));
    }
    for (std::size_t i = 0; i < users.size(); ++i) {
        for (int round = 0; round < 3; ++round) {
            const auto e = streams[i]->NextNamed("notification", 3s);
            ASSERT_TRUE(e) << users[i];
            EXPECT_EQ(boost::json::parse(e->data).at("subject").as_string(), "for " + std::to_string(users[i]));
        }
        for (const auto& e : streams[i]->Drain(300ms)) EXPECT_NE(e.event, "notification") << users[i] << " got " << e.data;
    }
}

// Notifications for one user committed concurrently by two consumers get 1..n without a gap or a repeat,
// and a stream open meanwhile sees each exactly once, in order.
TEST_F(NotifyApi, ConcurrentNotificationsForOneUserAreNumberedWithoutGapsAndStreamedOnce) {
    auto s = Stream(7);
    ASSERT_TRUE(s->NextNamed("unread", 3s));
    constexpr int kEach = 300;
    std::thread wishes([&] {
        for (int i = 0; i < kEach; ++i) Wished(7, 20000 + i, "찜 " + std::to_string(i));
    });
    std::thread keywords([&] {
        for (int i = 0; i < kEach; ++i) KeywordMatched(7, 30000 + i, "키워드", "글 " + std::to_string(i));
    });
    wishes.join();
    keywords.join();
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 2 * kEach; }, 30s));
    EXPECT_EQ(test::Count(server_, "notify", "SELECT MAX(seq) FROM notifications WHERE user_id = 7"), 2 * kEach);
    EXPECT_EQ(test::Count(server_, "notify", "SELECT COUNT(DISTINCT seq) FROM notifications WHERE user_id = 7"), 2 * kEach);

    std::vector<int> ids;
    while (static_cast<int>(ids.size()) < 2 * kEach) {
        const auto e = s->NextNamed("notification", 5s);
        ASSERT_TRUE(e) << "after " << ids.size();
        ids.push_back(std::stoi(e->id));
    }
    for (int i = 0; i < 2 * kEach; ++i) ASSERT_EQ(ids[i], i + 1);
    for (const auto& e : s->Drain(300ms)) EXPECT_NE(e.event, "notification") << "repeated " << e.id;
    EXPECT_EQ(List(7).at("unread"), 2 * kEach);
}

TEST_F(NotifyApi, ADeletedUsersNotificationsGo) {
    Wished(7, 1101, "곧 사라질 알림");
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 1; }));
    server_.App().DatabaseOf("account").WriteNow([&](sql::Transaction& tx) {
        tx.Publish(account::UserDeleted{7});
    });
    ASSERT_TRUE(Eventually([&] { return Stored(7) == 0; }));
}

}  // namespace
}  // namespace sikgu::notify
