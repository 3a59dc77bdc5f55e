#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sikgu::test {

struct HttpResult {
    long status = 0;
    std::multimap<std::string, std::string> headers;  // lower-case names
    std::string body;

    boost::json::value Json() const;
    /// The problem `code` of an error response ("" when there is none).
    std::string Code() const;
    std::string Header(const std::string& lower_name) const;
};

/// A small blocking HTTP/1.1 client over libcurl for component tests (keeps cookies per client).
class HttpClient {
public:
    explicit HttpClient(std::uint16_t port);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResult Request(const std::string& method, const std::string& path, const std::string& body = "",
                       std::vector<std::string> headers = {});
    HttpResult Get(const std::string& path, std::vector<std::string> headers = {});
    HttpResult PostJson(const std::string& path, const std::string& json, std::vector<std::string> headers = {});

private:
    std::uint16_t port_;
    void* curl_;
};

}  // namespace sikgu::test
