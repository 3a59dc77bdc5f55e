#include "services/media/contract/media_queries.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/bus/event_fields.hpp"
#include "core/runtime/query_client.hpp"

namespace sikgu::media {

boost::json::object PhotoInfo::ToJson() const {
    return {{"id", bus::IdJson(id)},     {"owner_id", bus::IdJson(owner_id)}, {"ready", ready},
            {"width", width},            {"height", height},                  {"thumbnail_url", thumbnail_url},
            {"large_url", large_url},      {"post_id", bus::OptionalIdJson(post_id)},
            {"room_id", bus::OptionalIdJson(room_id)}};
}

PhotoInfo PhotoInfo::FromJson(const boost::json::object& json) {
    return {bus::IdField(json, "id"),
            bus::IdField(json, "owner_id"),
            json.at("ready").as_bool(),
            static_cast<int>(json.at("width").as_int64()),
            static_cast<int>(json.at("height").as_int64()),
            bus::StringField(json, "thumbnail_url"),
            bus::StringField(json, "large_url"),
            bus::OptionalIdField(json, "post_id"),
            bus::OptionalIdField(json, "room_id")};
}

core::Task<std::vector<PhotoInfo>> MediaQueries::FindPhotos(const std::vector<std::int64_t>& ids) const {
    std::vector<PhotoInfo> out;
    if (ids.empty()) co_return out;
    if (ids.size() > kMaxBatch) throw std::invalid_argument("too many photos in one lookup");
    std::string path = "/internal/v1/media/photos?ids=";
    for (std::size_t i = 0; i < ids.size(); ++i) path += (i == 0 ? "" : ",") + std::to_string(ids[i]);
    const runtime::QueryRequest request{.path = path};
    const runtime::QueryResponse response = co_await client_.Send(request);
    if (response.status != 200) {
        throw std::runtime_error("media query answered " + std::to_string(response.status) + " " + response.code);
    }
    const boost::json::value parsed = boost::json::parse(response.body);
    for (const auto& item : parsed.at("items").as_array()) out.push_back(PhotoInfo::FromJson(item.as_object()));
    co_return out;
}

}  // namespace sikgu::media
