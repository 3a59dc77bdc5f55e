#include "core/sql/database.hpp"
#include "services/media/api/photo_handlers.hpp"
#include "services/media/storage/photo_library.hpp"
#include "services/media/store/media_store.hpp"

namespace sikgu::media {

core::Task<http::Response> DeletePhotoHandler::Handle(http::Request& request) const {
    const std::int64_t id = request.PathInt("id");
    const std::int64_t user = request.User();
    const auto photo = co_await db_.Read([&](sql::Connection& c) { return MediaStore::Find(c, id); });
    if (!photo || photo->released_at) co_return http::Problem::NotFound("media.photo_not_found");
    if (photo->owner_id != user) co_return http::Problem::Forbidden("media.not_owner");
    if (photo->Held()) co_return http::Problem::Conflict("media.photo_attached");
    // Attached (or deleted) since the read: the store refuses it in the same statement.
    if (!co_await library_.DeleteUnattached(id, user)) co_return http::Problem::Conflict("media.photo_attached");
    co_return http::NoContent();
}

}  // namespace sikgu::media
