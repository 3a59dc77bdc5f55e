#include <gtest/gtest.h>

#include <curl/curl.h>

#include <boost/json.hpp>

#include "core/auth/service_credentials.hpp"
#include "core/sql/database.hpp"
#include "core/sql/transaction.hpp"
#include "core/util/time.hpp"
#include "services/chat/contract/events.hpp"
#include "services/market/contract/events.hpp"
#include "services/media/contract/media_queries.hpp"
#include "services/media/store/media_store.hpp"
#include "services/media/media_test_support.hpp"

namespace sikgu::media {
namespace {

using namespace test_support;
namespace images = test_images;

const std::string kServiceSecret(48, 's');

class MediaApi : public ::testing::Test {
protected:
    MediaApi()
        : server_("[media]\nmax_files = 4\ngc_period_seconds = 60\nuploads_per_minute = 10000\n",
                  {{"core.auth.service_secret", kServiceSecret}, {"core.job_tick_ms", "50"}}) {}

    // Uploads one file and returns its photo JSON (asserting 201).
    boost::json::object UploadOne(const User& user, const std::string& name, const std::string& bytes) {
        const auto r = Upload(client_, user, {{name, bytes}});
        EXPECT_EQ(r.status, 201) << r.body;
        if (r.status != 201) return {};
        return r.Json().at("items").as_array().at(0).as_object();
    }
    static std::int64_t Id(const boost::json::object& photo) { return std::stoll(std::string(photo.at("id").as_string())); }

    // The stored file behind a URL the API gave, through the public route.
    test::HttpResult Fetch(const boost::json::value& url) { return client_.Get(std::string(url.as_string())); }

    void Publish(const auto& event) {
        server_.App().DatabaseOf("media").WriteNow([&](sql::Transaction& tx) { tx.Publish(event); });
    }

    // Nothing stored at all: no row, no file.
    void ExpectNothingStored() {
        EXPECT_TRUE(AllPhotos(server_).empty());
        EXPECT_EQ(LocalFileCount(server_), 0);
    }

    test::TestServer server_;
    test::HttpClient client_ = server_.Client();
};

TEST_F(MediaApi, JpegIsTurnedUprightStrippedAndRendered) {
    const User user = NewUser(server_, "photo_owner");
    // 1200x800 pixels stored sideways (EXIF orientation 6: shown rotated 90 degrees), with a GPS position.
    const std::string upload = images::Jpeg(1200, 800, 6, true);
    ASSERT_FALSE(images::Decode(upload).metadata.empty());
    const auto photo = UploadOne(user, "holiday.jpg", upload);
    ASSERT_FALSE(photo.empty());
    EXPECT_EQ(photo.at("width"), 800);
    EXPECT_EQ(photo.at("height"), 1200);
    EXPECT_EQ(photo.at("ready"), true);
    EXPECT_EQ(photo.at("owner_id").as_string(), std::to_string(user.id));

    const auto original = Fetch(photo.at("original_url"));
    ASSERT_EQ(original.status, 200);
    EXPECT_EQ(original.Header("content-type"), "image/jpeg");
    const auto decoded = images::Decode(original.body);
    EXPECT_EQ(decoded.width, 800);
    EXPECT_EQ(decoded.height, 1200);
    EXPECT_TRUE(decoded.metadata.empty()) << "metadata left: " << decoded.metadata.front();
    EXPECT_EQ(original.body.find("Exif"), std::string::npos);
    EXPECT_EQ(original.body.find("SikguTestCamera"), std::string::npos);

    const auto large = Fetch(photo.at("large_url"));
    ASSERT_EQ(large.status, 200);
    EXPECT_EQ(large.Header("content-type"), "image/webp");
    EXPECT_EQ(large.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(large.Header("x-content-type-options"), "nosniff");
    const auto large_image = images::Decode(large.body);
    EXPECT_EQ(large_image.loader, "VipsForeignLoadWebpBuffer");
    EXPECT_EQ(large_image.width, 720);
    EXPECT_EQ(large_image.height, 1080);
    EXPECT_TRUE(large_image.metadata.empty()) << large_image.metadata.front();
    const auto small = images::Decode(Fetch(photo.at("thumbnail_url")).body);
    EXPECT_EQ(small.width, 213);
    EXPECT_EQ(small.height, 320);
    EXPECT_TRUE(small.metadata.empty());

    // Revalidation by ETag.
    const std::string etag = large.Header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(client_.Get(std::string(photo.at("large_url").as_string()), {"If-None-Match: " + etag}).status, 304);

    const auto stored = FindPhoto(server_, Id(photo));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->owner_id, user.id);
    EXPECT_TRUE(stored->ready);
    EXPECT_FALSE(stored->post_id);
    EXPECT_EQ(LocalFileCount(server_), 3);
}

TEST_F(MediaApi, EveryAcceptedFormatIsStoredWithRenditionsNeverUpscaled) {
    const User user = NewUser(server_, "format_fan");
    struct Case {
        std::string name;
        std::string bytes;
        int width, height;
        std::string original;
    };
    std::vector<Case> cases = {
        {"a.png", images::PngWithAlpha(500, 300), 500, 300, "original.png"},
        {"b.webp", images::Webp(640, 480), 640, 480, "original.jpg"},
        {"c.gif", images::AnimatedGif(100, 80, 3), 100, 80, "original.png"},  // GIFs decode with alpha
    };
    if (images::CanWriteHeic()) cases.push_back({"d.heic", images::Heic(64, 48), 64, 48, "original.jpg"});
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto photo = UploadOne(user, c.name, c.bytes);
        ASSERT_FALSE(photo.empty());
        EXPECT_EQ(photo.at("width"), c.width);
        EXPECT_EQ(photo.at("height"), c.height);  // a GIF keeps its first frame only
        EXPECT_TRUE(std::string(photo.at("original_url").as_string()).ends_with(c.original));
        const auto large = images::Decode(Fetch(photo.at("large_url")).body);
        EXPECT_EQ(large.width, c.width);  // smaller than 1080 already: kept as it is
        EXPECT_EQ(large.height, c.height);
        const auto small = images::Decode(Fetch(photo.at("thumbnail_url")).body);
        EXPECT_EQ(std::max(small.width, small.height), std::min(320, std::max(c.width, c.height)));
        EXPECT_EQ(FindPhoto(server_, Id(photo))->original_name, c.original);
    }
    EXPECT_EQ(AllPhotos(server_).size(), cases.size());
}

TEST_F(MediaApi, TextNamedJpgIsRefusedAndNothingStored) {
    const User user = NewUser(server_, "sneaky_one");
    const auto r = Upload(client_, user, {{"photo.jpg", "this is not a picture at all, only text\n"}});
    EXPECT_EQ(r.status, 415);
    EXPECT_EQ(r.Code(), "media.unsupported_type");
    EXPECT_EQ(r.Header("content-type"), "application/problem+json");
    ExpectNothingStored();
}

TEST_F(MediaApi, SvgWithScriptIsRefusedByItsDecoderNotItsName) {
    const User user = NewUser(server_, "svg_sender");
    const std::string svg =
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
        "<script>alert(document.cookie)</script><rect width=\"100\" height=\"100\" fill=\"red\"/></svg>";
    ASSERT_EQ(images::LoaderOf(svg), "VipsForeignLoadSvgBuffer");  // libvips would read it
    for (const char* name : {"drawing.svg", "drawing.png"}) {
        const auto r = Upload(client_, user, {{name, svg}});
        EXPECT_EQ(r.status, 415) << name;
        EXPECT_EQ(r.Code(), "media.unsupported_type");
    }
    ExpectNothingStored();
}

TEST_F(MediaApi, DecompressionBombIsRefusedFromItsHeader) {
    const User user = NewUser(server_, "bomb_maker");
    const std::string bomb = images::PngBomb(30000, 30000);
    ASSERT_LT(bomb.size(), 100U);
    const auto r = Upload(client_, user, {{"tiny.png", bomb}});
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.Code(), "media.image_too_large");
    ExpectNothingStored();
}

TEST_F(MediaApi, OneBadFileRefusesTheWholeUpload) {
    const User user = NewUser(server_, "mixed_bag");
    const auto r = Upload(client_, user, {{"good.jpg", images::Jpeg(64, 64)}, {"bad.jpg", "plain text"}});
    EXPECT_EQ(r.status, 415);
    ExpectNothingStored();
}

TEST_F(MediaApi, TooManyFilesAndNoFilesAreRefused) {
    const User user = NewUser(server_, "many_files");
    const std::string jpeg = images::Jpeg(32, 32);
    std::vector<std::pair<std::string, std::string>> five(5, {"x.jpg", jpeg});
    const auto r = Upload(client_, user, five);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.Code(), "media.too_many_files");
    EXPECT_EQ(Upload(client_, user, {}).Code(), "media.no_file");
    EXPECT_EQ(client_.Request("POST", "/api/v1/photos", "garbage", {user.bearer, "Content-Type: text/plain"}).Code(),
              "media.malformed_upload");
    ExpectNothingStored();
    // Four (the configured limit) pass.
    std::vector<std::pair<std::string, std::string>> four(4, {"x.jpg", jpeg});
    EXPECT_EQ(Upload(client_, user, four).status, 201);
    EXPECT_EQ(AllPhotos(server_).size(), 4U);
    EXPECT_EQ(LocalFileCount(server_), 3);  // the same picture four times: one set of files
}

TEST_F(MediaApi, UploadNeedsAToken) {
    const auto multipart = images::MultipartBody({{"a.jpg", images::Jpeg(16, 16)}});
    EXPECT_EQ(client_.Request("POST", "/api/v1/photos", multipart.body, {multipart.content_type_header}).status, 401);
    ExpectNothingStored();
}

// A 50 MB upload, sent as a browser would (announcing its length): refused before its body is read.
TEST_F(MediaApi, FiftyMegabyteUploadIsRefused) {
    const User user = NewUser(server_, "big_sender");
    auto multipart = images::MultipartBody({{"huge.jpg", images::Jpeg(64, 64) + std::string(50'000'000, 'x')}});
    CURL* curl = curl_easy_init();
    const std::string url = "http://127.0.0.1:" + std::to_string(server_.Port()) + "/api/v1/photos";
    curl_slist* headers = curl_slist_append(nullptr, user.bearer.c_str());
    headers = curl_slist_append(headers, multipart.content_type_header.c_str());
    std::string response;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, multipart.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(multipart.body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* data, size_t, size_t n, void* out) {
        static_cast<std::string*>(out)->append(data, n);
        return n;
    });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    EXPECT_EQ(rc, CURLE_OK) << curl_easy_strerror(rc);
    EXPECT_EQ(status, 413);
    ExpectNothingStored();
}

TEST_F(MediaApi, DeleteIsTheOwnersAndOnlyForUnattachedPhotos) {
    const User owner = NewUser(server_, "the_owner");
    const User other = NewUser(server_, "the_other");
    const auto photo = UploadOne(owner, "mine.jpg", images::Jpeg(200, 100));
    const std::string path = "/api/v1/photos/" + std::to_string(Id(photo));

    const auto refused = client_.Request("DELETE", path, "", {other.bearer});
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.Code(), "media.not_owner");
    EXPECT_TRUE(FindPhoto(server_, Id(photo)));
    EXPECT_EQ(LocalFileCount(server_), 3);
    EXPECT_EQ(Fetch(photo.at("large_url")).status, 200);

    EXPECT_EQ(client_.Request("DELETE", path, "", {}).status, 401);
    EXPECT_EQ(client_.Request("DELETE", path, "", {owner.bearer}).status, 204);
    EXPECT_FALSE(FindPhoto(server_, Id(photo)));
    EXPECT_EQ(LocalFileCount(server_), 0);
    EXPECT_EQ(Fetch(photo.at("large_url")).status, 404);
    EXPECT_EQ(client_.Request("DELETE", path, "", {owner.bearer}).Code(), "media.photo_not_found");

    // An attached photo stays until its post lets it go.
    const auto held = UploadOne(owner, "held.jpg", images::Jpeg(100, 100));
    Publish(market::PostCreated{.post_id = 77, .seller_id = owner.id, .title = "몬스테라", .photo_ids = {Id(held)}});
    ASSERT_TRUE(WaitFor([&] { return FindPhoto(server_, Id(held))->post_id == 77; }));
    const auto attached = client_.Request("DELETE", "/api/v1/photos/" + std::to_string(Id(held)), "", {owner.bearer});
    EXPECT_EQ(attached.Code(), "media.photo_attached");
    EXPECT_TRUE(FindPhoto(server_, Id(held)));
}

TEST_F(MediaApi, SharedFilesOutliveOnePhotoOfTwo) {
    const User a = NewUser(server_, "first_twin");
    const User b = NewUser(server_, "second_twin");
    const std::string jpeg = images::Jpeg(300, 200);
    const auto pa = UploadOne(a, "same.jpg", jpeg);
    const auto pb = UploadOne(b, "same.jpg", jpeg);
    EXPECT_EQ(pa.at("large_url"), pb.at("large_url"));  // content-addressed
    EXPECT_EQ(LocalFileCount(server_), 3);
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/photos/" + std::to_string(Id(pa)), "", {a.bearer}).status, 204);
    EXPECT_EQ(LocalFileCount(server_), 3);  // b's photo still uses them
    EXPECT_EQ(Fetch(pb.at("large_url")).status, 200);
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/photos/" + std::to_string(Id(pb)), "", {b.bearer}).status, 204);
    EXPECT_EQ(LocalFileCount(server_), 0);
}

TEST_F(MediaApi, PostEventsAttachReleaseAndReplayChangingNothing) {
    const User seller = NewUser(server_, "seller_one");
    const User stranger = NewUser(server_, "stranger_one");
    const std::int64_t a = Id(UploadOne(seller, "a.jpg", images::Jpeg(50, 40)));
    const std::int64_t b = Id(UploadOne(seller, "b.jpg", images::Jpeg(60, 40)));
    const std::int64_t foreign = Id(UploadOne(stranger, "c.jpg", images::Jpeg(70, 40)));
    const std::int64_t missing = 424242;

    const market::PostCreated created{
        .post_id = 5, .seller_id = seller.id, .title = "고무나무", .photo_ids = {a, b, foreign, missing}};
    Publish(created);
    Publish(created);  // the same change delivered again (a producer retry): a new event, same content
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "post.created") == 2; }));
    EXPECT_EQ(FindPhoto(server_, a)->post_id, 5);
    EXPECT_EQ(FindPhoto(server_, b)->post_id, 5);
    EXPECT_FALSE(FindPhoto(server_, foreign)->post_id);  // never another user's photo
    EXPECT_FALSE(FindPhoto(server_, missing));

    const market::PostUpdated updated{.post_id = 5, .seller_id = seller.id, .title = "고무나무", .state = "selling",
                                      .photo_ids = {b}};
    Publish(updated);
    Publish(updated);
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "post.updated") == 2; }));
    EXPECT_TRUE(FindPhoto(server_, a)->released);
    EXPECT_FALSE(FindPhoto(server_, b)->released);
    EXPECT_EQ(FindPhoto(server_, b)->post_id, 5);
    // A released photo is not attached again, and other services no longer see it.
    Publish(created);
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "post.created") == 3; }));
    EXPECT_TRUE(FindPhoto(server_, a)->released);

    // The three types reach three consumers: an event older than one already applied to the post is stale.
    EXPECT_FALSE(server_.App().DatabaseOf("media").WriteNow(
        [](sql::Connection& c) { return MediaStore::AdvancePost(c, 5, 1); }));

    const market::PostDeleted deleted{.post_id = 5, .seller_id = seller.id, .photo_ids = {b}};
    Publish(deleted);
    Publish(deleted);
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "post.deleted") == 2; }));
    EXPECT_TRUE(FindPhoto(server_, b)->released);
    EXPECT_FALSE(FindPhoto(server_, foreign)->released);
    const auto dead = server_.App().DatabaseOf("media").ReadNow(
        [](sql::Connection& c) { return c.Query("SELECT COUNT(*) FROM event_inbox WHERE state = 'dead'")[0][0].AsInt(); });
    EXPECT_EQ(dead, 0);
}

TEST_F(MediaApi, ARoomHoldsThePhotosSentInItUntilItIsPurged) {
    const User sender = NewUser(server_, "room_sender");
    const User stranger = NewUser(server_, "room_stranger");
    const auto sent = UploadOne(sender, "sent.jpg", images::Jpeg(80, 60));
    const std::int64_t listed = Id(UploadOne(sender, "listed.jpg", images::Jpeg(81, 60)));
    const std::int64_t foreign = Id(UploadOne(stranger, "foreign.jpg", images::Jpeg(82, 60)));
    Publish(market::PostCreated{.post_id = 30, .seller_id = sender.id, .title = "몬스테라", .photo_ids = {listed}});
    ASSERT_TRUE(WaitFor([&] { return FindPhoto(server_, listed)->post_id == 30; }));

    const chat::ChatPhotoSent photo{.room_id = 4, .seq = 1, .sender_id = sender.id, .photo_id = Id(sent)};
    Publish(photo);
    Publish(photo);  // a replay changes nothing
    // Events are ordered per room only: room 5's must not overtake room 4's here.
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "chat.photo.sent") == 2; }));
    Publish(chat::ChatPhotoSent{.room_id = 5, .seq = 1, .sender_id = sender.id, .photo_id = Id(sent)});  // held already
    Publish(chat::ChatPhotoSent{.room_id = 4, .seq = 2, .sender_id = sender.id, .photo_id = listed});    // a listing's
    Publish(chat::ChatPhotoSent{.room_id = 4, .seq = 3, .sender_id = sender.id, .photo_id = foreign});   // not theirs
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "chat.photo.sent") == 5; }));
    EXPECT_EQ(FindPhoto(server_, Id(sent))->room_id, 4);
    EXPECT_EQ(FindPhoto(server_, listed)->post_id, 30);
    EXPECT_FALSE(FindPhoto(server_, listed)->room_id);
    EXPECT_FALSE(FindPhoto(server_, foreign)->room_id);
    // Held: its owner cannot delete it, and other services see who holds it.
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/photos/" + std::to_string(Id(sent)), "", {sender.bearer}).Code(),
              "media.photo_attached");
    auth::ServiceCredentials credentials(kServiceSecret, server_.Clock());
    const auto looked_up = client_.Get("/internal/v1/media/photos?ids=" + std::to_string(Id(sent)) + "," +
                                           std::to_string(listed),
                                       {"Authorization: Service " + credentials.For("chat")});
    ASSERT_EQ(looked_up.status, 200) << looked_up.body;
    const auto items = looked_up.Json().at("items").as_array();
    ASSERT_EQ(items.size(), 2U);
    EXPECT_EQ(PhotoInfo::FromJson(items.at(0).as_object()).room_id, 4);
    EXPECT_FALSE(PhotoInfo::FromJson(items.at(0).as_object()).post_id);
    EXPECT_EQ(PhotoInfo::FromJson(items.at(1).as_object()).post_id, 30);
    EXPECT_TRUE(PhotoInfo::FromJson(items.at(1).as_object()).HeldOtherThan(std::nullopt, std::nullopt));
    EXPECT_FALSE(PhotoInfo::FromJson(items.at(1).as_object()).HeldOtherThan(30, std::nullopt));
    EXPECT_TRUE(PhotoInfo::FromJson(items.at(0).as_object()).HeldOtherThan(std::nullopt, 5));
    EXPECT_FALSE(PhotoInfo::FromJson(items.at(0).as_object()).HeldOtherThan(std::nullopt, 4));

    // Never collected as an orphan while the room holds it; released with the room's history, then collected.
    const auto advancing = [&](const std::function<bool()>& done) {
        return WaitFor([&] {
            server_.Clock().Advance(std::chrono::seconds(61));
            return done();
        });
    };
    server_.Clock().Advance(std::chrono::hours(48));
    ASSERT_TRUE(advancing([&] { return !FindPhoto(server_, foreign); }));  // the orphan goes
    EXPECT_TRUE(FindPhoto(server_, Id(sent)));
    EXPECT_EQ(Fetch(sent.at("large_url")).status, 200);
    Publish(chat::ChatRoomPurged{.room_id = 5});  // another room: nothing of this one's
    Publish(chat::ChatRoomPurged{.room_id = 4});
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "chat.room.purged") == 2; }));
    ASSERT_TRUE(advancing([&] { return !FindPhoto(server_, Id(sent)); }));
    EXPECT_EQ(Fetch(sent.at("large_url")).status, 404);
    EXPECT_TRUE(FindPhoto(server_, listed));
}

// The whole path: chat's hourly purge of a room closed past the retention (30 days) tells media, which lets
// the room's photos go.
TEST_F(MediaApi, ChatsPurgeOfAClosedRoomLetsItsPhotosGo) {
    const User sender = NewUser(server_, "purged_sender");
    const auto sent = UploadOne(sender, "purged.jpg", images::Jpeg(83, 60));
    const std::int64_t room = 8801;
    const std::int64_t closed_at = ToUnixMillis(server_.Clock().Now() - std::chrono::hours(24 * 31));
    sql::Database& chat = server_.App().DatabaseOf("chat");
    const auto rooms = [&] {
        return chat.ReadNow([&](sql::Connection& c) {
            return c.Query("SELECT COUNT(*) FROM chat_rooms WHERE id = ?", {room})[0][0].AsInt();
        });
    };
    chat.WriteNow([&](sql::Transaction& tx) {
        tx.Execute("INSERT INTO chat_rooms (id, post_id, seller_id, buyer_id, title, price, listing_state, thumbnail_url, "
                   "created_at, closed_at, last_seq, last_at) VALUES (?, 40, 999, ?, '몬스테라', 1000, 'sold', '', ?, ?, 1, ?)",
                   {room, sender.id, closed_at, closed_at, closed_at});
        tx.Execute("INSERT INTO chat_messages (room_id, seq, sender_id, kind, body, photo_url, client_id, created_at) "
                   "VALUES (?, 1, ?, 'photo', '', ?, 'c-1', ?)",
                   {room, sender.id, std::string(sent.at("large_url").as_string()), closed_at});
        tx.Publish(chat::ChatPhotoSent{.room_id = room, .seq = 1, .sender_id = sender.id, .photo_id = Id(sent)});
    });
    ASSERT_TRUE(WaitFor([&] { return FindPhoto(server_, Id(sent))->room_id == room; }));
    ASSERT_EQ(rooms(), 1);

    // An hour per look: the purge runs, media releases the photo, and the next collection deletes it.
    ASSERT_TRUE(WaitFor([&] {
        server_.Clock().Advance(std::chrono::hours(1));
        return rooms() == 0 && !FindPhoto(server_, Id(sent));
    }));
    EXPECT_EQ(Handled(server_, "chat.room.purged"), 1);
    EXPECT_EQ(Fetch(sent.at("large_url")).status, 404);
}

TEST_F(MediaApi, CollectionRemovesOrphansAndReleasedPhotosWithTheirFilesAndKeepsAttachedOnes) {
    const User seller = NewUser(server_, "gc_seller");
    const auto orphan = UploadOne(seller, "orphan.jpg", images::Jpeg(90, 60));
    const auto kept = UploadOne(seller, "kept.jpg", images::Jpeg(91, 60));
    const auto dropped = UploadOne(seller, "dropped.jpg", images::Jpeg(92, 60));
    ASSERT_EQ(LocalFileCount(server_), 9);
    Publish(market::PostCreated{.post_id = 9, .seller_id = seller.id, .title = "선인장", .photo_ids = {Id(kept), Id(dropped)}});
    ASSERT_TRUE(WaitFor([&] { return Handled(server_, "post.created") == 1; }));
    Publish(market::PostUpdated{.post_id = 9, .seller_id = seller.id, .title = "선인장", .state = "selling", .photo_ids = {Id(kept)}});
    ASSERT_TRUE(WaitFor([&] { return FindPhoto(server_, Id(dropped))->released; }));

    // The released photo goes at the next run; the orphan is not 24 hours old yet. The clock moves a period
    // at each look, since a move made while a run is still going would only schedule the next slot.
    const auto advancing = [&](const std::function<bool()>& done) {
        return WaitFor([&] {
            server_.Clock().Advance(std::chrono::seconds(61));
            return done();
        });
    };
    ASSERT_TRUE(advancing([&] { return !FindPhoto(server_, Id(dropped)) && LocalFileCount(server_) == 6; }));
    EXPECT_TRUE(FindPhoto(server_, Id(orphan)));
    EXPECT_EQ(Fetch(dropped.at("large_url")).status, 404);

    const auto pending = [&] {
        return server_.App().DatabaseOf("media").ReadNow(
            [](sql::Connection& c) { return c.Query("SELECT COUNT(*) FROM photo_file_deletions")[0][0].AsInt(); });
    };
    server_.Clock().Advance(std::chrono::hours(24));
    ASSERT_TRUE(advancing([&] { return !FindPhoto(server_, Id(orphan)) && pending() == 0; }));
    EXPECT_EQ(LocalFileCount(server_), 3);
    EXPECT_EQ(Fetch(orphan.at("large_url")).status, 404);
    EXPECT_EQ(Fetch(orphan.at("original_url")).status, 404);
    EXPECT_TRUE(FindPhoto(server_, Id(kept)));  // attached: kept however old
    EXPECT_EQ(Fetch(kept.at("large_url")).status, 200);
}

TEST_F(MediaApi, InternalLookupAnswersOnlyServiceCredentials) {
    const User user = NewUser(server_, "looked_up");
    const auto photo = UploadOne(user, "a.jpg", images::Jpeg(120, 80));
    const std::string path = "/internal/v1/media/photos?ids=" + std::to_string(Id(photo)) + ",999";
    EXPECT_EQ(client_.Get(path).Code(), "auth.service_credential_required");
    EXPECT_EQ(client_.Get(path, {user.bearer}).Code(), "auth.service_credential_required");
    auth::ServiceCredentials forged(std::string(48, 'x'), server_.Clock());
    EXPECT_EQ(client_.Get(path, {"Authorization: Service " + forged.For("market")}).status, 401);

    auth::ServiceCredentials real(kServiceSecret, server_.Clock());
    const auto found = client_.Get(path, {"Authorization: Service " + real.For("market")});
    ASSERT_EQ(found.status, 200) << found.body;
    const auto items = found.Json().at("items").as_array();
    ASSERT_EQ(items.size(), 1U);
    const PhotoInfo info = PhotoInfo::FromJson(items.at(0).as_object());
    EXPECT_EQ(info.id, Id(photo));
    EXPECT_EQ(info.owner_id, user.id);
    EXPECT_TRUE(info.ready);
    EXPECT_EQ(info.width, 120);
    EXPECT_EQ(info.thumbnail_url, std::string(photo.at("thumbnail_url").as_string()));
    EXPECT_FALSE(info.post_id);
    EXPECT_FALSE(info.room_id);
    EXPECT_FALSE(photo.contains("post_id"));  // what holds a photo is not in the public upload answer
    EXPECT_EQ(client_.Get("/internal/v1/media/photos?ids=1,x", {"Authorization: Service " + real.For("market")}).status, 422);
}

TEST_F(MediaApi, ServingRefusesWhatIsNotAStoredFile) {
    EXPECT_EQ(client_.Get("/media/p/" + std::string(64, 'a') + "/320.webp").status, 404);
    EXPECT_EQ(client_.Get("/media/p/../320.webp").status, 404);
    EXPECT_EQ(client_.Get("/media/p/" + std::string(64, 'a') + "/secrets.toml").status, 404);
    EXPECT_EQ(client_.Get("/media/p/" + std::string(64, 'A') + "/320.webp").status, 404);
}

TEST_F(MediaApi, MetricsShowThePoolAndStorage) {
    const User user = NewUser(server_, "metric_fan");
    UploadOne(user, "a.jpg", images::Jpeg(40, 40));
    const auto metrics = client_.Get("/metrics").body;
    EXPECT_NE(metrics.find("sikgu_media_pool_queued"), std::string::npos);
    EXPECT_NE(metrics.find("sikgu_media_pool_running"), std::string::npos);
    EXPECT_NE(metrics.find("sikgu_media_images_total{outcome=\"processed\"} 1"), std::string::npos);
    EXPECT_NE(metrics.find("sikgu_media_storage_errors_total{backend=\"local\"} 0"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::media

namespace sikgu::media {
namespace {

// Storage that fails (S3 at a port nobody listens on): the upload is refused with 503 and leaves no row.
TEST(MediaStorageFailure, UploadIsRefusedAndNothingIsKept) {
    test::TestServer server(
        "[media]\nstorage = \"s3\"\ns3_endpoint = \"http://127.0.0.1:9\"\ns3_bucket = \"b\"\n"
        "s3_access_key = \"k\"\ns3_secret_key = \"s\"\ns3_timeout_seconds = 2\n");
    const User user = NewUser(server, "unlucky_user");
    auto client = server.Client();
    const auto r = Upload(client, user, {{"a.jpg", images::Jpeg(64, 64)}});
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.Code(), "media.storage_unavailable");
    EXPECT_FALSE(r.Header("retry-after").empty());
    EXPECT_TRUE(AllPhotos(server).empty());
    const auto metrics = client.Get("/metrics").body;
    EXPECT_EQ(metrics.find("sikgu_media_storage_errors_total{backend=\"s3\"} 0"), std::string::npos);
    EXPECT_NE(metrics.find("sikgu_media_storage_errors_total{backend=\"s3\"}"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::media
