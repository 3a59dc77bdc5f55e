#include "core/http/static_files.hpp"

#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/util/crypto.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace {
std::string ContentTypeFor(std::string_view path) {
    const auto dot = path.rfind('.');
    const std::string_view ext = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "json" || ext == "map") return "application/json";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "webp") return "image/webp";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "yaml" || ext == "yml") return "application/yaml";
    if (ext == "txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

// Only plain relative paths: no "..", no empty or hidden segments, no slashes, backslashes or NULs inside a
// segment, also once its escapes are decoded.
bool SafeRelative(std::string_view path) {
    if (path.empty()) return false;
    std::string_view rest = path;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const auto decoded = PercentDecode(rest.substr(0, slash));
        if (!decoded || decoded->empty() || decoded->front() == '.') return false;
        if (decoded->find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) return false;
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    return true;
}
}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

bool StaticFiles::Available() const { return std::filesystem::exists(root_ / "index.html"); }

namespace {
std::int64_t SteadyMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

std::shared_ptr<const StaticFiles::File> StaticFiles::Load(const std::string& relative) const {
    const auto full = root_ / relative;
    std::shared_ptr<const File> cached;
    {
        std::shared_lock lock(mutex_);
        if (const auto it = cache_.find(relative); it != cache_.end()) cached = it->second;
    }
    std::error_code ec;
    if (cached) {
        const std::int64_t now = SteadyMillis();
        if (relative.starts_with("assets/") || now - cached->checked_ms.load() < 1000) return cached;
        cached->checked_ms = now;
        const auto modified = std::filesystem::last_write_time(full, ec);
        const auto size = ec ? 0 : std::filesystem::file_size(full, ec);
        if (!ec && modified == cached->modified && size == cached->size) return cached;
    }
    if (!std::filesystem::is_regular_file(full, ec)) return nullptr;
    std::ifstream in(full, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream content;
    content << in.rdbuf();
    auto file = std::make_shared<File>();
    file->content = std::move(content).str();
    file->etag = "\"" + Sha256Hex(file->content).substr(0, 32) + "\"";
    file->content_type = ContentTypeFor(relative);
    file->modified = std::filesystem::last_write_time(full, ec);
    file->size = file->content.size();
    file->checked_ms = SteadyMillis();
    std::unique_lock lock(mutex_);
    cache_[relative] = file;
    return file;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
    if (request.verb != Verb::kGet && request.verb != Verb::kHead) return std::nullopt;
    std::string relative = request.path.size() > 1 ? request.path.substr(1) : "index.html";
    if (relative.ends_with('/')) relative += "index.html";
    if (!SafeRelative(relative)) return std::nullopt;
    // The path is still percent-encoded; the bundle's file names never need escapes, so an escaped path
    // names no file (it may still be a client-side route such as /plants/%EB%AA%AC).
    auto file = relative.find('%') == std::string::npos ? Load(relative) : nullptr;
    const bool is_asset = relative.starts_with("assets/");
    if (!file) {
        // Client-side routes get the app; a missing asset or an extension-bearing path is a real 404.
        const bool looks_like_file = relative.rfind('.') != std::string::npos && relative.rfind('.') > relative.rfind('/');
        if (is_asset || looks_like_file) return std::nullopt;
        file = Load("index.html");
        if (!file) return std::nullopt;
    }
    Response response;
    response.SetHeader("ETag", file->etag);
    response.SetHeader("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
    if (const auto match = request.GetHeader("if-none-match"); match && *match == file->etag) {
        response.status = 304;
        return response;
    }
    response.content_type = file->content_type;
    response.body = file->content;
    return response;
}

}  // namespace sikgu::http
