#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/auth/jwt.hpp"
#include "core/runtime/app.hpp"
#include "services/media/media_test_support.hpp"
#include "support/service_process.hpp"
#include "support/test_server.hpp"

namespace sikgu::market {
namespace {

const std::map<std::string, std::string> kSecrets = {{"core.auth.service_secret", std::string(48, 'q')},
                                                     {"core.auth.jwt_secret", std::string(48, 'j')}};

// Uploads a photo and lists a 몬스테라 with it on `server`; returns the listing as a buyer sees it.
boost::json::object ListAndRead(test::TestServer& server) {
    auto client = server.Client();
    const std::string bearer = "Authorization: Bearer " + server.App().ContextOf("market").tokens.Issue(42);
    const auto upload = media::test_support::Upload(client, {42, bearer}, {{"leaf.jpg", media::test_images::Jpeg(80, 60)}});
    EXPECT_EQ(upload.status, 201) << upload.body;
    const boost::json::value photos = upload.Json();
    const boost::json::object body{{"title", "몬스테라 삽수"},
                                   {"price", 12000},
                                   {"category", "plant"},
                                   {"species_id", "16449"},
                                   {"photo_ids", boost::json::array{photos.at("items").at(0).at("id")}}};
    const auto created =
        client.Request("POST", "/api/v1/market/listings", boost::json::serialize(body), {bearer, "Content-Type: application/json"});
    EXPECT_EQ(created.status, 201) << created.body;
    const auto read = client.Get("/api/v1/market/listings/" + std::string(created.Json().at("id").as_string()));
    EXPECT_EQ(read.status, 200) << read.body;
    boost::json::object listing = read.Json().as_object();
    // What differs between two servers by nature: ids, times and the photo's storage key.
    for (const char* key : {"id", "created_at", "bumped_at", "updated_at", "can_bump_at", "photos", "thumbnail_url"}) {
        listing.erase(key);
    }
    return listing;
}

// The marketplace with its photos in one process and the encyclopedia in another (the real binary,
// `--services plant`): a listing linked to a species reads the same as in the all-in-one shape, and with
// the encyclopedia down a new species link is refused with 503 while the listing itself still reads.
TEST(MarketSplit, AListingWithItsSpeciesReadsTheSameAcrossTwoProcesses) {
    test::TestServer all_in_one("", kSecrets);
    const auto expected = ListAndRead(all_in_one);
    ASSERT_EQ(expected.at("species_card").at("name_ko"), "몬스테라");

    test::ServiceProcess plant({"plant"}, kSecrets);
    auto env = kSecrets;
    env["core.peers.plant"] = plant.Url();
    test::TestServer market(test::TestServer::Options{.env = env, .services = {"account", "market", "media"}});
    EXPECT_EQ(ListAndRead(market), expected);

    plant.Kill();
    auto client = market.Client();
    const auto feed = client.Get("/api/v1/market/listings");
    ASSERT_EQ(feed.status, 200);
    const std::string id(feed.Json().at("items").at(0).at("id").as_string());
    const auto read = client.Get("/api/v1/market/listings/" + id);
    ASSERT_EQ(read.status, 200);
    EXPECT_TRUE(read.Json().at("species_card").is_null());  // the care card is left out, not an error
    EXPECT_EQ(read.Json().at("species").at("name_ko"), "몬스테라");
    const std::string bearer = "Authorization: Bearer " + market.App().ContextOf("market").tokens.Issue(42);
    const auto relink = client.Request("PATCH", "/api/v1/market/listings/" + id, R"({"species_id":"16449"})",
                                       {bearer, "Content-Type: application/json"});
    EXPECT_EQ(relink.Code(), "service.unavailable");
}

}  // namespace
}  // namespace sikgu::market
