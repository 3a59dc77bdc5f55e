#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace sikgu::http {

/// Serves the built web UI: files under `root`, hashed assets cached for a year, everything else
/// revalidated by ETag, and index.html for client-side routes (the SPA fallback).
class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);

    /// A response for GET/HEAD `request.path`, or nullopt when the path is not the UI's.
    std::optional<Response> Serve(const Request& request) const;
    bool Available() const;

private:
    struct File {
        std::string content;
        std::string etag;
        std::string content_type;
        std::filesystem::file_time_type modified;
        std::uintmax_t size = 0;
        // Files outside assets/ (index.html above all) change when the UI is rebuilt: looked at again at most
        // once a second, so a new build is served without a restart. Hashed assets never change.
        mutable std::atomic<std::int64_t> checked_ms{0};
    };
    std::shared_ptr<const File> Load(const std::string& relative) const;

    std::filesystem::path root_;
    mutable std::shared_mutex mutex_;
    mutable std::map<std::string, std::shared_ptr<const File>, std::less<>> cache_;
};

}  // namespace sikgu::http
