#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The events the market service publishes: the only part of its event stream other services may rely on.
// Every post event is keyed by the post id, so one post's events arrive in order.
namespace sikgu::market {

/// A listing was published. `photo_ids` are media photo ids in display order (the listing now holds them).
struct PostCreated {
    static constexpr std::string_view kType = "post.created";
    static constexpr int kVersion = 1;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::string title;
    std::int64_t price = 0;  // KRW; 0 is 나눔 (free)
    std::string category;    // plant | supplies | other
    std::optional<std::int64_t> species_id;
    std::vector<std::int64_t> photo_ids;

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static PostCreated FromJson(const boost::json::object& data);
};

/// A listing was edited. `photo_ids` is the whole current list: photos it held before and not now are
/// released (media collects them).
struct PostUpdated {
    static constexpr std::string_view kType = "post.updated";
    static constexpr int kVersion = 1;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::string title;
    std::int64_t price = 0;
    std::string state;  // selling | reserved | sold
    std::vector<std::int64_t> photo_ids;
    std::string thumbnail_url;  // of the first photo; "" in events written before it was added

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static PostUpdated FromJson(const boost::json::object& data);
};

/// The seller deleted the listing: its chats close, its photos are released.
struct PostDeleted {
    static constexpr std::string_view kType = "post.deleted";
    static constexpr int kVersion = 1;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::vector<std::int64_t> photo_ids;

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static PostDeleted FromJson(const boost::json::object& data);
};

/// The listing reached 거래완료 with this buyer (one who chatted about it).
struct PostSold {
    static constexpr std::string_view kType = "post.sold";
    static constexpr int kVersion = 1;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::int64_t buyer_id = 0;
    std::int64_t price = 0;
    std::optional<std::int64_t> species_id;

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static PostSold FromJson(const boost::json::object& data);
};

/// Someone other than the seller wish-listed (찜) a listing; for the seller's notifications.
struct WishAdded {
    static constexpr std::string_view kType = "wish.added";
    static constexpr int kVersion = 1;
    std::int64_t post_id = 0;
    std::int64_t seller_id = 0;
    std::int64_t user_id = 0;  // who wished
    std::string title;

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static WishAdded FromJson(const boost::json::object& data);
};

/// A listing matched one of a user's keyword alerts: one per subscriber per listing, never to its author.
struct KeywordMatched {
    static constexpr std::string_view kType = "keyword.matched";
    static constexpr int kVersion = 1;
    std::int64_t post_id = 0;
    std::int64_t user_id = 0;  // the subscriber
    std::string keyword;       // the first of the user's keywords that matched
    std::string title;
    std::int64_t price = 0;

    std::string Key() const { return std::to_string(post_id); }
    boost::json::object ToJson() const;
    static KeywordMatched FromJson(const boost::json::object& data);
};

}  // namespace sikgu::market
