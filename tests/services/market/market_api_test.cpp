#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <mutex>
#include <set>

#include "core/auth/jwt.hpp"
#include "core/runtime/app.hpp"
#include "core/sql/database.hpp"
#include "services/chat/contract/events.hpp"
#include "services/media/media_test_support.hpp"
#include "support/hammer.hpp"
#include "support/test_server.hpp"

namespace sikgu::market {
namespace {

using test::HttpResult;

// Percent-encodes every byte outside unreserved ASCII (Korean query terms), keeping existing escapes.
std::string Encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '%') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::int64_t Id(const std::string& text) { return static_cast<std::int64_t>(std::stoll(text)); }

constexpr std::int64_t kMonstera = 16449;  // 몬스테라 in the shipped catalogue

class MarketApi : public ::testing::Test {
protected:
    // A signed-in user: tokens are issued directly (accounts are account's business, not market's).
    std::string Auth(std::int64_t user) {
        return "Authorization: Bearer " + server_.App().ContextOf("market").tokens.Issue(user);
    }
    std::vector<std::string> As(std::int64_t user) { return {Auth(user), "Content-Type: application/json"}; }

    // Photos uploaded by `user` through media (real images, processed); `ready = false` marks them as still
    // being processed in media's table, as an upload caught mid-way would be.
    std::vector<std::string> PhotosOf(std::int64_t user, int n, bool ready = true) {
        std::vector<std::pair<std::string, std::string>> files;
        for (int i = 0; i < n; ++i) files.emplace_back("leaf" + std::to_string(i) + ".jpg", Image(++next_image_));
        const auto uploaded = media::test_support::Upload(client_, {user, Auth(user)}, files);
        EXPECT_EQ(uploaded.status, 201) << uploaded.body;
        std::vector<std::string> ids;
        const boost::json::value json = uploaded.Json();
        for (const auto& item : json.at("items").as_array()) ids.emplace_back(item.at("id").as_string());
        if (!ready) {
            server_.App().DatabaseOf("media").WriteNow([&](sql::Connection& c) {
                for (const auto& id : ids) c.Execute("UPDATE photos SET ready = 0 WHERE id = ?", {Id(id)});
            });
        }
        return ids;
    }

    // Small distinct JPEGs (content-addressed storage would merge identical ones), made once per size.
    static const std::string& Image(int n) {
        static std::map<int, std::string> made;
        static std::mutex mutex;
        std::lock_guard lock(mutex);
        auto& image = made[n % 7];
        if (image.empty()) image = media::test_images::Jpeg(64 + n % 7, 48);
        return image;
    }

    static std::string Body(boost::json::object o) { return boost::json::serialize(o); }

    boost::json::object ListingBody(std::int64_t user, std::string title, std::int64_t price = 15000) {
        boost::json::array photos;
        for (const auto& id : PhotosOf(user, 2)) photos.push_back(boost::json::value(id));
        return {{"title", std::move(title)}, {"description", "잎이 건강합니다.\n직거래 선호"}, {"price", price},
                {"category", "plant"},       {"photo_ids", std::move(photos)},           {"trade_area", "마포구 망원동"}};
    }

    std::string Create(std::int64_t user, std::string title, std::int64_t price = 15000) {
        const auto r = client_.Request("POST", "/api/v1/market/listings", Body(ListingBody(user, std::move(title), price)), As(user));
        EXPECT_EQ(r.status, 201) << r.body;
        return std::string(r.Json().at("id").as_string());
    }

    std::int64_t Count(const std::string& sql, std::initializer_list<sql::Value> params = {}) {
        return test::Count(server_, "market", sql, params);
    }

    // Events market published, by type, as their payloads.
    std::vector<boost::json::object> Published(const std::string& type) {
        return server_.App().DatabaseOf("market").ReadNow([&](sql::Connection& c) {
            std::vector<boost::json::object> out;
            for (const auto& row : c.Query("SELECT data FROM outbox WHERE type = ? ORDER BY id", {type})) {
                out.push_back(boost::json::parse(row[0].AsText()).as_object());
            }
            return out;
        });
    }

    void ChatRoom(std::int64_t room, const std::string& listing, std::int64_t seller, std::int64_t buyer) {
        server_.App().DatabaseOf("market").WriteNow([&](sql::Transaction& tx) {
            tx.Publish(chat::ChatRoomCreated{room, Id(listing), seller, buyer});
        });
    }

    // Waits for the consumers to catch up (events are delivered after commit, asynchronously).
    template <class F>
    bool Eventually(F condition) {
        for (int i = 0; i < 400; ++i) {
            if (condition()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    std::vector<std::string> Ids(const HttpResult& page) {
        std::vector<std::string> ids;
        const boost::json::value json = page.Json();
        if (!json.is_object() || !json.as_object().contains("items")) {
            ADD_FAILURE() << "not a page: " << page.status << " " << page.body;
            return ids;
        }
        for (const auto& item : json.at("items").as_array()) ids.emplace_back(item.at("id").as_string());
        return ids;
    }

    int next_image_ = 0;
    // A sort window of six matches, so that a sorted search is seen to be windowed with a handful of listings.
    test::TestServer server_{"[market]\nsort_window = 6\n"};
    test::HttpClient client_ = server_.Client();
};

TEST_F(MarketApi, CreatesAListingAndFindsItByShortAndLongKoreanTerms) {
    auto body = ListingBody(1, "몬스테라 알보 대품 분양");
    body["species_id"] = std::to_string(kMonstera);
    const auto created = client_.Request("POST", "/api/v1/market/listings", Body(body), As(1));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto listing = created.Json().as_object();
    const std::string id(listing.at("id").as_string());
    EXPECT_EQ(created.Header("location"), "/api/v1/market/listings/" + id);
    EXPECT_EQ(listing.at("state"), "selling");
    EXPECT_EQ(listing.at("species").at("name_ko"), "몬스테라");
    EXPECT_EQ(listing.at("photos").as_array().size(), 2U);
    Create(2, "스투키 화분 나눔", 0);

    for (const char* q : {"알보", "몬스테라", "테라알", "대품", "%20몬스%20%20알보%20"}) {
        const auto page = client_.Get("/api/v1/market/listings?q=" + Encode(q));
        ASSERT_EQ(page.status, 200) << page.body;
        EXPECT_EQ(Ids(page), std::vector<std::string>{id}) << q;
    }
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/listings?q=%EA%BD%83")).empty());  // 꽃
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings?q=%EB%82%98%EB%88%94")).size(), 1U);  // 나눔

    // Stored as sent, and post.created names the photos for media.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM listings WHERE id = ? AND seller_id = 1 AND price = 15000", {Id(id)}), 1);
    const auto events = Published("post.created");
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].at("post_id").as_string(), id);
    EXPECT_EQ(events[0].at("photo_ids").as_array().size(), 2U);

    // The detail page carries the encyclopedia's care card.
    const auto detail = client_.Get("/api/v1/market/listings/" + id);
    ASSERT_EQ(detail.status, 200);
    EXPECT_EQ(detail.Json().at("species_card").at("name_ko"), "몬스테라");
    EXPECT_EQ(detail.Json().at("description"), "잎이 건강합니다.\n직거래 선호");
}

TEST_F(MarketApi, RefusesBadInputAndStoresNothing) {
    const auto post = [&](boost::json::object body) {
        return client_.Request("POST", "/api/v1/market/listings", Body(std::move(body)), As(1));
    };
    const auto field_code = [](const HttpResult& r) {
        return r.Json().at("errors").as_array().at(0).at("code").as_string();
    };
    auto b = ListingBody(1, "몬스테라");
    b["price"] = -1;
    EXPECT_EQ(field_code(post(b)), "validation.out_of_range");
    b["price"] = 100'000'001;
    EXPECT_EQ(field_code(post(b)), "validation.out_of_range");
    b["price"] = 1.5;
    EXPECT_EQ(field_code(post(b)), "validation.wrong_type");
    b["price"] = "1000";
    EXPECT_EQ(field_code(post(b)), "validation.wrong_type");
    b = ListingBody(1, "몬");
    EXPECT_EQ(field_code(post(b)), "validation.too_short");
    b = ListingBody(1, std::string(61 * 3, 'a'));
    EXPECT_EQ(field_code(post(b)), "validation.too_long");
    b = ListingBody(1, "몬스테라\u202e역방향");
    EXPECT_EQ(field_code(post(b)), "validation.invalid_format");
    b = ListingBody(1, "몬스테라");
    b["category"] = "car";
    EXPECT_EQ(field_code(post(b)), "validation.invalid_value");
    b = ListingBody(1, "몬스테라");
    boost::json::array eleven;
    for (const auto& id : PhotosOf(1, 10)) eleven.push_back(boost::json::value(id));
    eleven.push_back(boost::json::value(PhotosOf(1, 1)[0]));
    b["photo_ids"] = eleven;
    EXPECT_EQ(field_code(post(b)), "validation.out_of_range");
    b["photo_ids"] = boost::json::array{};
    EXPECT_EQ(field_code(post(b)), "validation.required");
    const auto one = PhotosOf(1, 1)[0];
    b["photo_ids"] = boost::json::array{boost::json::value(one), boost::json::value(one)};
    EXPECT_EQ(field_code(post(b)), "validation.duplicate");
    b["photo_ids"] = boost::json::array{boost::json::value(PhotosOf(2, 1)[0])};  // someone else's photo
    EXPECT_EQ(field_code(post(b)), "market.photo_not_found");
    b["photo_ids"] = boost::json::array{boost::json::value("99999999")};
    EXPECT_EQ(field_code(post(b)), "market.photo_not_found");
    b["photo_ids"] = boost::json::array{boost::json::value(PhotosOf(1, 1, false)[0])};
    EXPECT_EQ(field_code(post(b)), "market.photo_not_ready");
    b = ListingBody(1, "몬스테라");
    b["species_id"] = "1";
    EXPECT_EQ(field_code(post(b)), "market.species_not_found");
    b = ListingBody(1, "몬스테라");
    b["seller_id"] = "2";  // the seller is the token's user; a body cannot say otherwise
    EXPECT_EQ(post(b).Code(), "request.unknown_field");
    EXPECT_EQ(client_.Request("POST", "/api/v1/market/listings", "{\"title\":", As(1)).status, 400);
    EXPECT_EQ(client_.Request("POST", "/api/v1/market/listings", Body(ListingBody(1, "몬스테라"))).status, 401);

    // Search fields with SQL and LIKE metacharacters are plain text or refused, never SQL.
    for (const char* q : {"%25", "_", "%25_%25", "%27%3B%20DROP%20TABLE%20listings%3B--", "%22"}) {
        const auto r = client_.Get(std::string("/api/v1/market/listings?q=") + q);
        EXPECT_TRUE(r.status == 200 || r.status == 422) << q << " " << r.body;
        if (r.status == 200) {
            EXPECT_TRUE(Ids(r).empty());
        }
    }
    EXPECT_EQ(client_.Get("/api/v1/market/listings?q=%25_").Code(), "validation.failed");
    for (const char* query : {"min_price=-1", "max_price=abc", "min_price=10&max_price=5", "state=lost", "sort=random",
                              "cursor=n.x", "limit=0", "limit=101", "species_id=%25", "category=%27"}) {
        EXPECT_EQ(client_.Get(std::string("/api/v1/market/listings?") + query).status, 422) << query;
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM listings"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST_F(MarketApi, OnlyTheSellerChangesAListing) {
    const std::string id = Create(1, "몬스테라 알보");
    const std::string path = "/api/v1/market/listings/" + id;
    const auto before = client_.Get(path, {Auth(1)}).body;
    EXPECT_EQ(client_.Request("PATCH", path, R"({"price":1})", As(2)).Code(), "market.not_owner");
    EXPECT_EQ(client_.Request("DELETE", path, "", As(2)).Code(), "market.not_owner");
    EXPECT_EQ(client_.Request("PUT", path + "/state", R"({"state":"reserved"})", As(2)).Code(), "market.not_owner");
    EXPECT_EQ(client_.Request("POST", path + "/bump", "", As(2)).Code(), "market.not_owner");
    EXPECT_EQ(client_.Get(path + "/chat-partners", {Auth(2)}).Code(), "market.not_owner");
    EXPECT_EQ(client_.Request("PATCH", path, R"({"price":1})", {"Content-Type: application/json"}).status, 401);
    const auto after = client_.Get(path, {Auth(1)});
    EXPECT_EQ(after.Json().at("price"), 15000);
    EXPECT_EQ(after.Json().at("state"), "selling");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM listings WHERE deleted_at IS NULL AND price = 15000"), 1);
    EXPECT_EQ(Published("post.updated").size(), 0U);
    (void)before;
}

TEST_F(MarketApi, EditsHideAndDeleteAreTheSellersAndLeaveTheFeed) {
    const std::string id = Create(1, "몬스테라 알보");
    const std::string path = "/api/v1/market/listings/" + id;
    auto edited = client_.Request("PATCH", path, R"({"title":"몬스테라 타이 컨스텔레이션","price":30000})", As(1));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/listings?q=%EC%95%8C%EB%B3%B4")).empty());  // 알보: gone with the old title
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings?q=%ED%83%80%EC%9D%B4")), std::vector<std::string>{id});  // 타이

    ASSERT_EQ(client_.Request("PATCH", path, R"({"hidden":true})", As(1)).status, 200);
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/listings")).empty());
    const auto mine = client_.Get("/api/v1/market/me/listings", {Auth(1)});
    EXPECT_EQ(mine.Json().at("items").at(0).at("hidden"), true);  // the seller's own list marks it
    EXPECT_EQ(client_.Get(path, {Auth(2)}).status, 404);
    EXPECT_EQ(client_.Get(path, {Auth(1)}).status, 200);
    ASSERT_EQ(client_.Request("PATCH", path, R"({"hidden":false})", As(1)).status, 200);
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings?q=%ED%83%80%EC%9D%B4")), std::vector<std::string>{id});

    ASSERT_EQ(client_.Request("DELETE", path, "", As(1)).status, 204);
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/listings")).empty());
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/listings?q=%ED%83%80%EC%9D%B4")).empty());
    EXPECT_EQ(client_.Get(path).status, 404);
    EXPECT_EQ(client_.Get(path, {Auth(1)}).Json().at("deleted"), true);  // soft delete: the owner still sees it
    EXPECT_EQ(client_.Request("PATCH", path, R"({"price":1})", As(1)).status, 404);
    const auto deleted = Published("post.deleted");
    ASSERT_EQ(deleted.size(), 1U);
    EXPECT_EQ(deleted[0].at("photo_ids").as_array().size(), 2U);
}

TEST_F(MarketApi, StatesGoSellingReservedSoldWithABuyerWhoChatted) {
    auto body = ListingBody(1, "몬스테라 삽수");
    body["species_id"] = std::to_string(kMonstera);
    const std::string id(client_.Request("POST", "/api/v1/market/listings", Body(body), As(1)).Json().at("id").as_string());
    const std::string path = "/api/v1/market/listings/" + id;
    EXPECT_EQ(client_.Request("PUT", path + "/state", R"({"state":"selling"})", As(1)).Code(), "market.state_unchanged");
    client_.Request("PUT", path + "/wish", "", As(1));
    const auto reserved = client_.Request("PUT", path + "/state", R"({"state":"reserved"})", As(1));
    ASSERT_EQ(reserved.status, 200);
    EXPECT_EQ(reserved.Json().at("wished"), true);  // the answer tells the caller's own wish, like a GET
    ASSERT_EQ(client_.Request("PUT", path + "/state", R"({"state":"selling"})", As(1)).status, 200);
    EXPECT_EQ(client_.Request("PUT", path + "/state", R"({"state":"sold"})", As(1)).status, 422);  // no buyer
    EXPECT_EQ(client_.Request("PUT", path + "/state", R"({"state":"sold","buyer_id":"7"})", As(1)).Code(),
              "market.buyer_not_chat_partner");

    ChatRoom(900, id, 1, 7);
    ChatRoom(901, id, 1, 8);
    ChatRoom(900, id, 1, 7);  // redelivered: counted once
    ASSERT_TRUE(Eventually([&] { return Count("SELECT chat_count FROM listings WHERE id = ?", {Id(id)}) == 2; }));
    const auto partners = client_.Get(path + "/chat-partners", {Auth(1)});
    ASSERT_EQ(partners.status, 200);
    EXPECT_EQ(partners.Json().at("items").as_array().size(), 2U);

    const auto sold = client_.Request("PUT", path + "/state", R"({"state":"sold","buyer_id":"7"})", As(1));
    ASSERT_EQ(sold.status, 200) << sold.body;
    EXPECT_EQ(sold.Json().at("buyer_id"), "7");
    EXPECT_EQ(client_.Request("PUT", path + "/state", R"({"state":"selling"})", As(1)).Code(), "market.listing_sold");
    EXPECT_EQ(client_.Request("PATCH", path, R"({"price":1})", As(1)).Code(), "market.listing_sold");
    EXPECT_EQ(client_.Get(path).Json().at("buyer_id"), nullptr);  // shown to the seller and the buyer only
    const auto sold_events = Published("post.sold");
    ASSERT_EQ(sold_events.size(), 1U);
    EXPECT_EQ(sold_events[0].at("buyer_id"), "7");

    EXPECT_EQ(Ids(client_.Get("/api/v1/market/me/purchases", {Auth(7)})), std::vector<std::string>{id});
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/me/purchases", {Auth(8)})).empty());
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/me/listings?state=sold", {Auth(1)})), std::vector<std::string>{id});
    const auto guide = client_.Get("/api/v1/market/species/" + std::to_string(kMonstera) + "/price-guide");
    EXPECT_EQ(guide.Json().at("count"), 1);
    EXPECT_EQ(guide.Json().at("median"), 15000);
    // A species that exists but sold nothing has an empty guide; one the encyclopedia lacks is not found.
    const auto empty = client_.Get("/api/v1/market/species/12901/price-guide");  // 히포에스테스
    ASSERT_EQ(empty.status, 200);
    EXPECT_EQ(empty.Json().at("count"), 0);
    EXPECT_EQ(empty.Json().at("median"), nullptr);
    EXPECT_EQ(client_.Get("/api/v1/market/species/999999/price-guide").Code(), "market.unknown_species");
}

TEST_F(MarketApi, BumpsOncePerDay) {
    const std::string old_id = Create(1, "먼저 올린 글");
    const std::string id = Create(2, "나중에 올린 글");
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings")), (std::vector<std::string>{id, old_id}));
    EXPECT_EQ(client_.Request("POST", "/api/v1/market/listings/" + old_id + "/bump", "", As(1)).Code(), "market.bump_too_soon");
    server_.Clock().Advance(std::chrono::hours(24));
    ASSERT_EQ(client_.Request("POST", "/api/v1/market/listings/" + old_id + "/bump", "", As(1)).status, 200);
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings")), (std::vector<std::string>{old_id, id}));
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings?q=%EB%A8%BC%EC%A0%80")), std::vector<std::string>{old_id});  // 먼저
    EXPECT_EQ(client_.Request("POST", "/api/v1/market/listings/" + old_id + "/bump", "", As(1)).Code(), "market.bump_too_soon");
}

TEST_F(MarketApi, FeedFiltersSortsAndPagesWithoutGapsOrRepeats) {
    std::vector<std::string> all;
    for (int i = 0; i < 25; ++i) all.push_back(Create(1 + i % 3, "화분 " + std::to_string(i), (i % 5) * 1000));
    std::set<std::string> seen;
    std::string cursor;
    std::int64_t last_price = -1;
    int pages = 0;
    do {
        const auto page = client_.Get("/api/v1/market/listings?sort=price_asc&limit=10" + (cursor.empty() ? "" : "&cursor=" + cursor));
        ASSERT_EQ(page.status, 200) << page.body;
        const boost::json::value json = page.Json();
        for (const auto& item : json.at("items").as_array()) {
            EXPECT_TRUE(seen.insert(std::string(item.at("id").as_string())).second);
            EXPECT_GE(item.at("price").as_int64(), last_price);
            last_price = item.at("price").as_int64();
        }
        const auto& next = json.at("next_cursor");
        cursor = next.is_null() ? "" : std::string(next.as_string());
        ++pages;
    } while (!cursor.empty());
    EXPECT_EQ(seen.size(), 25U);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings?free=true")).size(), 5U);
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/listings?min_price=3000&max_price=4000&limit=100")).size(), 10U);
    EXPECT_EQ(client_.Get("/api/v1/market/listings?sort=newest&cursor=pa.0.1").status, 422);  // another sort's cursor
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/me/listings?limit=100", {Auth(2)})).size(), 8U);
}

TEST_F(MarketApi, ASortedSearchOrdersItsNewestMatchesAndPagesWithinThem) {
    // Ten matches, oldest cheapest: the window (six) holds 화분 4..9, so 0..3 never show in price order.
    std::vector<std::string> ids;
    for (int i = 0; i < 10; ++i) ids.push_back(Create(1, "화분 " + std::to_string(i), i * 1000));
    Create(1, "토분 하나", 50);  // not a match
    const auto page = [&](const std::string& query) {
        const auto r = client_.Get("/api/v1/market/listings?q=" + Encode("화분") + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return r;
    };
    const auto first = page("&sort=price_asc&limit=4");
    EXPECT_EQ(Ids(first), (std::vector<std::string>{ids[4], ids[5], ids[6], ids[7]}));
    EXPECT_EQ(first.Json().at("sorted_within"), 6);
    const std::string cursor(first.Json().at("next_cursor").as_string());
    const auto dearest = page("&sort=price_desc&limit=4");
    EXPECT_EQ(Ids(dearest), (std::vector<std::string>{ids[9], ids[8], ids[7], ids[6]}));
    const std::string dearest_cursor(dearest.Json().at("next_cursor").as_string());

    // A listing posted after the first page is newer than the window's floor, so the next page takes it in;
    // and the window keeps its oldest match (화분 4), though seven matches are newer than it now.
    const std::string newer = Create(2, "화분 새것", 7500);
    const auto second = page("&sort=price_asc&limit=4&cursor=" + cursor);
    EXPECT_EQ(Ids(second), (std::vector<std::string>{newer, ids[8], ids[9]}));
    EXPECT_TRUE(second.Json().at("next_cursor").is_null());
    EXPECT_EQ(Ids(page("&sort=price_desc&limit=4&cursor=" + dearest_cursor)), (std::vector<std::string>{ids[5], ids[4]}));

    EXPECT_EQ(Ids(page("&sort=price_desc&limit=3")), (std::vector<std::string>{ids[9], ids[8], newer}));
    // The most viewed listing is outside the window; within it, 화분 6 has the most views.
    for (int viewer = 0; viewer < 3; ++viewer) client_.Get("/api/v1/market/listings/" + ids[0], {"User-Agent: v" + std::to_string(viewer)});
    client_.Get("/api/v1/market/listings/" + ids[6], {"User-Agent: v0"});
    client_.Get("/api/v1/market/listings/" + ids[6], {"User-Agent: v1"});
    EXPECT_EQ(Ids(page("&sort=popular&limit=1")), std::vector<std::string>{ids[6]});

    // Fewer matches than the window: every one is sorted, and the page says nothing of a window.
    const auto few = client_.Get("/api/v1/market/listings?q=" + Encode("토분") + "&sort=price_asc");
    EXPECT_EQ(Ids(few).size(), 1U);
    EXPECT_FALSE(few.Json().as_object().contains("sorted_within"));
    // The newest order is never windowed: all eleven 화분 listings page through, newest first (pages of four
    // on PostgreSQL come from its walk of the newest listings, the last one from the search index).
    std::vector<std::string> expected{newer};
    expected.insert(expected.end(), ids.rbegin(), ids.rend());
    std::vector<std::string> newest;
    std::string next;
    do {
        const auto r = page("&limit=4" + (next.empty() ? "" : "&cursor=" + next));
        for (auto& id : Ids(r)) newest.push_back(std::move(id));
        next = r.Json().at("next_cursor").is_null() ? "" : std::string(r.Json().at("next_cursor").as_string());
    } while (!next.empty() && newest.size() < 20);
    EXPECT_EQ(newest, expected);
    for (const char* bad : {"pa.0.1.0", "pa.0.1.x", "pa.0.1.", "pa.0.1.2.3", "pa.0..1"}) {
        EXPECT_EQ(client_.Get("/api/v1/market/listings?q=" + Encode("화분") + "&sort=price_asc&cursor=" + bad).status, 422) << bad;
    }
}

TEST_F(MarketApi, WishesAreIdempotentAndTellTheSellerOnce) {
    const std::string id = Create(1, "몬스테라");
    const std::string path = "/api/v1/market/listings/" + id + "/wish";
    EXPECT_EQ(client_.Request("PUT", path, "", As(2)).Json().at("wish_count"), 1);
    EXPECT_EQ(client_.Request("PUT", path, "", As(2)).Json().at("wish_count"), 1);
    EXPECT_EQ(client_.Request("PUT", path, "", As(1)).Json().at("wish_count"), 2);  // one's own: counted, not announced
    EXPECT_EQ(client_.Request("DELETE", path, "", As(2)).Json().at("wish_count"), 1);
    EXPECT_EQ(client_.Request("DELETE", path, "", As(2)).Json().at("wish_count"), 1);
    EXPECT_EQ(client_.Request("PUT", "/api/v1/market/listings/1/wish", "", As(2)).status, 404);
    const auto events = Published("wish.added");
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0].at("user_id"), "2");
    EXPECT_EQ(events[0].at("seller_id"), "1");
    EXPECT_EQ(Ids(client_.Get("/api/v1/market/me/wishes", {Auth(1)})), std::vector<std::string>{id});
    EXPECT_EQ(client_.Get("/api/v1/market/listings/" + id, {Auth(1)}).Json().at("wished"), true);
}

TEST_F(MarketApi, ConcurrentWishTogglesLeaveAnExactCount) {
    const std::string id = Create(1, "몬스테라");
    const std::string path = "/api/v1/market/listings/" + id + "/wish";
    std::vector<std::string> tokens;
    for (int u = 0; u < 500; ++u) tokens.push_back(Auth(1000 + u));
    // 1,000 requests from 500 users: each user wishes twice, or wishes and takes it back (odd users).
    const auto statuses = test::Hammer(server_.Port(), 32, 1000, [&](test::HttpClient& c, int i) {
        const int user = i % 500;
        const bool second = i >= 500;
        const char* verb = second && user % 2 == 1 ? "DELETE" : "PUT";
        return c.Request(verb, path, "", {tokens[user]});
    });
    EXPECT_EQ(statuses.at(200), 1000);
    const std::int64_t stored = Count("SELECT COUNT(*) FROM wishes WHERE listing_id = ?", {Id(id)});
    EXPECT_EQ(Count("SELECT wish_count FROM listings WHERE id = ?", {Id(id)}), stored);
    EXPECT_GE(stored, 250);
    EXPECT_LE(stored, 500);
    EXPECT_EQ(static_cast<std::int64_t>(Published("wish.added").size()),
              Count("SELECT COUNT(*) FROM outbox WHERE type = 'wish.added'"));
}

TEST_F(MarketApi, ViewsCountOncePerViewerPerDayAndNeverTheOwner) {
    const std::string id = Create(1, "몬스테라");
    const std::string path = "/api/v1/market/listings/" + id;
    const auto views = [&] { return client_.Get(path, {Auth(1)}).Json().at("view_count").as_int64(); };
    client_.Get(path, {Auth(1)});
    EXPECT_EQ(views(), 0);
    client_.Get(path, {Auth(2)});
    client_.Get(path, {Auth(2)});
    EXPECT_EQ(views(), 1);
    client_.Get(path, {"User-Agent: browser-a"});
    client_.Get(path, {"User-Agent: browser-a"});
    client_.Get(path, {"User-Agent: browser-b"});
    EXPECT_EQ(views(), 3);
    server_.Clock().Advance(std::chrono::hours(24));
    client_.Get(path, {Auth(2)});
    EXPECT_EQ(views(), 4);
    // Viewer keys are hashed: no client address is stored.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM listing_views WHERE viewer LIKE '%127.0.0.1%'"), 0);
}

TEST_F(MarketApi, ConcurrentViewsFromDistinctViewersAreCountedExactly) {
    const std::string id = Create(1, "몬스테라");
    const std::string path = "/api/v1/market/listings/" + id;
    std::vector<std::string> tokens;
    for (int u = 0; u < 2000; ++u) tokens.push_back(Auth(10'000 + u));
    const auto statuses = test::Hammer(server_.Port(), 32, 2000, [&](test::HttpClient& c, int i) { return c.Get(path, {tokens[i]}); });
    EXPECT_EQ(statuses.at(200), 2000);
    EXPECT_EQ(Count("SELECT view_count FROM listings WHERE id = ?", {Id(id)}), 2000);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM listing_views WHERE listing_id = ?", {Id(id)}), 2000);
}

TEST_F(MarketApi, KeywordAlertsFireOncePerSubscriberAndNeverForTheAuthor) {
    const auto add = [&](std::int64_t user, const std::string& keyword) {
        return client_.Request("POST", "/api/v1/market/me/keywords", Body({{"keyword", keyword}}), As(user));
    };
    ASSERT_EQ(add(2, "몬스테라").status, 201);
    ASSERT_EQ(add(2, "알보").status, 201);
    ASSERT_EQ(add(3, "ＭＯＮＳＴＥＲＡ").status, 201);
    ASSERT_EQ(add(1, "몬스테라").status, 201);  // the author's own keyword
    EXPECT_EQ(add(3, "monstera").Code(), "market.keyword_exists");
    EXPECT_EQ(add(3, "%_").status, 422);
    for (int i = 0; i < 19; ++i) ASSERT_EQ(add(4, "키워드" + std::to_string(i)).status, 201);
    EXPECT_EQ(add(4, "하나더").status, 201);
    EXPECT_EQ(add(4, "스물하나").Code(), "market.too_many_keywords");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM keywords WHERE user_id = 4"), 20);

    const std::string id = Create(1, "몬스테라 알보 Monstera albo");
    auto matched = Published("keyword.matched");
    ASSERT_EQ(matched.size(), 2U);  // users 2 and 3, once each; never user 1
    std::set<std::string> users;
    for (const auto& e : matched) users.insert(std::string(e.at("user_id").as_string()));
    EXPECT_EQ(users, (std::set<std::string>{"2", "3"}));

    // Hidden and shown again, or edited: nobody is told twice.
    client_.Request("PATCH", "/api/v1/market/listings/" + id, R"({"hidden":true})", As(1));
    client_.Request("PATCH", "/api/v1/market/listings/" + id, R"({"hidden":false})", As(1));
    client_.Request("PATCH", "/api/v1/market/listings/" + id, R"({"description":"몬스테라 알보 대품"})", As(1));
    EXPECT_EQ(Published("keyword.matched").size(), 2U);

    // Spacing does not matter in Korean: "몬스테라" also finds "몬스 테라".
    Create(5, "몬스 테라 잎꽂이");
    EXPECT_EQ(Published("keyword.matched").size(), 4U);

    const auto mine = client_.Get("/api/v1/market/me/keywords", {Auth(2)});
    ASSERT_EQ(mine.Json().at("items").as_array().size(), 2U);
    const std::string keyword_id(mine.Json().at("items").as_array()[0].at("id").as_string());
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/market/me/keywords/" + keyword_id, "", As(3)).status, 404);  // not theirs
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/market/me/keywords/" + keyword_id, "", As(2)).status, 204);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM keywords WHERE user_id = 2"), 1);
}

TEST_F(MarketApi, FeedPagesAreSharedButNeverOlderThanTheLastListingChange) {
    const std::string first = Create(1, "몬스테라");
    const auto feed = [&] { return client_.Get("/api/v1/market/listings"); };
    ASSERT_EQ(Ids(feed()), std::vector<std::string>{first});
    // A listing change in this process shows at once, whatever was rendered before.
    const std::string second = Create(2, "스투키");
    EXPECT_EQ(Ids(feed()), (std::vector<std::string>{second, first}));
    client_.Request("PATCH", "/api/v1/market/listings/" + first, R"({"price":9000})", As(1));
    EXPECT_EQ(feed().Json().at("items").at(1).at("price"), 9000);
    client_.Request("DELETE", "/api/v1/market/listings/" + second, "", As(2));
    EXPECT_EQ(Ids(feed()), std::vector<std::string>{first});
    // Counters may be a second behind on a shared page, never more.
    client_.Request("PUT", "/api/v1/market/listings/" + first + "/wish", "", As(3));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_EQ(feed().Json().at("items").at(0).at("wish_count"), 1);
    // Pages of other queries are their own.
    EXPECT_TRUE(Ids(client_.Get("/api/v1/market/listings?q=%EC%8A%A4%ED%88%AC%ED%82%A4")).empty());  // 스투키, deleted
}

TEST_F(MarketApi, AnIdempotencyKeyCreatesOneListing) {
    const std::string body = Body(ListingBody(1, "한 번만"));
    auto headers = As(1);
    headers.push_back("Idempotency-Key: listing-1");
    const auto first = client_.Request("POST", "/api/v1/market/listings", body, headers);
    ASSERT_EQ(first.status, 201);
    // Once media holds the photos for the listing, a fresh check of them would refuse: the retry is answered
    // from the key, not checked again.
    const std::int64_t listing = Id(std::string(first.Json().at("id").as_string()));
    ASSERT_TRUE(Eventually([&] { return test::Count(server_, "media", "SELECT COUNT(*) FROM photos WHERE post_id = ?", {listing}) == 2; }));
    const auto again = client_.Request("POST", "/api/v1/market/listings", body, headers);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM listings"), 1);
}

}  // namespace
}  // namespace sikgu::market
