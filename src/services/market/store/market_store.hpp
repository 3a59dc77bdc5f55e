#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/async/task.hpp"
#include "services/market/domain/listing.hpp"

namespace sikgu::sql {
class Database;
class Transaction;
}  // namespace sikgu::sql
namespace sikgu::chat {
struct ChatRoomCreated;
}

namespace sikgu::market {

/// Why a change was not made: the HTTP status and problem code the handler answers with.
struct Refusal {
    int status = 0;
    std::string code;
};
template <class T>
using Outcome = std::variant<T, Refusal>;

/// A listing with what a reader sees beside it.
struct ListingView {
    Listing listing;
    std::string seller_nickname;
};

struct NewListing {
    std::int64_t seller_id = 0;
    std::string title;
    std::string description;
    std::int64_t price = 0;
    Category category = Category::kPlant;
    std::optional<std::int64_t> species_id;
    std::optional<std::string> species_name;
    std::string trade_area;
    std::vector<Photo> photos;
};

/// An edit: only the fields that are set change. `species` set to nullopt inside removes the link.
struct ListingPatch {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::int64_t> price;
    std::optional<Category> category;
    std::optional<std::optional<std::int64_t>> species_id;
    std::optional<std::string> species_name;
    std::optional<std::string> trade_area;
    std::optional<std::vector<Photo>> photos;
    std::optional<bool> hidden;
};

enum class Sort { kNewest, kPriceAsc, kPriceDesc, kPopular };

/// Where the previous page ended, in the order of its sort (the cursor a page hands out).
struct FeedCursor {
    std::int64_t key = 0;  // price or popularity; unused for kNewest
    std::int64_t feed_seq = 0;
    std::int64_t window_floor = 0;  // a sorted search's: the oldest match its first page sorted; 0: none yet
};

struct FeedQuery {
    std::vector<std::string> search_keys;  // AND; each a SearchKey
    std::optional<Category> category;
    std::vector<State> states;  // any of them; empty: every state
    std::optional<std::int64_t> min_price;
    std::optional<std::int64_t> max_price;
    std::optional<std::int64_t> species_id;
    std::optional<std::int64_t> exclude_id;
    Sort sort = Sort::kNewest;
    std::optional<FeedCursor> after;
    std::size_t limit = 20;
    std::size_t sort_window = 1000;  // a search sorted by price or popularity orders at most this many newest matches
};

struct FeedPage {
    std::vector<ListingView> items;
    std::optional<FeedCursor> next;
    // Set when a sorted search had more matches than its window: the page orders only the newest this many.
    std::optional<std::size_t> sorted_within;
};

struct ChatPartner {
    std::int64_t user_id = 0;
    std::string nickname;
    std::int64_t room_id = 0;
    std::int64_t since = 0;
};

struct Keyword {
    std::int64_t id = 0;
    std::string keyword;
    std::int64_t created_at = 0;
};

/// Which of a user's own things a "my page" list shows.
enum class MyList { kSelling, kPurchases, kWishes };

/// The market service's database: listings and their search index, wishes, views, chat partners,
/// keyword alerts and the sellers' nicknames (kept from account's events). Every change that others
/// care about publishes its event in the same unit of work.
class MarketStore {
public:
    explicit MarketStore(sql::Database& db) : db_(db) {}

    /// Counts the listing changes this process has committed (not counters: views, wishes, chats); caches of
    /// rendered pages compare it. Moves after the change is committed.
    std::uint64_t Generation() const { return generation_.load(std::memory_order_acquire); }
    void NoteListingChanged() { generation_.fetch_add(1, std::memory_order_acq_rel); }

    core::Task<ListingView> Create(const NewListing& listing);
    /// The same, inside the caller's unit of work (an Idempotency-Key's).
    static ListingView CreateIn(sql::Transaction& tx, const NewListing& listing);
    /// Any listing, deleted or hidden ones included (the handler decides who may see it).
    core::Task<std::optional<ListingView>> Find(std::int64_t id) const;
    core::Task<Outcome<ListingView>> Update(std::int64_t id, std::int64_t user_id, const ListingPatch& patch);
    core::Task<Outcome<ListingView>> Delete(std::int64_t id, std::int64_t user_id);
    core::Task<Outcome<ListingView>> ChangeState(std::int64_t id, std::int64_t user_id, State state,
                                                 std::optional<std::int64_t> buyer_id);
    core::Task<Outcome<ListingView>> Bump(std::int64_t id, std::int64_t user_id);

    /// Counts one view per viewer per listing per day (`day`: days since the epoch in Korea); true if counted.
    core::Task<bool> RecordView(std::int64_t id, const std::string& viewer, std::int64_t day);
    /// 찜: adding twice or removing what is not there changes nothing. Returns the listing as it is now.
    core::Task<Outcome<ListingView>> SetWish(std::int64_t id, std::int64_t user_id, bool wished);
    core::Task<bool> IsWished(std::int64_t id, std::int64_t user_id) const;

    core::Task<FeedPage> Feed(const FeedQuery& query) const;
    core::Task<FeedPage> Mine(std::int64_t user_id, MyList list, std::optional<State> state,
                              std::optional<FeedCursor> after, std::size_t limit) const;
    core::Task<Outcome<std::vector<ChatPartner>>> ChatPartners(std::int64_t id, std::int64_t user_id) const;

    core::Task<std::vector<Keyword>> Keywords(std::int64_t user_id) const;
    core::Task<Outcome<Keyword>> AddKeyword(std::int64_t user_id, const std::string& keyword);
    core::Task<bool> RemoveKeyword(std::int64_t user_id, std::int64_t keyword_id);

    core::Task<PriceGuide> PriceGuideFor(std::int64_t species_id, std::int64_t since_ms) const;

    /// Event handlers, each inside the consumer's unit of work.
    static void OnChatRoomCreated(sql::Transaction& tx, const chat::ChatRoomCreated& event);
    static void RememberNickname(sql::Transaction& tx, std::int64_t user_id, const std::string& nickname);
    static void ForgetUser(sql::Transaction& tx, std::int64_t user_id);

    /// Views older than yesterday are no longer needed to tell a repeat view from a new one.
    core::Task<std::int64_t> PurgeViewsBefore(std::int64_t day);

private:
    // After a unit of work that changed a listing (or refused to: harmless).
    template <class T>
    T Changed(T result) {
        NoteListingChanged();
        return result;
    }

    sql::Database& db_;
    std::atomic<std::uint64_t> generation_{0};
};

}  // namespace sikgu::market
