#include "core/http/response_head.hpp"

#include <gtest/gtest.h>

namespace sikgu::http {
namespace {

std::string Head(const Response& response, unsigned version = 11, bool keep_alive = true) {
    std::string out = "left over from the previous response";
    WriteResponseHead(out, response, version, keep_alive);
    return out;
}

TEST(ResponseHead, WritesStatusTypeHeadersAndLength) {
    Response response = Text(201, "hello", "text/plain");
    response.SetHeader("X-Request-Id", "abc");
    const std::string head = Head(response);
    EXPECT_TRUE(head.starts_with("HTTP/1.1 201 Created\r\nDate: ")) << head;
    EXPECT_NE(head.find(" GMT\r\nContent-Type: text/plain\r\nX-Request-Id: abc\r\nContent-Length: 5\r\n\r\n"),
              std::string::npos)
        << head;
    EXPECT_TRUE(head.ends_with("\r\n\r\n"));
    EXPECT_EQ(head.find("Connection"), std::string::npos);
}

TEST(ResponseHead, NoContentLengthWhereTheStatusForbidsABody) {
    EXPECT_EQ(Head(NoContent()).find("Content-Length"), std::string::npos);
    Response not_modified;
    not_modified.status = 304;
    EXPECT_EQ(Head(not_modified).find("Content-Length"), std::string::npos);
    EXPECT_NE(Head(Text(200, "")).find("Content-Length: 0\r\n"), std::string::npos);
}

TEST(ResponseHead, ConnectionHeaderFollowsKeepAliveAndVersion) {
    EXPECT_NE(Head(Text(200, "x"), 11, false).find("\r\nConnection: close\r\n"), std::string::npos);
    EXPECT_NE(Head(Text(200, "x"), 10, true).find("\r\nConnection: keep-alive\r\n"), std::string::npos);
}

TEST(ResponseHead, DropsHeadersThatCouldSplitTheResponse) {
    Response response = Text(200, "x", "text/plain\r\nSet-Cookie: a=b");
    response.SetHeader("Location", "/ok\r\nSet-Cookie: session=stolen");
    response.SetHeader("Bad Name", "v");
    response.SetHeader("X-Bell", "ring\x07");
    response.SetHeader("content-length", "999");
    response.SetHeader("Transfer-Encoding", "chunked");
    response.SetHeader("X-Fine", "yes\twith a tab");
    const std::string head = Head(response);
    EXPECT_EQ(head.find("Set-Cookie"), std::string::npos) << head;
    EXPECT_EQ(head.find("Location"), std::string::npos);
    EXPECT_EQ(head.find("Bad Name"), std::string::npos);
    EXPECT_EQ(head.find("X-Bell"), std::string::npos);
    EXPECT_EQ(head.find("999"), std::string::npos) << "the writer owns the framing fields";
    EXPECT_EQ(head.find("chunked"), std::string::npos);
    EXPECT_NE(head.find("\r\nContent-Length: 1\r\n"), std::string::npos);
    EXPECT_NE(head.find("\r\nX-Fine: yes\twith a tab\r\n"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::http
