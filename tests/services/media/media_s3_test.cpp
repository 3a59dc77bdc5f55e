#include <gtest/gtest.h>

#include <curl/curl.h>

#include <boost/json.hpp>
#include <cstdlib>

#include "services/media/media_test_support.hpp"

namespace sikgu::media {
namespace {

using namespace test_support;
namespace images = test_images;

std::string Env(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? "" : value;
}

// The status s3rver gives a signed HEAD of `object` in the test bucket (200 there, 404 gone).
long ObjectStatus(const std::string& object) {
    const std::string url = Env("SIKGU_TEST_S3_ENDPOINT") + "/" + Env("SIKGU_TEST_S3_BUCKET") + "/" + object;
    CURL* curl = curl_easy_init();
    curl_slist* headers = curl_slist_append(
        nullptr, "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:s3");
    curl_easy_setopt(curl, CURLOPT_USERPWD, "S3RVER:S3RVER");
    curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return status;
}

class MediaS3 : public ::testing::Test {
protected:
    void SetUp() override {
        SIKGU_REQUIRE_PREREQUISITE(!Env("SIKGU_TEST_S3_ENDPOINT").empty(),
                                   "an S3 server: run under tests/media/with_s3rver.sh (ctest media.s3)");
        server_ = std::make_unique<test::TestServer>(
            "[media]\nstorage = \"s3\"\ns3_endpoint = \"" + Env("SIKGU_TEST_S3_ENDPOINT") + "\"\ns3_bucket = \"" +
                Env("SIKGU_TEST_S3_BUCKET") +
                "\"\ns3_access_key = \"S3RVER\"\ns3_secret_key = \"S3RVER\"\ngc_period_seconds = 60\n",
            std::map<std::string, std::string>{{"core.job_tick_ms", "50"}});
    }
    std::unique_ptr<test::TestServer> server_;
};

TEST_F(MediaS3, UploadsAreStoredInTheBucketServedThroughSikguAndDeleted) {
    const User user = NewUser(*server_, "s3_user");
    auto client = server_->Client();
    const auto r = Upload(client, user, {{"a.jpg", images::Jpeg(1500, 1000, 6, true)}});
    ASSERT_EQ(r.status, 201) << r.body;
    const auto photo = r.Json().at("items").at(0).as_object();
    EXPECT_EQ(photo.at("width"), 1000);
    const auto stored = FindPhoto(*server_, std::stoll(std::string(photo.at("id").as_string())));
    ASSERT_TRUE(stored);
    const std::string prefix = "p/" + stored->content_key + "/";
    EXPECT_EQ(ObjectStatus(prefix + "original.jpg"), 200);
    EXPECT_EQ(ObjectStatus(prefix + "1080.webp"), 200);
    EXPECT_EQ(ObjectStatus(prefix + "320.webp"), 200);
    EXPECT_EQ(LocalFileCount(*server_), 0);  // nothing on the local disk

    // Served by sikgu itself (the bucket's address is not one users can reach), with the same headers.
    const auto large = client.Get(std::string(photo.at("large_url").as_string()));
    ASSERT_EQ(large.status, 200);
    EXPECT_EQ(large.Header("content-type"), "image/webp");
    EXPECT_EQ(large.Header("cache-control"), "public, max-age=31536000, immutable");
    const auto decoded = images::Decode(large.body);
    EXPECT_EQ(decoded.width, 720);
    EXPECT_EQ(decoded.height, 1080);
    EXPECT_TRUE(decoded.metadata.empty());

    EXPECT_EQ(client.Request("DELETE", "/api/v1/photos/" + std::string(photo.at("id").as_string()), "", {user.bearer}).status, 204);
    EXPECT_EQ(ObjectStatus(prefix + "original.jpg"), 404);
    EXPECT_EQ(ObjectStatus(prefix + "1080.webp"), 404);
    EXPECT_EQ(ObjectStatus(prefix + "320.webp"), 404);
    EXPECT_EQ(client.Get(std::string(photo.at("large_url").as_string())).status, 404);
}

TEST_F(MediaS3, CollectionDeletesOrphanObjects) {
    const User user = NewUser(*server_, "s3_orphan");
    auto client = server_->Client();
    const auto r = Upload(client, user, {{"a.png", images::PngWithAlpha(200, 100)}});
    ASSERT_EQ(r.status, 201) << r.body;
    const std::int64_t id = std::stoll(std::string(r.Json().at("items").at(0).at("id").as_string()));
    const std::string prefix = "p/" + FindPhoto(*server_, id)->content_key + "/";
    EXPECT_EQ(ObjectStatus(prefix + "original.png"), 200);
    server_->Clock().Advance(std::chrono::hours(24));
    ASSERT_TRUE(WaitFor([&] {
        server_->Clock().Advance(std::chrono::seconds(61));
        return !FindPhoto(*server_, id) && ObjectStatus(prefix + "320.webp") == 404;
    }));
    EXPECT_EQ(ObjectStatus(prefix + "original.png"), 404);
    EXPECT_EQ(ObjectStatus(prefix + "1080.webp"), 404);
    const auto metrics = client.Get("/metrics").body;
    EXPECT_NE(metrics.find("sikgu_media_storage_errors_total{backend=\"s3\"} 0"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::media
