#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>

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
    // Every id a query returns, through all its pages.
    std::set<std::string> AllIds(const std::string& query) {
        std::set<std::string> ids;
        std::string path = "/api/v1/plants?limit=100&" + query;
        for (int guard = 0; guard < 10; ++guard) {
            const auto r = client_.Get(path);
            EXPECT_EQ(r.status, 200) << path;
            if (r.status != 200) break;
            const auto page = r.Json();
            for (const auto& item : page.at("items").as_array()) ids.emplace(item.at("id").as_string());
            if (page.at("next_cursor").is_null()) break;
            path = "/api/v1/plants?limit=100&" + query + "&cursor=" + std::string(page.at("next_cursor").as_string());
        }
        return ids;
    }

    test::TestServer server_;
    test::HttpClient client_ = server_.Client();
};

// The shipped catalogue as the test reads it, independently of the server.
boost::json::array CataloguePlants() {
    std::ifstream in(test::SourcePath("data/plants/catalogue.json"));
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str()).at("plants").as_array();
}

// Hangul syllables and jamo are three-byte UTF-8; other characters come out as something no Hangul test matches.
std::u32string DecodeThreeByteUtf8(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xF0) == 0xE0 && i + 2 < text.size()) {
            out += static_cast<char32_t>(((b & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F));
            i += 3;
        } else {
            out += U'?';
            ++i;
        }
    }
    return out;
}

std::string PercentEncode(std::string_view text) {
    std::string out;
    for (const unsigned char c : text) out += fmt::format("%{:02X}", c);
    return out;
}

TEST_F(PlantApi, SearchesKoreanNamesIncludingShortTermsAndInitials) {
    for (const char* q : {"%EB%AA%AC%EC%8A%A4",  // 몬스
                          "%E3%85%81%E3%85%85%E3%85%8C%E3%84%B9",  // ㅁㅅㅌㄹ
                          "monstera", "Monstera%20deliciosa"}) {
        const auto r = client_.Get(std::string("/api/v1/plants?q=") + q);
        ASSERT_EQ(r.status, 200) << q;
        EXPECT_TRUE(Contains(Names(r), "몬스테라")) << q;
    }
}

// Each of the 19 leading consonants, the five double ones included, finds exactly the species whose Korean name
// has a syllable it begins — computed here from the catalogue with the consonant table written out by hand.
TEST_F(PlantApi, EveryInitialConsonantFindsExactlyTheNamesWithIt) {
    const std::u32string consonants = U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    const auto plants = CataloguePlants();
    int non_empty = 0;
    for (std::size_t i = 0; i < consonants.size(); ++i) {
        std::set<std::string> expected;
        for (const auto& plant : plants) {
            const std::u32string name = DecodeThreeByteUtf8(plant.at("name_ko").as_string());
            for (const char32_t cp : name) {
                if (cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) / 588 == i) {
                    expected.insert(std::to_string(plant.at("nongsaro_id").as_int64()));
                    break;
                }
            }
        }
        std::string jamo;
        const char32_t cp = consonants[i];
        jamo += static_cast<char>(0xE0 | (cp >> 12));
        jamo += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        jamo += static_cast<char>(0x80 | (cp & 0x3F));
        EXPECT_EQ(AllIds("q=" + PercentEncode(jamo)), expected) << jamo;
        if (!expected.empty()) ++non_empty;
    }
    EXPECT_GE(non_empty, 15);  // the catalogue has names for nearly all of them, 꽃 (ㄲ) among them
}

// The watering filter (spring watering) returns exactly the species with that code.
TEST_F(PlantApi, TheWateringFilterReturnsExactlyTheMatchingSpecies) {
    const auto plants = CataloguePlants();
    int non_empty = 0;
    for (const char* code : {"wet", "moist", "surface_dry", "mostly_dry"}) {
        std::set<std::string> expected;
        for (const auto& plant : plants) {
            const auto* watering = plant.at("watering").as_object().if_contains("spring");
            if (watering != nullptr && watering->is_string() && watering->as_string() == code) {
                expected.insert(std::to_string(plant.at("nongsaro_id").as_int64()));
            }
        }
        EXPECT_EQ(AllIds(std::string("watering=") + code), expected) << code;
        if (!expected.empty()) ++non_empty;
    }
    EXPECT_GE(non_empty, 2);
    EXPECT_EQ(client_.Get("/api/v1/plants?watering=flooded").status, 422);
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
