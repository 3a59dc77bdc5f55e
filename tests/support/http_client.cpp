#include "support/http_client.hpp"

#include <curl/curl.h>

#include <boost/json.hpp>
#include <stdexcept>

namespace sikgu::test {
namespace {
std::size_t Append(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}
std::size_t AppendHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* headers = static_cast<std::multimap<std::string, std::string>*>(user);
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
        headers->emplace(name, value);
    }
    return size * count;
}
}  // namespace

boost::json::value HttpResult::Json() const { return boost::json::parse(body); }

std::string HttpResult::Code() const {
    boost::system::error_code ec;
    const auto value = boost::json::parse(body, ec);
    if (ec || !value.is_object()) return "";
    const auto* code = value.as_object().if_contains("code");
    return code != nullptr && code->is_string() ? std::string(code->as_string()) : "";
}

std::string HttpResult::Header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
}

HttpClient::HttpClient(std::uint16_t port) : port_(port), curl_(curl_easy_init()) {
    if (curl_ == nullptr) throw std::runtime_error("curl_easy_init failed");
    curl_easy_setopt(curl_, CURLOPT_COOKIEFILE, "");  // in-memory cookie jar
}

HttpClient::~HttpClient() { curl_easy_cleanup(curl_); }

HttpResult HttpClient::Request(const std::string& method, const std::string& path, const std::string& body,
                               std::vector<std::string> headers) {
    HttpResult result;
    const std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
    curl_slist* list = nullptr;
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
    list = curl_slist_append(list, "Expect:");
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "GET" || method == "HEAD") {
        curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);  // also clears NOBODY, so that comes after
        curl_easy_setopt(curl_, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
        curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method == "HEAD" ? "HEAD" : nullptr);
    } else {
        curl_easy_setopt(curl_, CURLOPT_NOBODY, 0L);
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Append);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, AppendHeader);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &result.headers);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 30L);
    const CURLcode rc = curl_easy_perform(curl_);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) throw std::runtime_error(std::string("http client: ") + curl_easy_strerror(rc));
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &result.status);
    return result;
}

HttpResult HttpClient::Get(const std::string& path, std::vector<std::string> headers) {
    return Request("GET", path, "", std::move(headers));
}

HttpResult HttpClient::PostJson(const std::string& path, const std::string& json, std::vector<std::string> headers) {
    headers.push_back("Content-Type: application/json");
    return Request("POST", path, json, std::move(headers));
}

}  // namespace sikgu::test
