#include <boost/json.hpp>
#include <charconv>

#include "core/sql/database.hpp"
#include "services/media/api/photo_dto.hpp"
#include "services/media/api/photo_handlers.hpp"
#include "services/media/store/media_store.hpp"

namespace sikgu::media {

core::Task<http::Response> FindPhotosHandler::Handle(http::Request& request) const {
    const auto text = request.Query("ids").value_or("");
    std::vector<std::int64_t> ids;
    for (std::string_view rest = text; !rest.empty();) {
        const auto comma = rest.find(',');
        const auto part = rest.substr(0, comma);
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
        if (ec != std::errc{} || end != part.data() + part.size()) {
            co_return http::Problem::Validation({{"ids", "validation.invalid_format"}});
        }
        ids.push_back(id);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    if (ids.empty() || ids.size() > MediaQueries::kMaxBatch) {
        co_return http::Problem::Validation({{"ids", "validation.out_of_range"}});
    }
    const auto photos = co_await db_.Read([&](sql::Connection& c) { return MediaStore::FindLive(c, ids); });
    boost::json::array items;
    for (const Photo& photo : photos) items.push_back(ToInfo(photo).ToJson());
    co_return http::Json(boost::json::object{{"items", std::move(items)}});
}

}  // namespace sikgu::media
