#pragma once

#include <boost/asio/thread_pool.hpp>
#include <filesystem>

#include "services/media/storage/blob_store.hpp"

namespace sikgu::media {

/// Files under a folder of the data directory, fanned out by the key's first two digits
/// (`<root>/p/ab/abcd…/320.webp`), owner-only like the rest of the data directory, written to a temporary
/// file, synced and renamed. Disk calls run on two threads of its own, never on the event loop.
class LocalBlobStore final : public BlobStore {
public:
    explicit LocalBlobStore(std::filesystem::path root);
    ~LocalBlobStore() override;
    std::string_view Kind() const override { return "local"; }
    std::filesystem::path PathOf(const BlobKey& key) const;

protected:
    core::Task<void> DoPut(const BlobKey& key, const std::string& bytes, std::string_view content_type) override;
    core::Task<std::optional<std::string>> DoGet(const BlobKey& key) override;
    core::Task<void> DoDelete(const BlobKey& key) override;

private:
    std::filesystem::path root_;
    boost::asio::thread_pool io_{2};
};

}  // namespace sikgu::media
