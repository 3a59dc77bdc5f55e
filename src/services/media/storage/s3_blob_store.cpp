#include "services/media/storage/s3_blob_store.hpp"

#include "core/http/client.hpp"
#include "core/util/crypto.hpp"

namespace sikgu::media {

S3BlobStore::S3BlobStore(S3Options options, http::Client& client) : options_(std::move(options)), client_(client) {
    while (!options_.endpoint.empty() && options_.endpoint.back() == '/') options_.endpoint.pop_back();
}

core::Task<S3BlobStore::Answer> S3BlobStore::Send(const std::string& method, const BlobKey& key, const std::string& body,
                                                  std::string_view content_type) {
    http::ClientRequest request;
    request.method = method;
    // Keys are hex digits, a slash and a known file name: nothing to escape.
    request.url = options_.endpoint + "/" + options_.bucket + "/" + key.ObjectName();
    request.body = body;
    request.deadline = std::chrono::steady_clock::now() + options_.timeout;
    request.max_response_bytes = options_.max_object_bytes;
    // S3 wants the payload's hash as a header of its own, and the signature covers it.
    request.headers.push_back({"x-amz-content-sha256", Sha256Hex(body)});
    if (!content_type.empty()) request.headers.push_back({"Content-Type", std::string(content_type)});
    request.aws_sigv4 = http::AwsSigV4{"aws:amz:" + options_.region + ":s3", options_.access_key, options_.secret_key};
    const http::ClientResponse response = co_await client_.Fetch(request);
    co_return Answer{response.status, response.body};
}

core::Task<void> S3BlobStore::DoPut(const BlobKey& key, const std::string& bytes, std::string_view content_type) {
    const Answer answer = co_await Send("PUT", key, bytes, content_type);
    if (answer.status != 200) throw StorageError("s3 PUT " + key.ObjectName() + ": " + std::to_string(answer.status));
}

core::Task<std::optional<std::string>> S3BlobStore::DoGet(const BlobKey& key) {
    Answer answer = co_await Send("GET", key, "", "");
    if (answer.status == 404) co_return std::nullopt;
    if (answer.status != 200) throw StorageError("s3 GET " + key.ObjectName() + ": " + std::to_string(answer.status));
    co_return std::move(answer.body);
}

core::Task<void> S3BlobStore::DoDelete(const BlobKey& key) {
    const Answer answer = co_await Send("DELETE", key, "", "");
    if (answer.status != 204 && answer.status != 200 && answer.status != 404) {
        throw StorageError("s3 DELETE " + key.ObjectName() + ": " + std::to_string(answer.status));
    }
}

}  // namespace sikgu::media
