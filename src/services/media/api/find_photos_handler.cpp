#include <boost/json.hpp>

#include "core/sql/database.hpp"
#include "core/util/text.hpp"
#include "services/media/api/photo_dto.hpp"
#include "services/media/api/photo_handlers.hpp"
#include "services/media/store/media_store.hpp"

namespace sikgu::media {

core::Task<http::Response> FindPhotosHandler::Handle(http::Request& request) const {
    const auto text = request.Query("ids").value_or("");
    const auto parsed = ParseIdList(text);
    if (!parsed) co_return http::Problem::Validation({{"ids", "validation.invalid_format"}});
    const std::vector<std::int64_t>& ids = *parsed;
    if (ids.empty() || ids.size() > MediaQueries::kMaxBatch) {
        co_return http::Problem::Validation({{"ids", "validation.out_of_range"}});
    }
    const auto photos = co_await db_.Read([&](sql::Connection& c) { return MediaStore::FindLive(c, ids); });
    boost::json::array items;
    for (const Photo& photo : photos) items.push_back(ToInfo(photo).ToJson());
    co_return http::Json(boost::json::object{{"items", std::move(items)}});
}

}  // namespace sikgu::media
