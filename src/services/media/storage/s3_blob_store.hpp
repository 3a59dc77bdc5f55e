#pragma once

#include <chrono>
#include <string>

#include "services/media/storage/blob_store.hpp"

namespace sikgu::http {
class Client;
}

namespace sikgu::media {

struct S3Options {
    std::string endpoint;  // e.g. https://s3.ap-northeast-2.amazonaws.com or http://127.0.0.1:4569
    std::string bucket;
    std::string region = "us-east-1";
    std::string access_key;
    std::string secret_key;
    std::chrono::seconds timeout{30};
    std::size_t max_object_bytes = 64U << 20;  // a read is refused beyond this
};

/// Objects in an S3-compatible bucket (path-style addressing), through the process's one outgoing client,
/// signed with AWS Signature Version 4 by libcurl.
class S3BlobStore final : public BlobStore {
public:
    S3BlobStore(S3Options options, http::Client& client);
    std::string_view Kind() const override { return "s3"; }

protected:
    core::Task<void> DoPut(const BlobKey& key, const std::string& bytes, std::string_view content_type) override;
    core::Task<std::optional<std::string>> DoGet(const BlobKey& key) override;
    core::Task<void> DoDelete(const BlobKey& key) override;

private:
    struct Answer {
        long status = 0;
        std::string body;
    };
    core::Task<Answer> Send(const std::string& method, const BlobKey& key, const std::string& body,
                            std::string_view content_type);

    S3Options options_;
    http::Client& client_;
};

}  // namespace sikgu::media
