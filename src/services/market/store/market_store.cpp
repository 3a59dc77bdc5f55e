#include "services/market/store/market_store.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "core/sql/database.hpp"
#include "core/util/search_text.hpp"
#include "core/util/time.hpp"
#include "services/chat/contract/events.hpp"
#include "services/market/contract/events.hpp"

namespace sikgu::market {
namespace {

using sql::Connection;
using sql::Row;
using sql::Rows;
using sql::Transaction;
using sql::Value;

constexpr std::string_view kColumns =
    "l.id, l.seller_id, l.title, l.description, l.price, l.category, l.species_id, l.species_name, l.trade_area, "
    "l.state, l.buyer_id, l.photos, l.hidden, l.deleted_at, l.created_at, l.bumped_at, l.updated_at, l.sold_at, "
    "l.feed_seq, l.view_count, l.wish_count, l.chat_count, COALESCE(u.nickname, '')";
// The popularity order's key, as MarketStore's Popularity() computes it and listings_popular indexes it.
constexpr std::string_view kPopularity = "(l.view_count + 4 * l.wish_count + 8 * l.chat_count)";
constexpr std::string_view kFrom = " FROM listings l LEFT JOIN market_users u ON u.user_id = l.seller_id";

std::string PhotosJson(const std::vector<Photo>& photos) {
    boost::json::array array;
    for (const Photo& p : photos) {
        boost::json::object o;
        o["id"] = std::to_string(p.id);
        o["thumbnail_url"] = p.thumbnail_url;
        o["large_url"] = p.large_url;
        o["width"] = p.width;
        o["height"] = p.height;
        array.push_back(std::move(o));
    }
    return boost::json::serialize(array);
}

std::vector<Photo> ParsePhotos(const std::string& text) {
    std::vector<Photo> photos;
    const boost::json::value parsed = boost::json::parse(text);
    for (const auto& item : parsed.as_array()) {
        const auto& o = item.as_object();
        photos.push_back({std::stoll(std::string(o.at("id").as_string())), std::string(o.at("thumbnail_url").as_string()),
                          std::string(o.at("large_url").as_string()), static_cast<int>(o.at("width").as_int64()),
                          static_cast<int>(o.at("height").as_int64())});
    }
    return photos;
}

std::vector<std::int64_t> PhotoIds(const Listing& l) {
    std::vector<std::int64_t> ids;
    for (const Photo& p : l.photos) ids.push_back(p.id);
    return ids;
}

ListingView ToView(const Row& r) {
    ListingView v;
    Listing& l = v.listing;
    l.id = r[0].AsInt();
    l.seller_id = r[1].AsInt();
    l.title = r[2].AsText();
    l.description = r[3].AsText();
    l.price = r[4].AsInt();
    l.category = ParseCategory(r[5].AsText()).value_or(Category::kOther);
    l.species_id = r[6].AsOptionalInt();
    l.species_name = r[7].AsOptionalText();
    l.trade_area = r[8].AsText();
    l.state = ParseState(r[9].AsText()).value_or(State::kSelling);
    l.buyer_id = r[10].AsOptionalInt();
    l.photos = ParsePhotos(r[11].AsText());
    l.hidden = r[12].AsInt() != 0;
    l.deleted = !r[13].IsNull();
    l.created_at = r[14].AsInt();
    l.bumped_at = r[15].AsInt();
    l.updated_at = r[16].AsInt();
    l.sold_at = r[17].AsOptionalInt();
    l.feed_seq = r[18].AsInt();
    l.view_count = r[19].AsInt();
    l.wish_count = r[20].AsInt();
    l.chat_count = r[21].AsInt();
    v.seller_nickname = r[22].AsText();
    return v;
}

std::optional<ListingView> SelectListing(Connection& c, std::int64_t id) {
    const auto row = c.QueryOne(std::string("SELECT ").append(kColumns).append(kFrom).append(" WHERE l.id = ?"), {id});
    if (!row) return std::nullopt;
    return ToView(*row);
}

bool IsSqlite(Connection& c) { return c.GetEngine() == sql::Engine::kSqlite; }

// A PostgreSQL text[] literal of search terms (letters and digits only, so quoting each is enough).
std::string TextArray(const std::set<std::string>& terms) {
    std::string array = "{";
    for (const auto& t : terms) array.append(array.size() > 1 ? ",\"" : "\"").append(t).append("\"");
    return array + "}";
}

// PostgreSQL's search columns of a public listing: its index terms, and the keys that confirm a term.
struct SearchColumns {
    std::string terms;
    std::string title_key;
    std::string description_key;
};

SearchColumns SearchColumnsOf(const std::string& title, const std::string& description) {
    std::set<std::string> terms;
    for (auto& t : SearchTerms(title)) terms.insert(std::move(t));
    for (auto& t : SearchTerms(description)) terms.insert(std::move(t));
    return {TextArray(terms), SearchKey(title), SearchKey(description)};
}

// The search index holds public listings only, under their feed_seq.
void Index(Transaction& tx, const Listing& l) {
    if (!l.IsPublic()) return;
    if (IsSqlite(tx.Sql())) {
        tx.Execute("INSERT INTO listing_search (rowid, title, description) VALUES (?, ?, ?)",
                   {l.feed_seq, l.title, l.description});
        return;
    }
    SearchColumns columns = SearchColumnsOf(l.title, l.description);
    tx.Execute("UPDATE listings SET search_terms = ?::text[], title_key = ?, description_key = ? WHERE id = ?",
               {std::move(columns.terms), std::move(columns.title_key), std::move(columns.description_key), l.id});
}

void Unindex(Transaction& tx, const Listing& l) {
    if (!l.IsPublic()) return;
    if (IsSqlite(tx.Sql())) {
        // A contentless table forgets a row when told the values it was indexed with.
        tx.Execute("INSERT INTO listing_search (listing_search, rowid, title, description) VALUES ('delete', ?, ?, ?)",
                   {l.feed_seq, l.title, l.description});
        return;
    }
    tx.Execute("UPDATE listings SET search_terms = NULL, title_key = NULL, description_key = NULL WHERE id = ?", {l.id});
}

// One keyword.matched per subscriber per listing, ever; never to the author.
void SendKeywordAlerts(Transaction& tx, const Listing& l) {
    if (!l.IsPublic()) return;
    const std::string title_key = SearchKey(l.title);
    const std::string description_key = SearchKey(l.description);
    const char* sql = IsSqlite(tx.Sql())
                          ? "SELECT user_id, keyword, search_key FROM keywords WHERE user_id <> ? AND "
                            "(instr(?, search_key) > 0 OR instr(?, search_key) > 0) ORDER BY user_id, id"
                          : "SELECT user_id, keyword, search_key FROM keywords WHERE user_id <> ? AND "
                            "(strpos(?, search_key) > 0 OR strpos(?, search_key) > 0) ORDER BY user_id, id";
    std::int64_t last_user = 0;
    for (const Row& r : tx.Query(sql, {l.seller_id, title_key, description_key})) {
        const std::int64_t user = r[0].AsInt();
        if (user == last_user || !KeywordMatches(r[2].AsText(), title_key, description_key)) continue;
        last_user = user;
        if (tx.Execute("INSERT INTO keyword_alerts_sent (listing_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       {l.id, user}) == 1) {
            tx.Publish(KeywordMatched{l.id, user, r[1].AsText(), l.title, l.price});
        }
    }
}

PostUpdated UpdatedEvent(const Listing& l) {
    return {l.id, l.seller_id, l.title, l.price, std::string(StateName(l.state)), PhotoIds(l),
            l.photos.empty() ? std::string() : l.photos.front().thumbnail_url};
}

// Loads the caller's own listing for a change: 404 when there is none (or it is deleted), 403 when it is
// someone else's.
Outcome<ListingView> OwnListing(Transaction& tx, std::int64_t id, std::int64_t user_id) {
    auto view = SelectListing(tx.Sql(), id);
    if (!view || view->listing.deleted) return Refusal{404, "market.listing_not_found"};
    if (view->listing.seller_id != user_id) return Refusal{403, "market.not_owner"};
    return std::move(*view);
}

// `seq` is the column that holds the feed position: l.feed_seq, or the search index's rowid when the query
// is driven from it (SQLite), so that FTS5 hands out rows newest first and the LIMIT stops it early.
std::string OrderBy(Sort sort, std::string_view seq) {
    const std::string tie = std::string(", ").append(seq).append(" DESC");
    switch (sort) {
        case Sort::kNewest: return std::string(" ORDER BY ").append(seq).append(" DESC");
        case Sort::kPriceAsc: return " ORDER BY l.price ASC" + tie;
        case Sort::kPriceDesc: return " ORDER BY l.price DESC" + tie;
        case Sort::kPopular: return std::string(" ORDER BY ").append(kPopularity).append(" DESC") + tie;
    }
    return "";
}

// Keyset: the rows after `after` in the sort's order (feed_seq breaks ties, newest first).
void AddAfter(Sort sort, const FeedCursor& after, std::string_view seq, std::string& where, std::vector<Value>& params) {
    const std::string before_seq = std::string(seq).append(" < ?");
    switch (sort) {
        case Sort::kNewest:
            where += " AND " + before_seq;
            params.emplace_back(after.feed_seq);
            return;
        case Sort::kPriceAsc:
            where += " AND (l.price > ? OR (l.price = ? AND " + before_seq + "))";
            break;
        case Sort::kPriceDesc:
            where += " AND (l.price < ? OR (l.price = ? AND " + before_seq + "))";
            break;
        case Sort::kPopular:
            where.append(" AND (").append(kPopularity).append(" < ? OR (").append(kPopularity).append(" = ? AND ")
                .append(before_seq).append("))");
            break;
    }
    params.emplace_back(after.key);
    params.emplace_back(after.key);
    params.emplace_back(after.feed_seq);
}

FeedCursor CursorOf(Sort sort, const Listing& l) {
    switch (sort) {
        case Sort::kNewest: return {0, l.feed_seq};
        case Sort::kPriceAsc:
        case Sort::kPriceDesc: return {l.price, l.feed_seq};
        case Sort::kPopular: return {Popularity(l.view_count, l.wish_count, l.chat_count), l.feed_seq};
    }
    return {};
}

FeedPage PageOf(Rows rows, std::size_t limit, Sort sort) {
    FeedPage page;
    for (const Row& r : rows) page.items.push_back(ToView(r));
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.next = CursorOf(sort, page.items.back().listing);
    }
    return page;
}



// The feed's filters other than the search terms. `price` is the column expression prices are compared on.
void AddFilters(const FeedQuery& q, std::string_view price, std::string& where, std::vector<Value>& params) {
    if (q.category) {
        where += " AND l.category = ?";
        params.emplace_back(CategoryName(*q.category));
    }
    if (!q.states.empty()) {
        where += " AND l.state IN (";
        for (std::size_t i = 0; i < q.states.size(); ++i) {
            where += i == 0 ? "?" : ", ?";
            params.emplace_back(StateName(q.states[i]));
        }
        where += ")";
    }
    if (q.min_price) {
        where.append(" AND ").append(price).append(" >= ?");
        params.emplace_back(*q.min_price);
    }
    if (q.max_price) {
        where.append(" AND ").append(price).append(" <= ?");
        params.emplace_back(*q.max_price);
    }
    if (q.species_id) {
        where += " AND l.species_id = ?";
        params.emplace_back(*q.species_id);
    }
    if (q.exclude_id) {
        where += " AND l.id <> ?";
        params.emplace_back(*q.exclude_id);
    }
}

// The feed without search terms: every order reads from an index (V004) and stops at a page.
FeedPage PlainFeed(Connection& c, const FeedQuery& q) {
    std::string sql = std::string("SELECT ").append(kColumns).append(kFrom);
    std::string where = " WHERE l.deleted_at IS NULL AND l.hidden = 0";
    std::vector<Value> params;
    // SQLite keeps no statistics on prices (no STAT4) and would take a price range from listings_price and sort
    // all of it; in the newest and popular orders it walks that order's index and filters prices (the unary
    // plus keeps the price index out), which stops at a page for any range wider than a sliver.
    const bool price_order = q.sort == Sort::kPriceAsc || q.sort == Sort::kPriceDesc;
    AddFilters(q, IsSqlite(c) && !price_order ? "+l.price" : "l.price", where, params);
    if (q.after) AddAfter(q.sort, *q.after, "l.feed_seq", where, params);
    sql.append(where).append(OrderBy(q.sort, "l.feed_seq")).append(" LIMIT ?");
    params.emplace_back(static_cast<std::int64_t>(q.limit + 1));
    return PageOf(c.Query(sql, params), q.limit, q.sort);
}

// Where in the feed a search starts: before a cursor (newest first), or from a sorted search's window floor on.
struct Bound {
    std::string_view op;  // "<" or ">="; empty: no bound
    std::int64_t feed_seq = 0;

    static Bound Before(const std::optional<FeedCursor>& after) { return after ? Bound{"<", after->feed_seq} : Bound{}; }
    void AddTo(std::string_view seq, std::string& where, std::vector<Value>& params) const {
        if (op.empty()) return;
        where.append(" AND ").append(seq).append(" ").append(op).append(" ?");
        params.emplace_back(feed_seq);
    }
};

// The search terms as conditions on PostgreSQL: each key must be a substring of the folded title or
// description (which is what a term means), and, when `gin`, the listing must hold every n-gram of them, which
// lets the GIN index find the candidates.
void AddPostgresTerms(const FeedQuery& q, bool gin, std::string& where, std::vector<Value>& params) {
    if (gin) {
        std::set<std::string> terms;
        for (const auto& key : q.search_keys) {
            for (auto& t : QueryTerms(key)) terms.insert(std::move(t));
        }
        where += " AND l.search_terms @> ?::text[]";
        params.emplace_back(TextArray(terms));
    }
    for (const auto& key : q.search_keys) {
        where += " AND (strpos(l.title_key, ?) > 0 OR strpos(l.description_key, ?) > 0)";
        params.emplace_back(key);
        params.emplace_back(key);
    }
}

// PostgreSQL cannot estimate how many listings hold a term's n-grams (neighbouring bigrams are far from
// independent) and picks a plan that is seconds wrong either way, so the store chooses, from what a walk of the
// newest listings finds: walking further in feed order (each listing read once, a common term fills a page
// soon) or taking every match of the terms from the GIN index and sorting them (cheap for a rare term).
class PostgresSearch {
public:
    PostgresSearch(Connection& c, const FeedQuery& q, const Bound& bound) : c_(c), q_(q), bound_(bound) {}

    Rows Newest(std::string_view select, std::size_t limit) {
        // A first walk sized for a common term: most searches end here.
        const std::size_t first = std::clamp<std::size_t>(limit * 10, 2'000, 20'000);
        Rows rows = Walk(select, first, limit);
        if (rows.size() >= limit) return rows;
        // How densely the newest listings hold the terms, and the terms with the filters, tells which is cheaper:
        // walking on until `limit` listings pass, or fetching and sorting every match of the terms (which costs
        // about three walked listings a match: scattered heap reads, then the sort).
        const std::size_t sample = std::min<std::size_t>(first, 4'000);
        std::string sql = "WITH l AS (" + Walked(sample, params_) + ") SELECT COUNT(*), COUNT(*) FILTER (WHERE TRUE";
        AddFilters(q_, "l.price", sql, params_);
        sql += "), (SELECT reltuples FROM pg_class WHERE oid = 'listings'::regclass) FROM l WHERE TRUE";
        AddPostgresTerms(q_, false, sql, params_);
        const Row counts = c_.Query(sql, Take()).at(0);
        const double with_terms = static_cast<double>(counts[0].AsInt());
        const double passing = static_cast<double>(counts[1].AsInt());
        const double listings = std::max(static_cast<double>(sample), counts[2].AsDouble());
        const double walk = passing > 0 ? static_cast<double>(limit) * static_cast<double>(sample) / passing : HUGE_VAL;
        const double matches = with_terms * listings / static_cast<double>(sample);
        if (walk < 3 * matches && walk < kMaxWalk) {
            rows = Walk(select, static_cast<std::size_t>(walk * 1.3) + sample, limit);
            if (rows.size() >= limit) return rows;
        }
        return AllMatches(select, limit);
    }

private:
    static constexpr double kMaxWalk = 400'000;

    // The newest `rows` public listings within the bound, as a subquery.
    std::string Walked(std::size_t rows, std::vector<Value>& params) const {
        std::string sql = "SELECT * FROM listings WHERE deleted_at IS NULL AND hidden = 0";
        bound_.AddTo("feed_seq", sql, params);
        params.emplace_back(static_cast<std::int64_t>(rows));
        return sql + " ORDER BY feed_seq DESC LIMIT ?";
    }

    // The first `limit` listings of a walk of `rows` that hold the terms and pass the filters. The terms are
    // tested on the keys alone: unpacking each row's n-gram array costs twice the substring test.
    Rows Walk(std::string_view select, std::size_t rows, std::size_t limit) {
        std::string sql = std::string("SELECT ").append(select).append(" FROM (").append(Walked(rows, params_)).append(
            ") l LEFT JOIN market_users u ON u.user_id = l.seller_id WHERE TRUE");
        AddPostgresTerms(q_, false, sql, params_);
        AddFilters(q_, "l.price", sql, params_);
        params_.emplace_back(static_cast<std::int64_t>(limit));
        return c_.Query(sql + " ORDER BY l.feed_seq DESC LIMIT ?", Take());
    }

    // Every match from the GIN index, sorted. `+ 0` keeps the other indexes out: the feed's from giving the
    // order, the price's from a BitmapAnd that the generic plan of this prepared statement picks for a price
    // range without knowing it covers 40 % of the listings.
    Rows AllMatches(std::string_view select, std::size_t limit) {
        std::string sql = std::string("SELECT ").append(select).append(kFrom).append(" WHERE l.deleted_at IS NULL AND l.hidden = 0");
        AddPostgresTerms(q_, true, sql, params_);
        AddFilters(q_, "l.price + 0", sql, params_);
        bound_.AddTo("l.feed_seq", sql, params_);
        params_.emplace_back(static_cast<std::int64_t>(limit));
        return c_.Query(sql + " ORDER BY l.feed_seq + 0 DESC LIMIT ?", Take());
    }

    // The parameters gathered for one statement, leaving none for the next.
    std::vector<Value> Take() { return std::exchange(params_, {}); }

    Connection& c_;
    const FeedQuery& q_;
    const Bound& bound_;
    std::vector<Value> params_;
};

// What a search reads of each match: a page's columns, or only a sorted search's window keys.
enum class Reading { kPage, kWindow };

// The first `limit` public listings matching q's terms and filters within `bound`, newest first. A window
// reading gives (feed_seq, price, popularity).
Rows NewestMatches(Connection& c, const FeedQuery& q, Reading reading, const Bound& bound, std::size_t limit) {
    const std::string select =
        reading == Reading::kPage ? std::string(kColumns) : std::string("l.feed_seq, l.price, ").append(kPopularity);
    if (!IsSqlite(c)) return PostgresSearch(c, q, bound).Newest(select, limit);
    // Driven from the FTS5 index, whose rowid is the feed_seq: it hands out rows newest first, applies the bound
    // itself, and the LIMIT stops it after a page. A window is read from listings_search_window alone (V005),
    // which SQLite would pass over for the unique feed_seq index and then read every listing row.
    std::vector<Value> params;
    std::string match;
    for (const auto& key : q.search_keys) match.append(match.empty() ? "\"" : " \"").append(key).append("\"");
    std::string sql = std::string("SELECT ").append(select).append(
        reading == Reading::kPage ? " FROM listing_search JOIN listings l ON l.feed_seq = listing_search.rowid "
                                    "LEFT JOIN market_users u ON u.user_id = l.seller_id"
                                  : " FROM listing_search JOIN listings l INDEXED BY listings_search_window "
                                    "ON l.feed_seq = listing_search.rowid");
    sql += " WHERE listing_search MATCH ? AND l.deleted_at IS NULL AND l.hidden = 0";
    params.emplace_back(std::move(match));
    AddFilters(q, "l.price", sql, params);
    bound.AddTo("listing_search.rowid", sql, params);
    params.emplace_back(static_cast<std::int64_t>(limit));
    return c.Query(sql + " ORDER BY listing_search.rowid DESC LIMIT ?", params);
}

// A search sorted by price or popularity orders the newest `sort_window` matches, all of them when there are
// fewer: sorting every match of a common term costs seconds at a million listings. The first page fixes the
// window by its oldest listing (the cursor carries it), so later pages sort the same matches plus newer ones.
FeedPage SortedSearch(Connection& c, const FeedQuery& q) {
    const std::int64_t floor = q.after ? q.after->window_floor : 0;
    const std::size_t window_limit = floor > 0 ? 2 * q.sort_window : q.sort_window;
    const Rows window = NewestMatches(c, q, Reading::kWindow, floor > 0 ? Bound{">=", floor} : Bound{}, window_limit);
    struct Candidate {
        std::int64_t key;
        std::int64_t feed_seq;
    };
    const bool ascending = q.sort == Sort::kPriceAsc;
    std::vector<Candidate> candidates;
    for (const Row& r : window) {
        const Candidate candidate{q.sort == Sort::kPopular ? r[2].AsInt() : r[1].AsInt(), r[0].AsInt()};
        // Keyset: after the cursor in the sort's order, ties newest first.
        if (q.after && !(ascending ? candidate.key > q.after->key : candidate.key < q.after->key) &&
            !(candidate.key == q.after->key && candidate.feed_seq < q.after->feed_seq)) {
            continue;
        }
        candidates.push_back(candidate);
    }
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        if (a.key != b.key) return ascending ? a.key < b.key : a.key > b.key;
        return a.feed_seq > b.feed_seq;
    });

    FeedPage page;
    if (window.size() >= q.sort_window) page.sorted_within = q.sort_window;
    if (candidates.size() > q.limit) {
        const Candidate& last = candidates[q.limit - 1];
        page.next = FeedCursor{last.key, last.feed_seq, floor > 0 ? floor : window.back()[0].AsInt()};
        candidates.resize(q.limit);
    }
    if (candidates.empty()) return page;
    std::string sql = std::string("SELECT ").append(kColumns).append(kFrom).append(
        " WHERE l.deleted_at IS NULL AND l.hidden = 0 AND l.feed_seq IN (");
    std::vector<Value> params;
    for (const Candidate& candidate : candidates) {
        sql.append(params.empty() ? "?" : ", ?");
        params.emplace_back(candidate.feed_seq);
    }
    std::map<std::int64_t, ListingView> found;
    for (const Row& r : c.Query(sql.append(")"), params)) {
        ListingView view = ToView(r);
        found.emplace(view.listing.feed_seq, std::move(view));
    }
    // In the window's order; a listing gone since the window was read is left out.
    for (const Candidate& candidate : candidates) {
        if (auto it = found.find(candidate.feed_seq); it != found.end()) page.items.push_back(std::move(it->second));
    }
    return page;
}

}  // namespace

core::Task<ListingView> MarketStore::Create(const NewListing& n) {
    ListingView view = co_await db_.Write([&](Transaction& tx) { return CreateIn(tx, n); });
    co_return Changed(std::move(view));
}

ListingView MarketStore::CreateIn(Transaction& tx, const NewListing& n) {
    {
        const std::int64_t now = ToUnixMillis(tx.Now());
        const std::int64_t id = tx.NextId();
        std::vector<Value> params{id,           n.seller_id,  n.title,   n.description, n.price, CategoryName(n.category),
                                  n.species_id, n.species_name, n.trade_area, PhotosJson(n.photos), now, now, now, id};
        const bool sqlite = IsSqlite(tx.Sql());
        if (!sqlite) {
            // Written with the row: a following UPDATE would leave a dead copy of every new listing.
            SearchColumns columns = SearchColumnsOf(n.title, n.description);
            params.emplace_back(std::move(columns.terms));
            params.emplace_back(std::move(columns.title_key));
            params.emplace_back(std::move(columns.description_key));
        }
        tx.Execute(sqlite ? "INSERT INTO listings (id, seller_id, title, description, price, category, species_id, "
                            "species_name, trade_area, state, photos, created_at, bumped_at, updated_at, feed_seq) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'selling', ?, ?, ?, ?, ?)"
                          : "INSERT INTO listings (id, seller_id, title, description, price, category, species_id, "
                            "species_name, trade_area, state, photos, created_at, bumped_at, updated_at, feed_seq, "
                            "search_terms, title_key, description_key) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'selling', ?, ?, ?, ?, ?, ?::text[], ?, ?)",
                   params);
        ListingView view = *SelectListing(tx.Sql(), id);
        if (sqlite) Index(tx, view.listing);
        const Listing& l = view.listing;
        tx.Publish(PostCreated{l.id, l.seller_id, l.title, l.price, std::string(CategoryName(l.category)), l.species_id,
                               PhotoIds(l)});
        SendKeywordAlerts(tx, l);
        return view;
    }
}

core::Task<std::optional<ListingView>> MarketStore::Find(std::int64_t id) const {
    co_return co_await db_.Read([&](Connection& c) { return SelectListing(c, id); });
}

core::Task<Outcome<ListingView>> MarketStore::Update(std::int64_t id, std::int64_t user_id, const ListingPatch& p) {
    Outcome<ListingView> outcome = co_await db_.Write([&](Transaction& tx) -> Outcome<ListingView> {
        auto own = OwnListing(tx, id, user_id);
        if (auto* refusal = std::get_if<Refusal>(&own)) return *refusal;
        const Listing before = std::get<ListingView>(own).listing;
        if (before.state == State::kSold) return Refusal{409, "market.listing_sold"};
        Listing after = before;
        if (p.title) after.title = *p.title;
        if (p.description) after.description = *p.description;
        if (p.price) after.price = *p.price;
        if (p.category) after.category = *p.category;
        if (p.species_id) {
            after.species_id = *p.species_id;
            after.species_name = *p.species_id ? p.species_name : std::nullopt;
        }
        if (p.trade_area) after.trade_area = *p.trade_area;
        if (p.photos) after.photos = *p.photos;
        if (p.hidden) after.hidden = *p.hidden;
        tx.Execute(
            "UPDATE listings SET title = ?, description = ?, price = ?, category = ?, species_id = ?, species_name = ?, "
            "trade_area = ?, photos = ?, hidden = ?, updated_at = ? WHERE id = ?",
            {after.title, after.description, after.price, CategoryName(after.category), after.species_id,
             after.species_name, after.trade_area, PhotosJson(after.photos), after.hidden, ToUnixMillis(tx.Now()), id});
        const bool text_changed = before.title != after.title || before.description != after.description;
        if (before.IsPublic() != after.IsPublic() || text_changed) {
            Unindex(tx, before);
            Index(tx, after);
        }
        tx.Publish(UpdatedEvent(after));
        // Back in public (or made public by this edit): subscribers who were not told yet are told now.
        if (after.IsPublic() && (!before.IsPublic() || text_changed)) SendKeywordAlerts(tx, after);
        return *SelectListing(tx.Sql(), id);
    });
    co_return Changed(std::move(outcome));
}

core::Task<Outcome<ListingView>> MarketStore::Delete(std::int64_t id, std::int64_t user_id) {
    Outcome<ListingView> outcome = co_await db_.Write([&](Transaction& tx) -> Outcome<ListingView> {
        auto own = OwnListing(tx, id, user_id);
        if (auto* refusal = std::get_if<Refusal>(&own)) return *refusal;
        const Listing& l = std::get<ListingView>(own).listing;
        Unindex(tx, l);
        tx.Execute("UPDATE listings SET deleted_at = ?, updated_at = ? WHERE id = ?",
                   {ToUnixMillis(tx.Now()), ToUnixMillis(tx.Now()), id});
        tx.Publish(PostDeleted{l.id, l.seller_id, PhotoIds(l)});
        return *SelectListing(tx.Sql(), id);
    });
    co_return Changed(std::move(outcome));
}

core::Task<Outcome<ListingView>> MarketStore::ChangeState(std::int64_t id, std::int64_t user_id, State state,
                                                          std::optional<std::int64_t> buyer_id) {
    Outcome<ListingView> outcome = co_await db_.Write([&](Transaction& tx) -> Outcome<ListingView> {
        auto own = OwnListing(tx, id, user_id);
        if (auto* refusal = std::get_if<Refusal>(&own)) return *refusal;
        const Listing& l = std::get<ListingView>(own).listing;
        if (auto refused = CheckTransition(l.state, state)) return Refusal{409, *refused};
        const std::int64_t now = ToUnixMillis(tx.Now());
        if (state == State::kSold) {
            // The buyer is one of the users who chatted with the seller about this listing.
            if (!buyer_id || !tx.QueryOne("SELECT 1 FROM chat_partners WHERE listing_id = ? AND buyer_id = ?",
                                          {id, *buyer_id})) {
                return Refusal{422, "market.buyer_not_chat_partner"};
            }
        }
        // Conditional on the state read above, so two racing changes cannot both apply.
        const auto changed = tx.Execute(
            "UPDATE listings SET state = ?, buyer_id = ?, sold_at = ?, updated_at = ? WHERE id = ? AND state = ?",
            {StateName(state), state == State::kSold ? Value(*buyer_id) : Value(), state == State::kSold ? Value(now) : Value(),
             now, id, StateName(l.state)});
        if (changed != 1) return Refusal{409, "market.listing_changed"};
        ListingView after = *SelectListing(tx.Sql(), id);
        tx.Publish(UpdatedEvent(after.listing));
        if (state == State::kSold) tx.Publish(PostSold{l.id, l.seller_id, *buyer_id, l.price, l.species_id});
        return after;
    });
    co_return Changed(std::move(outcome));
}

core::Task<Outcome<ListingView>> MarketStore::Bump(std::int64_t id, std::int64_t user_id) {
    Outcome<ListingView> outcome = co_await db_.Write([&](Transaction& tx) -> Outcome<ListingView> {
        auto own = OwnListing(tx, id, user_id);
        if (auto* refusal = std::get_if<Refusal>(&own)) return *refusal;
        const Listing& l = std::get<ListingView>(own).listing;
        if (l.state == State::kSold) return Refusal{409, "market.listing_sold"};
        const std::int64_t now = ToUnixMillis(tx.Now());
        if (!CanBump(l.bumped_at, now)) return Refusal{409, "market.bump_too_soon"};
        // A new place at the top of the feed: a fresh feed_seq, and the search index moves with it.
        Unindex(tx, l);
        const std::int64_t seq = tx.NextId();
        const auto changed = tx.Execute("UPDATE listings SET bumped_at = ?, feed_seq = ? WHERE id = ? AND bumped_at = ?",
                                        {now, seq, id, l.bumped_at});
        if (changed != 1) return Refusal{409, "market.bump_too_soon"};
        ListingView after = *SelectListing(tx.Sql(), id);
        Index(tx, after.listing);
        return after;
    });
    co_return Changed(std::move(outcome));
}

core::Task<bool> MarketStore::RecordView(std::int64_t id, const std::string& viewer, std::int64_t day) {
    co_return co_await db_.Write([&](Transaction& tx) {
        if (tx.Execute("INSERT INTO listing_views (listing_id, viewer, day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       {id, viewer, day}) != 1) {
            return false;
        }
        tx.Execute("UPDATE listings SET view_count = view_count + 1 WHERE id = ?", {id});
        return true;
    });
}

core::Task<Outcome<ListingView>> MarketStore::SetWish(std::int64_t id, std::int64_t user_id, bool wished) {
    co_return co_await db_.Write([&](Transaction& tx) -> Outcome<ListingView> {
        auto view = SelectListing(tx.Sql(), id);
        if (!view || !view->listing.IsPublic()) {
            // Taking a wish back from a listing that has gone is still allowed.
            if (wished || !view) return Refusal{404, "market.listing_not_found"};
        }
        const Listing& l = view->listing;
        if (wished) {
            if (tx.Execute("INSERT INTO wishes (user_id, listing_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           {user_id, id, ToUnixMillis(tx.Now())}) == 1) {
                tx.Execute("UPDATE listings SET wish_count = wish_count + 1 WHERE id = ?", {id});
                if (user_id != l.seller_id) tx.Publish(WishAdded{l.id, l.seller_id, user_id, l.title});
            }
        } else if (tx.Execute("DELETE FROM wishes WHERE user_id = ? AND listing_id = ?", {user_id, id}) == 1) {
            tx.Execute("UPDATE listings SET wish_count = wish_count - 1 WHERE id = ?", {id});
        }
        return *SelectListing(tx.Sql(), id);
    });
}

core::Task<bool> MarketStore::IsWished(std::int64_t id, std::int64_t user_id) const {
    co_return co_await db_.Read([&](Connection& c) {
        return c.QueryOne("SELECT 1 FROM wishes WHERE user_id = ? AND listing_id = ?", {user_id, id}).has_value();
    });
}

core::Task<FeedPage> MarketStore::Feed(const FeedQuery& q) const {
    co_return co_await db_.Read([&](Connection& c) {
        if (q.search_keys.empty()) return PlainFeed(c, q);
        if (q.sort == Sort::kNewest) {
            return PageOf(NewestMatches(c, q, Reading::kPage, Bound::Before(q.after), q.limit + 1), q.limit, q.sort);
        }
        return SortedSearch(c, q);
    });
}

core::Task<FeedPage> MarketStore::Mine(std::int64_t user_id, MyList list, std::optional<State> state,
                                       std::optional<FeedCursor> after, std::size_t limit) const {
    co_return co_await db_.Read([&](Connection& c) {
        std::string sql = std::string("SELECT ").append(kColumns).append(kFrom);
        std::vector<Value> params;
        switch (list) {
            case MyList::kSelling: sql += " WHERE l.seller_id = ? AND l.deleted_at IS NULL"; break;
            case MyList::kPurchases: sql += " WHERE l.buyer_id = ? AND l.state = 'sold'"; break;
            case MyList::kWishes:
                sql += " WHERE l.id IN (SELECT listing_id FROM wishes WHERE user_id = ?) AND l.deleted_at IS NULL";
                break;
        }
        params.emplace_back(user_id);
        if (state) {
            sql += " AND l.state = ?";
            params.emplace_back(StateName(*state));
        }
        if (after) {
            sql += " AND l.feed_seq < ?";
            params.emplace_back(after->feed_seq);
        }
        sql += " ORDER BY l.feed_seq DESC LIMIT ?";
        params.emplace_back(static_cast<std::int64_t>(limit + 1));
        return PageOf(c.Query(sql, params), limit, Sort::kNewest);
    });
}

core::Task<Outcome<std::vector<ChatPartner>>> MarketStore::ChatPartners(std::int64_t id, std::int64_t user_id) const {
    co_return co_await db_.Read([&](Connection& c) -> Outcome<std::vector<ChatPartner>> {
        const auto view = SelectListing(c, id);
        if (!view || view->listing.deleted) return Refusal{404, "market.listing_not_found"};
        if (view->listing.seller_id != user_id) return Refusal{403, "market.not_owner"};
        std::vector<ChatPartner> partners;
        for (const Row& r : c.Query("SELECT p.buyer_id, COALESCE(u.nickname, ''), p.room_id, p.created_at "
                                    "FROM chat_partners p LEFT JOIN market_users u ON u.user_id = p.buyer_id "
                                    "WHERE p.listing_id = ? ORDER BY p.created_at, p.buyer_id",
                                    {id})) {
            partners.push_back({r[0].AsInt(), r[1].AsText(), r[2].AsInt(), r[3].AsInt()});
        }
        return partners;
    });
}

core::Task<std::vector<Keyword>> MarketStore::Keywords(std::int64_t user_id) const {
    co_return co_await db_.Read([&](Connection& c) {
        std::vector<Keyword> out;
        for (const Row& r : c.Query("SELECT id, keyword, created_at FROM keywords WHERE user_id = ? ORDER BY id", {user_id})) {
            out.push_back({r[0].AsInt(), r[1].AsText(), r[2].AsInt()});
        }
        return out;
    });
}

core::Task<Outcome<Keyword>> MarketStore::AddKeyword(std::int64_t user_id, const std::string& keyword) {
    const std::string key = SearchKey(keyword);
    co_return co_await db_.Write([&](Transaction& tx) -> Outcome<Keyword> {
        if (tx.QueryOne("SELECT 1 FROM keywords WHERE user_id = ? AND search_key = ?", {user_id, key})) {
            return Refusal{409, "market.keyword_exists"};
        }
        // The count is taken with a conditional update, so concurrent additions cannot pass 20 together.
        tx.Execute("INSERT INTO keyword_owners (user_id, keyword_count) VALUES (?, 0) ON CONFLICT DO NOTHING", {user_id});
        if (tx.Execute("UPDATE keyword_owners SET keyword_count = keyword_count + 1 WHERE user_id = ? AND keyword_count < ?",
                       {user_id, static_cast<std::int64_t>(Limits::kKeywordsMax)}) != 1) {
            return Refusal{409, "market.too_many_keywords"};
        }
        const Keyword k{tx.NextId(), keyword, ToUnixMillis(tx.Now())};
        if (tx.Execute("INSERT INTO keywords (id, user_id, keyword, search_key, created_at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT DO NOTHING",
                       {k.id, user_id, k.keyword, key, k.created_at}) != 1) {
            throw std::runtime_error("keyword added concurrently");  // rolled back with the count
        }
        return k;
    });
}

core::Task<bool> MarketStore::RemoveKeyword(std::int64_t user_id, std::int64_t keyword_id) {
    co_return co_await db_.Write([&](Transaction& tx) {
        if (tx.Execute("DELETE FROM keywords WHERE id = ? AND user_id = ?", {keyword_id, user_id}) != 1) return false;
        tx.Execute("UPDATE keyword_owners SET keyword_count = keyword_count - 1 WHERE user_id = ?", {user_id});
        return true;
    });
}

core::Task<PriceGuide> MarketStore::PriceGuideFor(std::int64_t species_id, std::int64_t since_ms) const {
    co_return co_await db_.Read([&](Connection& c) {
        std::vector<std::int64_t> prices;
        for (const Row& r : c.Query("SELECT price FROM listings WHERE species_id = ? AND state = 'sold' AND sold_at >= ?",
                                    {species_id, since_ms})) {
            prices.push_back(r[0].AsInt());
        }
        return MakePriceGuide(std::move(prices));
    });
}

void MarketStore::OnChatRoomCreated(Transaction& tx, const chat::ChatRoomCreated& e) {
    const auto listing = tx.QueryOne("SELECT seller_id FROM listings WHERE id = ?", {e.post_id});
    // A room about a listing market does not know, or one where the "buyer" is the seller, is not a buyer.
    if (!listing || (*listing)[0].AsInt() != e.seller_id || e.buyer_id == e.seller_id) return;
    if (tx.Execute("INSERT INTO chat_partners (listing_id, buyer_id, room_id, created_at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT DO NOTHING",
                   {e.post_id, e.buyer_id, e.room_id, ToUnixMillis(tx.Now())}) == 1) {
        tx.Execute("UPDATE listings SET chat_count = chat_count + 1 WHERE id = ?", {e.post_id});
    }
}

void MarketStore::RememberNickname(Transaction& tx, std::int64_t user_id, const std::string& nickname) {
    tx.Execute("INSERT INTO market_users (user_id, nickname) VALUES (?, ?) "
               "ON CONFLICT (user_id) DO UPDATE SET nickname = excluded.nickname",
               {user_id, nickname});
}

void MarketStore::ForgetUser(Transaction& tx, std::int64_t user_id) {
    // Their listings go with them; trades already made stay in the buyers' histories.
    for (const Row& r : tx.Query(std::string("SELECT ").append(kColumns).append(kFrom).append(
                                     " WHERE l.seller_id = ? AND l.deleted_at IS NULL"),
                                 {user_id})) {
        const Listing l = ToView(r).listing;
        Unindex(tx, l);
        tx.Execute("UPDATE listings SET deleted_at = ? WHERE id = ?", {ToUnixMillis(tx.Now()), l.id});
        tx.Publish(PostDeleted{l.id, l.seller_id, PhotoIds(l)});
    }
    tx.Execute("UPDATE listings SET wish_count = wish_count - 1 WHERE id IN (SELECT listing_id FROM wishes WHERE user_id = ?)",
               {user_id});
    tx.Execute("DELETE FROM wishes WHERE user_id = ?", {user_id});
    tx.Execute("DELETE FROM keywords WHERE user_id = ?", {user_id});
    tx.Execute("DELETE FROM keyword_owners WHERE user_id = ?", {user_id});
    tx.Execute("INSERT INTO market_users (user_id, nickname, deleted) VALUES (?, '', 1) "
               "ON CONFLICT (user_id) DO UPDATE SET nickname = '', deleted = 1",
               {user_id});
}

core::Task<std::int64_t> MarketStore::PurgeViewsBefore(std::int64_t day) {
    co_return co_await db_.Write([&](Transaction& tx) { return tx.Execute("DELETE FROM listing_views WHERE day < ?", {day}); });
}

}  // namespace sikgu::market
