#include "services/account/domain/account_rules.hpp"

#include <gtest/gtest.h>

namespace sikgu::account {
namespace {

TEST(AccountRules, Usernames) {
    EXPECT_FALSE(CheckUsername("plant_lover"));
    EXPECT_FALSE(CheckUsername("Plant_Lover"));  // folded before the check
    EXPECT_EQ(CheckUsername("abc"), "validation.too_short");
    EXPECT_EQ(CheckUsername(std::string(21, 'a')), "validation.too_long");
    EXPECT_EQ(CheckUsername("plant-lover"), "validation.invalid_format");
    EXPECT_EQ(CheckUsername("식물사랑"), "validation.invalid_format");
}

TEST(AccountRules, Nicknames) {
    EXPECT_FALSE(CheckNickname("초록이"));
    EXPECT_FALSE(CheckNickname("green thumb"));
    EXPECT_EQ(CheckNickname("초"), "validation.too_short");
    EXPECT_EQ(CheckNickname("가나다라마바사아자차카타파하가나다"), "validation.too_long");
    EXPECT_EQ(CheckNickname("a\tb"), "validation.invalid_format");
    EXPECT_EQ(CheckNickname(" ab"), "validation.invalid_format");
}

TEST(AccountRules, Emails) {
    EXPECT_FALSE(CheckEmail("a@example.com"));
    EXPECT_EQ(CheckEmail("a@b"), "validation.invalid_format");
    EXPECT_EQ(CheckEmail("no-at.example.com"), "validation.invalid_format");
    EXPECT_EQ(CheckEmail("a@@example.com"), "validation.invalid_format");
    EXPECT_EQ(CheckEmail("a@example.com\r\nBcc: x@y.z"), "validation.invalid_format");
    EXPECT_EQ(CheckEmail("<a>@example.com"), "validation.invalid_format");
}

TEST(AccountRules, Passwords) {
    EXPECT_FALSE(CheckPassword("garden123", "plant_lover"));
    EXPECT_FALSE(CheckPassword("초록초록초록!!", "plant_lover"));
    EXPECT_EQ(CheckPassword("short1", "u"), "validation.too_short");
    EXPECT_EQ(CheckPassword("onlyletters", "u"), "validation.password_weak");
    EXPECT_EQ(CheckPassword("12345678", "u"), "validation.password_weak");
    EXPECT_EQ(CheckPassword("Plant_Lover1", "plant_lover1"), "validation.password_equals_username");
    EXPECT_EQ(CheckPassword(std::string(65, 'a') + "1", "u"), "validation.too_long");
}

TEST(AccountRules, KeysFoldCase) {
    EXPECT_EQ(UsernameKey("Plant_Lover"), "plant_lover");
    EXPECT_EQ(EmailKey("A@Example.COM"), "a@example.com");
    EXPECT_EQ(NicknameKey("Green"), NicknameKey("green"));
}

}  // namespace
}  // namespace sikgu::account
