#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "support/test_server.hpp"

namespace sikgu::plant {
namespace {

std::vector<std::string> Names(const test::HttpResult& r) {
    std::vector<std::string> names;
    const auto json = r.Json();
    for (const auto& item : json.at("items").as_array()) names.emplace_back(item.at("name_ko").as_string());
    return names;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

class PlantApi : public ::testing::Test {
protected:
    test::TestServer server_;
    test::HttpClient client_ = server_.Client();
};

TEST_F(PlantApi, SearchesKoreanNamesIncludingShortTermsAndInitials) {
    for (const char* q : {"%EB%AA%AC%EC%8A%A4",  // 몬스
                          "%E3%85%81%E3%85%85%E3%85%8C%E3%84%B9",  // ㅁㅅㅌㄹ
                          "monstera", "Monstera%20deliciosa"}) {
        const auto r = client_.Get(std::string("/api/v1/plants?q=") + q);
        ASSERT_EQ(r.status, 200) << q;
        EXPECT_TRUE(Contains(Names(r), "몬스테라")) << q;
    }
}

TEST_F(PlantApi, SqlMetacharactersInEveryParameterAreHarmless) {
    for (const char* param : {"q", "category", "difficulty", "light", "watering", "pet_safe", "cursor", "limit"}) {
        const auto r = client_.Get(std::string("/api/v1/plants?") + param + "=%27%20OR%201%3D1%20--%3B%20DROP");
        EXPECT_TRUE(r.status == 200 || r.status == 400 || r.status == 422) << param << " " << r.status;
        if (r.status == 200) {
            EXPECT_TRUE(r.Json().at("items").as_array().empty()) << param;
        }
    }
    EXPECT_EQ(client_.Get("/api/v1/plants?limit=100").Json().at("items").as_array().size(), 100U);
}

TEST_F(PlantApi, PagesThroughTheWholeCatalogueOnce) {
    std::set<std::string> seen;
    std::string path = "/api/v1/plants?limit=50";
    for (int guard = 0; guard < 10; ++guard) {
        const auto r = client_.Get(path);
        ASSERT_EQ(r.status, 200);
        const auto page = r.Json();
        for (const auto& item : page.at("items").as_array()) {
            EXPECT_TRUE(seen.insert(std::string(item.at("id").as_string())).second);
        }
        if (page.at("next_cursor").is_null()) break;
        path = "/api/v1/plants?limit=50&cursor=" + std::string(page.at("next_cursor").as_string());
    }
    EXPECT_EQ(seen.size(), 217U);
}

TEST_F(PlantApi, FiltersByCategoryDifficultyLightWateringAndPetSafety) {
    const auto r = client_.Get("/api/v1/plants?category=succulent&limit=100");
    ASSERT_EQ(r.status, 200);
    const auto json = r.Json();
    const auto& items = json.at("items").as_array();
    ASSERT_FALSE(items.empty());
    for (const auto& item : items) {
        const auto& categories = item.at("categories").as_array();
        EXPECT_NE(std::find(categories.begin(), categories.end(), boost::json::value("succulent")), categories.end());
    }
    const auto combined = client_.Get("/api/v1/plants?difficulty=beginner&light=low&watering=surface_dry&limit=100");
    ASSERT_EQ(combined.status, 200);
    const auto combined_json = combined.Json();
    for (const auto& item : combined_json.at("items").as_array()) {
        EXPECT_EQ(item.at("difficulty"), "beginner");
        const auto& light = item.at("light").as_array();
        EXPECT_NE(std::find(light.begin(), light.end(), boost::json::value("low")), light.end());
    }
    const auto safe = client_.Get("/api/v1/plants?pet_safe=true&limit=100");
    const auto safe_json = safe.Json();
    for (const auto& item : safe_json.at("items").as_array()) EXPECT_EQ(item.at("pet_safe"), true);
}

TEST_F(PlantApi, ValidatesParameters) {
    const auto r = client_.Get("/api/v1/plants?category=tree&limit=500&pet_safe=maybe");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.Code(), "validation.failed");
    std::set<std::string> fields;
    const auto problem = r.Json();
    for (const auto& e : problem.at("errors").as_array()) fields.insert(std::string(e.at("field").as_string()));
    EXPECT_EQ(fields, (std::set<std::string>{"category", "limit", "pet_safe"}));
    EXPECT_EQ(client_.Get("/api/v1/plants?cursor=bm9wZQ").Code(), "plant.invalid_cursor");
    EXPECT_EQ(client_.Get("/api/v1/plants?q=" + std::string(60, 'a')).status, 422);
}

TEST_F(PlantApi, DetailCarriesCareFactsAndAttribution) {
    const auto r = client_.Get("/api/v1/plants/16449");
    ASSERT_EQ(r.status, 200);
    const auto p = r.Json();
    EXPECT_EQ(p.at("name_ko"), "몬스테라");
    EXPECT_EQ(p.at("source"), "출처: 농촌진흥청 농사로");
    EXPECT_TRUE(p.at("watering").is_object());
    EXPECT_TRUE(p.at("image_url").is_null());
    const auto& lux = p.at("light_lux").as_array();
    ASSERT_EQ(lux.size(), 2U);  // medium and high
    EXPECT_EQ(lux[0].at("min"), 800);
    EXPECT_EQ(lux[1].at("max"), 10000);
    EXPECT_EQ(client_.Get("/api/v1/plants/1").Code(), "plant.not_found");
    EXPECT_EQ(client_.Get("/api/v1/plants/abc").status, 404);
}

}  // namespace
}  // namespace sikgu::plant
