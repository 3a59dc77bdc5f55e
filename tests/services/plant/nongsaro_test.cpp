#include "services/plant/catalogue/nongsaro.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "services/plant/catalogue/catalogue_json.hpp"
#include "support/test_server.hpp"

namespace sikgu::plant {
namespace {

const std::filesystem::path kFixture = test::SourcePath("tests/fixtures/nongsaro");

// The same fixture served as the live API would (XML) and as the JSON dumps are.
NongsaroSource XmlOnly() {
    return [](const std::string& no) {
        std::ifstream in(kFixture / (no.empty() ? "gardenList.xml" : "gardenDtl_" + no + ".xml"));
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
}
NongsaroSource JsonOnly() {
    return [](const std::string& no) {
        std::ifstream in(kFixture / (no.empty() ? "gardenList.json" : "plantDtl_" + no + ".json"));
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
}

const Plant& ById(const std::vector<Plant>& plants, std::int64_t id) {
    const auto it = std::find_if(plants.begin(), plants.end(), [&](const Plant& p) { return p.id == id; });
    if (it == plants.end()) throw std::runtime_error("missing plant");
    return *it;
}

TEST(Nongsaro, XmlAndJsonDumpsGiveTheSamePlants) {
    const auto from_xml = ImportNongsaro(XmlOnly());
    const auto from_json = ImportNongsaro(JsonOnly());
    ASSERT_EQ(from_xml.size(), 3U);
    EXPECT_EQ(from_xml, from_json);
}

TEST(Nongsaro, HandlesTheKnownQuirks) {
    const auto plants = ImportNongsaro(XmlOnly());
    const Plant& fern = ById(plants, 90001);
    EXPECT_EQ(fern.name_ko, "테스트고사리");  // trailing space trimmed
    EXPECT_EQ(fern.light, (std::vector<std::string>{"low", "medium"}));  // "800~1,500" is not split
    EXPECT_EQ(fern.difficulty, "beginner");
    EXPECT_EQ(fern.watering.spring, "moist");
    EXPECT_EQ(fern.placement, (std::vector<std::string>{"dark_indoor", "living_inner"}));
    EXPECT_EQ(fern.height_cm, 35);
    EXPECT_EQ(fern.images.front(), "90001_MF_REPR_ATTACH_01.jpg");  // representative first

    const Plant& wilma = ById(plants, 90002);
    EXPECT_EQ(wilma.name_ko, "테스트 '윌마'");
    EXPECT_EQ(wilma.categories, (std::vector<std::string>{"leaf", "flower"}));
    EXPECT_FALSE(wilma.difficulty);
    EXPECT_EQ(wilma.images.front(), "90002_MF_REPR_ATTACH_01.jpg");
    EXPECT_EQ(wilma.images.size(), 4U);

    const Plant& cactus = ById(plants, 90003);
    EXPECT_EQ(cactus.categories, (std::vector<std::string>{"leaf", "succulent"}));
    EXPECT_FALSE(cactus.watering.spring);
    EXPECT_FALSE(cactus.watering.winter);
    EXPECT_EQ(cactus.winter_min_c, 0);
    EXPECT_EQ(cactus.difficulty, "expert");
    ASSERT_TRUE(cactus.name_en);
    EXPECT_EQ(cactus.name_en->find('<'), std::string::npos);  // markup stripped from names
    EXPECT_FALSE(cactus.care_tip);  // Nongsaro's sentences are never taken
}

TEST(Nongsaro, RefusesFailedResponsesAndGarbage) {
    EXPECT_THROW(ParseNongsaroItems(
                     "<response><header><resultCode>99</resultCode><resultMsg>SERVICE KEY IS NOT "
                     "REGISTERED</resultMsg></header></response>"),
                 CatalogueError);
    EXPECT_THROW(ParseNongsaroItems("<response><unclosed>"), CatalogueError);
    EXPECT_THROW(ParseNongsaroItems("{\"nope\":1}"), CatalogueError);
    EXPECT_THROW(ParseNongsaroItems("\xff\xfe"), CatalogueError);
    EXPECT_THROW(DirectorySource(kFixture)("../../etc/passwd"), CatalogueError);
}

// The real dump of the Nongsaro API: in the shared data folder beside the checkout, or SIKGU_NONGSARO_DUMP.
TEST(Nongsaro, ReadsTheWholeRealDumpConsistentlyWithTheShippedCatalogue) {
    const char* configured = std::getenv("SIKGU_NONGSARO_DUMP");
    const auto dump = configured != nullptr ? std::filesystem::path(configured) : test::SourcePath("../shared/data/nongsaro");
    SIKGU_REQUIRE_PREREQUISITE(std::filesystem::exists(dump / "response.json"),
                               "the Nongsaro API dump at " + dump.string() + " (or set SIKGU_NONGSARO_DUMP)");
    const auto imported = ImportNongsaro(DirectorySource(dump));
    ASSERT_EQ(imported.size(), 217U);
    std::ifstream in(test::SourcePath("data/plants/catalogue.json"));
    std::stringstream text;
    text << in.rdbuf();
    const auto shipped = ParseCatalogue(text.str());
    ASSERT_EQ(shipped.size(), 217U);
    for (const Plant& s : shipped) {
        Plant facts = ById(imported, s.id);
        // Texts and pet safety are sikgu's own; every fact must agree with Nongsaro.
        facts.pet_safe = s.pet_safe;
        facts.toxicity_note = s.toxicity_note;
        facts.care_tip = s.care_tip;
        facts.care_tip_en = s.care_tip_en;
        EXPECT_EQ(facts, s) << "plant " << s.id << " " << s.name_ko;
    }
}

TEST(Catalogue, ShippedCatalogueIsCompleteAndValid) {
    std::ifstream in(test::SourcePath("data/plants/catalogue.json"));
    std::stringstream text;
    text << in.rdbuf();
    const auto plants = ParseCatalogue(text.str());
    EXPECT_EQ(plants.size(), 217U);
    for (const auto& p : plants) {
        EXPECT_TRUE(p.care_tip && !p.care_tip->empty()) << p.id;
        EXPECT_FALSE(p.categories.empty()) << p.id;
    }
}

TEST(Catalogue, RejectsUnknownEnumValues) {
    EXPECT_THROW(ParseCatalogue(R"({"plants":[{"nongsaro_id":1,"name_ko":"가","scientific_name":"A",
        "categories":["tree"]}]})"),
                 CatalogueError);
    EXPECT_THROW(ParseCatalogue(R"({"plants":[{"nongsaro_id":1,"name_ko":"가","scientific_name":"A"},
        {"nongsaro_id":1,"name_ko":"나","scientific_name":"B"}]})"),
                 CatalogueError);
}

TEST(Catalogue, JsonRoundTrips) {
    const auto plants = ImportNongsaro(XmlOnly());
    for (const auto& p : plants) EXPECT_EQ(PlantFromJson(PlantToJson(p)), p);
}

}  // namespace
}  // namespace sikgu::plant
