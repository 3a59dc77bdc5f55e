#include "core/util/search_text.hpp"

#include <gtest/gtest.h>

#include "core/sql/sqlite.hpp"

namespace sikgu {
namespace {

TEST(SearchText, FoldsCaseWidthAndHangulCompositionAndDropsSpacing) {
    EXPECT_EQ(SearchKey("Monstera ALBO"), "monsteraalbo");
    EXPECT_EQ(SearchKey("ＡＢＣ１２３"), "abc123");  // full-width forms
    // 몬 written as conjoining jamo (ᄆ ᅩ ᆫ), as some keyboards and macOS produce it.
    EXPECT_EQ(SearchKey("\u1106\u1169\u11AB스테라"), "몬스테라");
    EXPECT_EQ(SearchKey("몬스테라, 알보!! (대품)"), "몬스테라알보대품");
    EXPECT_EQ(SearchKey("%_'\"--;"), "");
}

TEST(SearchText, TermsAreUnigramsAndBigramsOnce) {
    EXPECT_EQ(SearchTerms("아아아"), (std::vector<std::string>{"아", "아아"}));
    EXPECT_EQ(QueryTerms("꽃"), (std::vector<std::string>{"꽃"}));
    EXPECT_EQ(QueryTerms("화분"), (std::vector<std::string>{"화분"}));
    EXPECT_EQ(QueryTerms("몬스테라"), (std::vector<std::string>{"몬스", "스테", "테라"}));
}

class NgramTokenizer : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = sql::OpenSqlite({":memory:"});
        db_->ExecuteScript("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='sikgu_ngram')");
        int id = 0;
        for (const char* body : {"몬스테라 알보 대품 팝니다", "작은 화분 나눔", "꽃 화분", "Monstera deliciosa cutting",
                                 "스투키 (산세베리아)"}) {
            db_->Execute("INSERT INTO t (rowid, body) VALUES (?, ?)", {++id, body});
        }
    }
    std::vector<std::int64_t> Match(const std::string& query) {
        std::vector<std::int64_t> ids;
        for (const auto& row : db_->Query("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", {query})) {
            ids.push_back(row[0].AsInt());
        }
        return ids;
    }
    std::unique_ptr<sql::Connection> db_;
};

TEST_F(NgramTokenizer, FindsTermsOfEveryLengthAsSubstrings) {
    EXPECT_EQ(Match("\"꽃\""), (std::vector<std::int64_t>{3}));
    EXPECT_EQ(Match("\"화분\""), (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(Match("\"스테라\""), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(Match("\"몬스테라알보\""), (std::vector<std::int64_t>{1}));  // spacing does not matter
    EXPECT_EQ(Match("\"MONSTERA\""), (std::vector<std::int64_t>{4}));
    EXPECT_EQ(Match("\"세베리\""), (std::vector<std::int64_t>{5}));
    EXPECT_EQ(Match("\"작은\" \"화분\""), (std::vector<std::int64_t>{2}));  // terms combine with AND
}

TEST_F(NgramTokenizer, NeedsTheCharactersInOrderAndAdjacent) {
    EXPECT_TRUE(Match("\"라테스몬\"").empty());
    EXPECT_TRUE(Match("\"몬테\"").empty());  // 몬 and 테 are both there, not next to each other
    EXPECT_TRUE(Match("\"선인장\"").empty());
}

}  // namespace
}  // namespace sikgu
