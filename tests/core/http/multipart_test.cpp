#include "core/http/multipart.hpp"

#include <gtest/gtest.h>

namespace sikgu::http {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----sikgu42";

std::string Body(const std::vector<std::string>& parts) {
    std::string body;
    for (const auto& p : parts) body += "------sikgu42\r\n" + p + "\r\n";
    return body + "------sikgu42--\r\n";
}

TEST(Multipart, ParsesFieldsAndFiles) {
    const std::string body = Body({
        "Content-Disposition: form-data; name=\"title\"\r\n\r\n몬스테라 분양해요",
        "Content-Disposition: form-data; name=\"photo\"; filename=\"leaf.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        "\xff\xd8\xff\r\n--not-a-boundary\r\nstill data",
    });
    const auto parts = ParseMultipart(kType, body);
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 2U);
    EXPECT_EQ((*parts)[0].name, "title");
    EXPECT_FALSE((*parts)[0].filename);
    EXPECT_EQ((*parts)[0].data, "몬스테라 분양해요");
    EXPECT_EQ((*parts)[1].name, "photo");
    EXPECT_EQ((*parts)[1].filename, "leaf.jpg");
    EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
    EXPECT_EQ((*parts)[1].data, "\xff\xd8\xff\r\n--not-a-boundary\r\nstill data");
}

TEST(Multipart, AcceptsQuotedBoundariesAndEmptyBodies) {
    EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"a b\""), "a b");
    EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;boundary=xyz"), "xyz");
    EXPECT_FALSE(MultipartBoundary("application/json"));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
    const auto none = ParseMultipart(kType, "------sikgu42--\r\n");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST(Multipart, RejectsMalformedBodies) {
    EXPECT_FALSE(ParseMultipart(kType, "no delimiter at all"));
    EXPECT_FALSE(ParseMultipart(kType, "------sikgu42\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"));
    EXPECT_FALSE(ParseMultipart(kType, Body({"Content-Disposition: form-data\r\n\r\nno name"})));
    EXPECT_FALSE(ParseMultipart(kType, Body({"Content-Type: text/plain\r\n\r\nno disposition"})));
    EXPECT_FALSE(ParseMultipart(kType, Body({"Content-Disposition: attachment; name=\"a\"\r\n\r\nx"})));
    EXPECT_FALSE(ParseMultipart(kType, Body({"Content-Disposition: form-data; name=\"a\xff\"\r\n\r\nx"})));
}

TEST(Multipart, EnforcesLimits) {
    std::vector<std::string> many(5, "Content-Disposition: form-data; name=\"f\"\r\n\r\nv");
    EXPECT_TRUE(ParseMultipart(kType, Body(many), {.max_parts = 5}));
    EXPECT_FALSE(ParseMultipart(kType, Body(many), {.max_parts = 4}));
    const std::string big_header = "Content-Disposition: form-data; name=\"" + std::string(5000, 'n') + "\"\r\n\r\nv";
    EXPECT_FALSE(ParseMultipart(kType, Body({big_header})));
}

}  // namespace
}  // namespace sikgu::http
