#include "services/market/contract/events.hpp"

#include <boost/json.hpp>

#include "core/bus/event_fields.hpp"

namespace sikgu::market {
using namespace bus;

boost::json::object PostCreated::ToJson() const {
    return {{"post_id", IdJson(post_id)},     {"seller_id", IdJson(seller_id)},
            {"title", title},                 {"price", price},
            {"category", category},           {"species_id", OptionalIdJson(species_id)},
            {"photo_ids", IdListJson(photo_ids)}};
}
PostCreated PostCreated::FromJson(const boost::json::object& data) {
    return {IdField(data, "post_id"),          IdField(data, "seller_id"),         StringField(data, "title"),
            IntField(data, "price"),           StringField(data, "category"),      OptionalIdField(data, "species_id"),
            IdListField(data, "photo_ids")};
}

boost::json::object PostUpdated::ToJson() const {
    return {{"post_id", IdJson(post_id)}, {"seller_id", IdJson(seller_id)}, {"title", title},
            {"price", price},             {"state", state},                 {"photo_ids", IdListJson(photo_ids)},
            {"thumbnail_url", thumbnail_url}};
}
PostUpdated PostUpdated::FromJson(const boost::json::object& data) {
    const bool has_thumbnail = data.contains("thumbnail_url");  // added in place: version 1 events may lack it
    return {IdField(data, "post_id"),
            IdField(data, "seller_id"),
            StringField(data, "title"),
            IntField(data, "price"),
            StringField(data, "state"),
            IdListField(data, "photo_ids"),
            has_thumbnail ? StringField(data, "thumbnail_url") : std::string()};
}

boost::json::object PostDeleted::ToJson() const {
    return {{"post_id", IdJson(post_id)}, {"seller_id", IdJson(seller_id)}, {"photo_ids", IdListJson(photo_ids)}};
}
PostDeleted PostDeleted::FromJson(const boost::json::object& data) {
    return {IdField(data, "post_id"), IdField(data, "seller_id"), IdListField(data, "photo_ids")};
}

boost::json::object PostSold::ToJson() const {
    return {{"post_id", IdJson(post_id)},
            {"seller_id", IdJson(seller_id)},
            {"buyer_id", IdJson(buyer_id)},
            {"price", price},
            {"species_id", OptionalIdJson(species_id)}};
}
PostSold PostSold::FromJson(const boost::json::object& data) {
    return {IdField(data, "post_id"), IdField(data, "seller_id"), IdField(data, "buyer_id"), IntField(data, "price"),
            OptionalIdField(data, "species_id")};
}

boost::json::object WishAdded::ToJson() const {
    return {{"post_id", IdJson(post_id)}, {"seller_id", IdJson(seller_id)}, {"user_id", IdJson(user_id)}, {"title", title}};
}
WishAdded WishAdded::FromJson(const boost::json::object& data) {
    return {IdField(data, "post_id"), IdField(data, "seller_id"), IdField(data, "user_id"), StringField(data, "title")};
}

boost::json::object KeywordMatched::ToJson() const {
    return {{"post_id", IdJson(post_id)}, {"user_id", IdJson(user_id)}, {"keyword", keyword}, {"title", title},
            {"price", price}};
}
KeywordMatched KeywordMatched::FromJson(const boost::json::object& data) {
    return {IdField(data, "post_id"), IdField(data, "user_id"), StringField(data, "keyword"),
            StringField(data, "title"), IntField(data, "price")};
}

}  // namespace sikgu::market
