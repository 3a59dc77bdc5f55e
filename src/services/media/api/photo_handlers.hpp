#pragma once

#include "core/http/handler.hpp"
#include "services/media/media_config.hpp"

namespace sikgu::media {

class ImagePool;
class PhotoLibrary;
class BlobStore;

}  // namespace sikgu::media
namespace sikgu::sql {
class Database;
}

namespace sikgu::media {

/// POST /api/v1/photos — multipart upload of 1..max_files images by the token's user.
class UploadPhotosHandler final : public http::Handler {
public:
    UploadPhotosHandler(const MediaConfig& config, ImagePool& pool, PhotoLibrary& library)
        : config_(config), pool_(pool), library_(library) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const MediaConfig& config_;
    ImagePool& pool_;
    PhotoLibrary& library_;
};

/// DELETE /api/v1/photos/{id} — the owner deletes a photo no post holds.
class DeletePhotoHandler final : public http::Handler {
public:
    DeletePhotoHandler(sql::Database& db, PhotoLibrary& library) : db_(db), library_(library) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    sql::Database& db_;
    PhotoLibrary& library_;
};

/// GET /media/p/{key}/{name} — a stored file, public and cached for good (its URL names its content).
class ServeMediaHandler final : public http::Handler {
public:
    explicit ServeMediaHandler(BlobStore& blobs) : blobs_(blobs) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    BlobStore& blobs_;
};

/// GET /internal/v1/media/photos?ids= — photos for another service (contract/media_queries.hpp).
class FindPhotosHandler final : public http::Handler {
public:
    explicit FindPhotosHandler(sql::Database& db) : db_(db) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    sql::Database& db_;
};

}  // namespace sikgu::media
