#include "services/media/storage/local_blob_store.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <fstream>
#include <sstream>

#include "core/util/private_files.hpp"

namespace sikgu::media {

LocalBlobStore::LocalBlobStore(std::filesystem::path root) : root_(std::move(root)) {
    CreatePrivateDirectories(root_);
    // A write cut short by a crash leaves its temporary file (the rename never happened). The folder is this
    // process's own and nothing is written yet, so every one found now is such a leftover.
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(root_ / "p", error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == ".tmp") std::filesystem::remove(it->path(), error);
    }
}

LocalBlobStore::~LocalBlobStore() {
    io_.stop();
    io_.join();
}

std::filesystem::path LocalBlobStore::PathOf(const BlobKey& key) const {
    return root_ / "p" / key.content_key.substr(0, 2) / key.content_key / key.name;
}

core::Task<void> LocalBlobStore::DoPut(const BlobKey& key, const std::string& bytes, std::string_view) {
    co_await boost::asio::co_spawn(
        io_,
        [&]() -> core::Task<void> {
            const auto path = PathOf(key);
            CreatePrivateDirectories(path.parent_path());
            WritePrivateFileAtomically(path, bytes);
            co_return;
        },
        boost::asio::use_awaitable);
}

core::Task<std::optional<std::string>> LocalBlobStore::DoGet(const BlobKey& key) {
    co_return co_await boost::asio::co_spawn(
        io_,
        [&]() -> core::Task<std::optional<std::string>> {
            std::ifstream in(PathOf(key), std::ios::binary);
            if (!in) co_return std::nullopt;
            std::ostringstream out;
            out << in.rdbuf();
            if (in.bad()) throw StorageError("cannot read " + key.ObjectName());
            co_return std::move(out).str();
        },
        boost::asio::use_awaitable);
}

core::Task<void> LocalBlobStore::DoDelete(const BlobKey& key) {
    co_await boost::asio::co_spawn(
        io_,
        [&]() -> core::Task<void> {
            const auto path = PathOf(key);
            std::filesystem::remove(path);  // throws on a real error; a missing file is fine
            // Leave no empty folder behind once a key's last file is gone.
            std::error_code ignored;
            if (std::filesystem::is_empty(path.parent_path(), ignored)) std::filesystem::remove(path.parent_path(), ignored);
            co_return;
        },
        boost::asio::use_awaitable);
}

}  // namespace sikgu::media
