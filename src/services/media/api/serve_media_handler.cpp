#include "services/media/api/photo_handlers.hpp"
#include "services/media/domain/photo_rules.hpp"
#include "services/media/storage/blob_store.hpp"

namespace sikgu::media {

core::Task<http::Response> ServeMediaHandler::Handle(http::Request& request) const {
    const std::string key(request.PathParam("key"));
    const std::string name(request.PathParam("name"));
    const auto content_type = StoredContentType(name);
    if (!IsContentKey(key) || !content_type) co_return http::Problem::NotFound("media.file_not_found");
    // The URL names the content, so the name and the key are a strong validator.
    const std::string etag = "\"" + key.substr(0, 32) + "-" + name + "\"";
    if (request.GetHeader("If-None-Match") == etag) {
        http::Response not_modified{.status = 304};
        not_modified.SetHeader("ETag", etag).SetHeader("Cache-Control", "public, max-age=31536000, immutable");
        co_return not_modified;
    }
    const BlobKey blob{key, name};
    std::optional<std::string> bytes = co_await blobs_.Get(blob);
    if (!bytes) co_return http::Problem::NotFound("media.file_not_found");
    http::Response response{.status = 200, .content_type = std::string(*content_type), .body = std::move(*bytes)};
    response.SetHeader("ETag", etag)
        .SetHeader("Cache-Control", "public, max-age=31536000, immutable")
        .SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    co_return response;
}

}  // namespace sikgu::media
