#include "services/plant/domain/plant_search.hpp"

#include <gtest/gtest.h>

#include <set>

namespace sikgu::plant {
namespace {

Plant Make(std::int64_t id, std::string ko, std::string en, std::vector<std::string> categories = {"leaf"}) {
    Plant p;
    p.id = id;
    p.name_ko = std::move(ko);
    p.name_en = std::move(en);
    p.scientific_name = "Genus species";
    p.categories = std::move(categories);
    return p;
}

PlantIndex Sample() {
    return PlantIndex({Make(1, "몬스테라", "Monstera"), Make(2, "무늬몬스테라", "Variegated monstera"),
                       Make(3, "스킨답서스", "Pothos"), Make(4, "산세베리아", "Snake plant", {"leaf", "succulent"}),
                       Make(5, "몬스테라 아단소니", "Monstera adansonii")});
}

std::vector<std::int64_t> Ids(const PlantPage& page) {
    std::vector<std::int64_t> ids;
    for (const auto* p : page.items) ids.push_back(p->id);
    return ids;
}

TEST(NameMatches, ShortHangulInitialsAndMixedQueries) {
    EXPECT_TRUE(NameMatches("몬스테라", "몬스"));
    EXPECT_TRUE(NameMatches("몬스테라", "몬"));
    EXPECT_TRUE(NameMatches("몬스테라", "ㅁㅅㅌㄹ"));
    EXPECT_TRUE(NameMatches("몬스테라", "몬ㅅ"));
    EXPECT_TRUE(NameMatches("몬스테라", "테라"));
    EXPECT_TRUE(NameMatches("Monstera deliciosa", "DELICIOSA"));
    EXPECT_TRUE(NameMatches("몬스테라 아단소니", "몬스테라아단"));  // spaces ignored
    EXPECT_FALSE(NameMatches("몬스테라", "ㅂㅅ"));
    EXPECT_FALSE(NameMatches("몬스테라", "라몬"));
}

// Every leading consonant, the double ones included, finds exactly the names with a syllable it begins:
// ㄲ finds 까치 but not 가지, and ㄱ finds 가지 but not 까치.
TEST(NameMatches, EveryLeadingConsonantMatchesOnlyItsOwnSyllables) {
    constexpr std::string_view kConsonants[19] = {"ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ",
                                                  "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"};
    constexpr std::string_view kSyllables[19] = {"각", "깍", "난", "닫", "딸", "랄", "맘", "밥", "빱", "삿",
                                                 "쌍", "앙", "잦", "짲", "찿", "캌", "탙", "팦", "핳"};
    for (int i = 0; i < 19; ++i) {
        for (int j = 0; j < 19; ++j) {
            const std::string name = "Plant " + std::string(kSyllables[j]) + " 1";
            EXPECT_EQ(NameMatches(name, kConsonants[i]), i == j) << kConsonants[i] << " in " << name;
            EXPECT_EQ(NameMatches(name, std::string("t") + std::string(kConsonants[i])), i == j);
        }
    }
}

TEST(PlantIndex, PrefixMatchesComeFirst) {
    const auto index = Sample();
    PlantQuery q;
    q.text = "몬스";
    const auto page = index.Search(q);
    ASSERT_TRUE(page);
    EXPECT_EQ(Ids(*page), (std::vector<std::int64_t>{1, 5, 2}));
}

TEST(PlantIndex, FiltersCombine) {
    const auto index = Sample();
    PlantQuery q;
    q.category = "succulent";
    EXPECT_EQ(Ids(*index.Search(q)), (std::vector<std::int64_t>{4}));
    q.text = "ㅅㅅ";
    EXPECT_EQ(Ids(*index.Search(q)), (std::vector<std::int64_t>{4}));
    q.text = "몬스";
    EXPECT_TRUE(index.Search(q)->items.empty());
}

TEST(PlantIndex, KeysetPagesVisitEveryPlantOnce) {
    std::vector<Plant> plants;
    for (int i = 1; i <= 57; ++i) plants.push_back(Make(i, "식물" + std::to_string(i % 7), "p"));
    const PlantIndex index(std::move(plants));
    for (const auto& text : {std::optional<std::string>{}, std::optional<std::string>{"식물"}}) {
        std::set<std::int64_t> seen;
        PlantQuery q;
        q.text = text;
        q.limit = 5;
        int pages = 0;
        while (true) {
            const auto page = index.Search(q);
            ASSERT_TRUE(page);
            for (const auto* p : page->items) EXPECT_TRUE(seen.insert(p->id).second) << "repeated " << p->id;
            ++pages;
            if (!page->next_cursor) break;
            q.after = page->next_cursor;
        }
        EXPECT_EQ(seen.size(), 57U);
        EXPECT_EQ(pages, 12);
    }
}

TEST(PlantIndex, ForeignCursorsAreRejected) {
    const auto index = Sample();
    PlantQuery q;
    q.after = "not-a-cursor!";
    EXPECT_FALSE(index.Search(q));
    q.after = "OTo5OTk6eA";  // well-formed base64 of "9:999:x": rank out of range
    EXPECT_FALSE(index.Search(q));
}

}  // namespace
}  // namespace sikgu::plant
