#include "core/obs/metrics.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace sikgu::obs {
namespace {

bool Contains(const std::string& text, const std::string& line) { return text.find(line + "\n") != std::string::npos; }

TEST(Metrics, CountsRequestsByStatusAndBucketsLatencies) {
    Metrics metrics;
    metrics.ObserveRequest("/a", "GET", 200, 0.0004);
    metrics.ObserveRequest("/a", "GET", 200, 0.003);
    metrics.ObserveRequest("/a", "GET", 404, 7.0);
    metrics.ObserveRequest("", "POST", 404, 0.0001);
    const std::string text = metrics.Serialize();
    EXPECT_TRUE(Contains(text, R"(sikgu_http_requests_total{method="GET",route="/a",status="200"} 2)")) << text;
    EXPECT_TRUE(Contains(text, R"(sikgu_http_requests_total{method="GET",route="/a",status="404"} 1)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_requests_total{method="POST",route="unmatched",status="404"} 1)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_request_duration_seconds_bucket{method="GET",route="/a",le="0.0005"} 1)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_request_duration_seconds_bucket{method="GET",route="/a",le="0.005"} 2)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_request_duration_seconds_bucket{method="GET",route="/a",le="2.5"} 2)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_request_duration_seconds_bucket{method="GET",route="/a",le="+Inf"} 3)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_request_duration_seconds_count{method="GET",route="/a"} 3)"));
}

TEST(Metrics, ARouteWithManyDistinctStatusesKeepsCountingThemAll) {
    Metrics metrics;
    for (int status = 200; status < 230; ++status) metrics.ObserveRequest("/many", "GET", status, 0.001);
    const std::string text = metrics.Serialize();
    EXPECT_TRUE(Contains(text, R"(sikgu_http_requests_total{method="GET",route="/many",status="200"} 1)"));
    EXPECT_TRUE(Contains(text, R"(sikgu_http_requests_total{method="GET",route="/many",status="other"} 14)")) << text;
}

TEST(Metrics, ConcurrentObservationsAreNotLost) {
    Metrics metrics;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&metrics, t] {
            for (int i = 0; i < 20000; ++i) metrics.ObserveRequest("/hot", "GET", 200 + (i + t) % 3, 0.001);
        });
    }
    for (auto& thread : threads) thread.join();
    const std::string text = metrics.Serialize();
    EXPECT_TRUE(Contains(text, R"(sikgu_http_request_duration_seconds_count{method="GET",route="/hot"} 160000)")) << text;
    std::uint64_t total = 0;
    for (const int status : {200, 201, 202}) {
        const std::string prefix =
            R"(sikgu_http_requests_total{method="GET",route="/hot",status=")" + std::to_string(status) + "\"} ";
        const auto at = text.find(prefix);
        ASSERT_NE(at, std::string::npos) << status;
        total += std::stoull(text.substr(at + prefix.size()));
    }
    EXPECT_EQ(total, 160000U);
}

}  // namespace
}  // namespace sikgu::obs
