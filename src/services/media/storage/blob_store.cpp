#include "services/media/storage/blob_store.hpp"

#include <exception>

namespace sikgu::media {
namespace {

// Runs a storage operation, counting it and turning any failure into a counted StorageError. (Taken by
// reference: GCC 12 copies class-type coroutine arguments bitwise.)
template <class F>
auto Counted(std::atomic<std::uint64_t>& done, std::atomic<std::uint64_t>& errors, const F& operation)
    -> decltype(operation()) {
    try {
        if constexpr (std::is_void_v<typename decltype(operation())::value_type>) {
            co_await operation();
            done.fetch_add(1);
        } else {
            auto result = co_await operation();
            done.fetch_add(1);
            co_return result;
        }
    } catch (const StorageError&) {
        errors.fetch_add(1);
        throw;
    } catch (const std::exception& e) {
        errors.fetch_add(1);
        throw StorageError(e.what());
    }
}

}  // namespace

core::Task<void> BlobStore::Put(const BlobKey& key, const std::string& bytes, std::string_view content_type) {
    co_await Counted(writes_, errors_, [&] { return DoPut(key, bytes, content_type); });
}

core::Task<std::optional<std::string>> BlobStore::Get(const BlobKey& key) {
    co_return co_await Counted(reads_, errors_, [&] { return DoGet(key); });
}

core::Task<void> BlobStore::Delete(const BlobKey& key) {
    co_await Counted(deletes_, errors_, [&] { return DoDelete(key); });
}

StorageStats BlobStore::Stats() const { return {writes_.load(), reads_.load(), deletes_.load(), errors_.load()}; }

}  // namespace sikgu::media
