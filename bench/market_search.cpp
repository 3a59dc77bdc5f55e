// The marketplace feed and search at scale: builds a market database of N generated listings through the
// real migrations and MarketStore::CreateIn, then times MarketStore::Feed for one-, two- and longer-term
// queries (common and rare terms, with and without filters and sorts), the plain feed and deep keyset pages.
// Prints markdown tables to stdout and progress to stderr.
//
// Usage: bench_market_search [--listings N=1000000] [--engine sqlite|postgres] [--postgres-url URL]
//                            [--db PATH] [--queries 2000] [--reuse] [--seed S] [--only 'TEXT|TEXT']
// --only measures just the rows whose label contains one of the texts (e.g. --only 'newest|popular').
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/listing_generator.hpp"
#include "core/bus/event.hpp"
#include "core/sql/database.hpp"
#include "core/sql/migrator.hpp"
#include "core/sql/postgres.hpp"
#include "core/sql/sqlite.hpp"
#include "core/util/ids.hpp"
#include "core/util/search_text.hpp"
#include "core/util/text.hpp"

namespace sikgu::market {
std::span<const EmbeddedFile> Migrations();
}

namespace {

using Clock = std::chrono::steady_clock;
using sikgu::bench::GeneratedListing;
using sikgu::bench::ListingGenerator;
using sikgu::market::Category;
using sikgu::market::FeedQuery;
using sikgu::market::MarketStore;
using sikgu::market::Sort;
using sikgu::market::State;
using sikgu::sql::Database;

constexpr std::size_t kBatch = 5'000;
constexpr double kCaseBudgetSeconds = 10;

struct Options {
    std::int64_t listings = 1'000'000;
    std::string engine = "sqlite";
    std::string postgres_url;
    std::string db_path;
    std::size_t queries = 2'000;
    bool reuse = false;
    std::uint64_t seed = 20261203;
    std::vector<std::string> only;

    bool Selected(const std::string& label) const {
        return only.empty() ||
               std::any_of(only.begin(), only.end(), [&](const auto& t) { return label.find(t) != std::string::npos; });
    }
};

Options ParseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--listings")
            o.listings = std::stoll(value());
        else if (arg == "--engine")
            o.engine = value();
        else if (arg == "--postgres-url")
            o.postgres_url = value();
        else if (arg == "--db")
            o.db_path = value();
        else if (arg == "--queries")
            o.queries = std::stoul(value());
        else if (arg == "--seed")
            o.seed = std::stoull(value());
        else if (arg == "--only") {
            const std::string texts = value();
            for (std::size_t start = 0; start <= texts.size();) {
                const std::size_t end = std::min(texts.find('|', start), texts.size());
                o.only.push_back(texts.substr(start, end - start));
                start = end + 1;
            }
        } else if (arg == "--reuse")
            o.reuse = true;
        else
            throw std::runtime_error("unknown argument " + arg);
    }
    if (o.engine != "sqlite" && o.engine != "postgres") throw std::runtime_error("--engine is sqlite or postgres");
    if (o.engine == "postgres" && o.postgres_url.empty())
        throw std::runtime_error("--engine postgres needs --postgres-url");
    if (o.db_path.empty()) {
        o.db_path =
            (std::filesystem::temp_directory_path() / fmt::format("sikgu-bench-market-{}.db", o.listings)).string();
    }
    return o;
}

std::string LoadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// --- terms --------------------------------------------------------------------------------------------

struct TermSet {
    std::string name;
    std::vector<std::vector<std::string>> queries;  // each a list of search keys (AND)
};

std::vector<std::string> Keys(std::initializer_list<const char*> words) {
    std::vector<std::string> keys;
    for (const char* w : words) keys.push_back(sikgu::SearchKey(w));
    return keys;
}

// How many of `sample` listings contain each candidate key, in the title or the description.
std::map<std::string, std::int64_t> DocumentFrequency(const std::vector<std::string>& candidates,
                                                      const std::vector<GeneratedListing>& sample) {
    std::map<std::string, std::int64_t> df;
    for (const auto& c : candidates) df[c] = 0;
    for (const auto& g : sample) {
        const std::string title = sikgu::SearchKey(g.listing.title);
        const std::string description = sikgu::SearchKey(g.listing.description);
        for (auto& [key, n] : df) {
            if (title.find(key) != std::string::npos || description.find(key) != std::string::npos) ++n;
        }
    }
    return df;
}

// Query terms from the generator's own words: the most frequent and the rarest (seen at least 3 times in
// a 20 000-listing sample) of each length class, by how many listings contain them.
std::vector<TermSet> ChooseTerms(const std::vector<sikgu::bench::SpeciesName>& species, std::uint64_t seed) {
    ListingGenerator generator(species, seed ^ 0x5eed);
    std::vector<GeneratedListing> sample;
    for (int i = 0; i < 20'000; ++i) sample.push_back(generator.Next());
    std::vector<std::string> candidates;
    for (const auto& word : generator.Vocabulary()) {
        std::size_t start = 0;
        while (start < word.size()) {
            const std::size_t end = std::min(word.find(' ', start), word.size());
            const std::string key = sikgu::SearchKey(word.substr(start, end - start));
            if (!key.empty()) candidates.push_back(key);
            for (const char32_t cp : sikgu::SearchKeyCodePoints(key)) {
                std::string one;
                sikgu::AppendUtf8(one, cp);
                candidates.push_back(one);
            }
            start = end + 1;
        }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const auto df = DocumentFrequency(candidates, sample);
    const auto by_length = [&](std::size_t min_chars, std::size_t max_chars, bool common) {
        std::vector<std::pair<std::int64_t, std::string>> ranked;
        for (const auto& [key, n] : df) {
            const std::size_t chars = sikgu::SearchKeyCodePoints(key).size();
            const bool digits = std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (chars >= min_chars && chars <= max_chars && n >= 3 && !digits) ranked.emplace_back(n, key);
        }
        std::sort(ranked.begin(), ranked.end());
        if (common) std::reverse(ranked.begin(), ranked.end());
        std::vector<std::vector<std::string>> out;
        for (std::size_t i = 0; i < ranked.size() && out.size() < 4; ++i) out.push_back({ranked[i].second});
        return out;
    };
    const auto single = [](std::vector<std::string> keys) {
        std::vector<std::vector<std::string>> out;
        for (auto& k : keys) out.push_back({std::move(k)});
        return out;
    };
    return {
        {"3+ chars, named", single(Keys({"몬스테라", "스투키", "금전수", "산세베리아"}))},
        {"3+ chars, common", by_length(3, 100, true)},
        {"3+ chars, rare", by_length(3, 100, false)},
        {"2 chars, named", single(Keys({"화분", "알보", "대품", "분양"}))},
        {"2 chars, common", by_length(2, 2, true)},
        {"2 chars, rare", by_length(2, 2, false)},
        {"1 char, common", by_length(1, 1, true)},
        {"1 char, rare", by_length(1, 1, false)},
        {"multi-term",
         {Keys({"몬스테라", "알보"}), Keys({"토분", "3호"}), Keys({"스투키", "나눔"}), Keys({"화분", "직거래"}),
          Keys({"몬스테라", "삽수", "분양"})}},
    };
}

// --- database -----------------------------------------------------------------------------------------

struct Bench {
    Options options;
    sikgu::SystemClock clock;
    sikgu::IdGenerator ids{clock, 1};
    std::unique_ptr<Database> db;
    std::unique_ptr<MarketStore> store;
    boost::asio::io_context io;

    bool Sqlite() const { return options.engine == "sqlite"; }

    void Open(bool fresh) {
        db.reset();
        if (Sqlite()) {
            if (fresh) {
                for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(options.db_path + suffix);
            }
            const std::string path = options.db_path;
            db = std::make_unique<Database>(
                "market", [path] { return sikgu::sql::OpenSqlite({path}); }, sikgu::sql::DatabaseOptions{2});
        } else {
            const std::string url = options.postgres_url;
            db = std::make_unique<Database>(
                "market", [url] { return sikgu::sql::OpenPostgres(url); }, sikgu::sql::DatabaseOptions{2});
            if (fresh)
                db->WriteNow([](sikgu::sql::Connection& c) {
                    c.ExecuteScript("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                });
        }
        db->SetServices({.clock = &clock, .ids = &ids, .publish = sikgu::bus::AppendToOutbox, .mail = {}});
        sikgu::sql::Migrate(*db, "market.bus", sikgu::bus::BusMigrations());
        sikgu::sql::Migrate(*db, "market", sikgu::market::Migrations());
        store = std::make_unique<MarketStore>(*db);
    }

    std::int64_t Count() {
        return db->ReadNow(
            [](sikgu::sql::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM listings")->at(0).AsInt(); });
    }

    // Bytes on disk: SQLite's file and WAL; PostgreSQL's pg_database_size.
    std::string SizeOnDisk() {
        const auto mib = [](std::int64_t bytes) {
            return fmt::format("{:.0f} MiB", static_cast<double>(bytes) / 1048576.0);
        };
        if (!Sqlite()) {
            return db->ReadNow([&](sikgu::sql::Connection& c) {
                const auto r = c.QueryOne(
                    "SELECT pg_database_size(current_database()), pg_relation_size('listings'), "
                    "pg_relation_size('listings_search'), pg_total_relation_size('listings')");
                return fmt::format(
                    "database {} (listings heap {}, GIN index listings_search {}, listings with all its "
                    "indexes and TOAST {})",
                    mib((*r)[0].AsInt()), mib((*r)[1].AsInt()), mib((*r)[2].AsInt()), mib((*r)[3].AsInt()));
            });
        }
        const auto size = [](const std::string& path) {
            std::error_code ec;
            const auto n = std::filesystem::file_size(path, ec);
            return ec ? std::int64_t{0} : static_cast<std::int64_t>(n);
        };
        return fmt::format("file {} + WAL {}", mib(size(options.db_path)), mib(size(options.db_path + "-wal")));
    }

    template <class T>
    T Run(sikgu::core::Task<T> task) {
        auto future = boost::asio::co_spawn(io, std::move(task), boost::asio::use_future);
        io.restart();
        io.run();
        return future.get();
    }
};

// Posts the listings in units of work of kBatch through MarketStore::CreateIn. What happens to a listing
// after it is posted (reserved, sold, views, 찜, chats) goes in the same unit of work as one UPDATE, since
// the store's per-listing calls for it (ChangeState after a chat, RecordView, SetWish) would make the build
// a benchmark of those. The outbox rows are deleted in the same unit of work, as the publisher would.
void Build(Bench& b, const std::vector<sikgu::bench::SpeciesName>& species) {
    b.Open(true);
    b.db->WriteNow([](sikgu::sql::Transaction& tx) {
        for (std::int64_t id = 1; id <= ListingGenerator::kSellers; ++id) {
            MarketStore::RememberNickname(tx, id, ListingGenerator::Nickname(id));
        }
    });
    ListingGenerator generator(species, b.options.seed);
    Clock::duration in_store{};
    const auto start = Clock::now();
    std::vector<GeneratedListing> batch;
    for (std::int64_t done = 0; done < b.options.listings;) {
        batch.clear();
        while (batch.size() < kBatch && done + static_cast<std::int64_t>(batch.size()) < b.options.listings) {
            batch.push_back(generator.Next());
        }
        const auto batch_start = Clock::now();
        b.db->WriteNow([&](sikgu::sql::Transaction& tx) {
            for (const GeneratedListing& g : batch) {
                const auto view = MarketStore::CreateIn(tx, g.listing);
                const bool sold = g.state == State::kSold;
                tx.Execute(
                    "UPDATE listings SET state = ?, sold_at = ?, view_count = ?, wish_count = ?, chat_count = ? "
                    "WHERE id = ?",
                    {sikgu::market::StateName(g.state),
                     sold ? sikgu::sql::Value(view.listing.created_at) : sikgu::sql::Value(), g.views, g.wishes,
                     g.chats, view.listing.id});
            }
            tx.Execute("DELETE FROM outbox");
        });
        in_store += Clock::now() - batch_start;
        done += static_cast<std::int64_t>(batch.size());
        if (done % 100'000 == 0 || done == b.options.listings) {
            std::fprintf(stderr, "  %lld listings, %.0f s in the store, load %s\n", static_cast<long long>(done),
                         Seconds(in_store), LoadAverage().c_str());
        }
    }
    const double total = Seconds(Clock::now() - start);
    std::printf(
        "| build: %lld listings through MarketStore::CreateIn, %zu per unit of work | %.0f s in the store "
        "(%.0f listings/s); %.0f s with generation | load %s |\n",
        static_cast<long long>(b.options.listings), kBatch, Seconds(in_store),
        static_cast<double>(b.options.listings) / Seconds(in_store), total, LoadAverage().c_str());
    std::printf("| size right after the build | %s | |\n", b.SizeOnDisk().c_str());
    const auto finish = Clock::now();
    if (b.Sqlite()) {
        b.db->ReadNow([](sikgu::sql::Connection& c) { c.Query("PRAGMA wal_checkpoint(TRUNCATE)"); });
        std::printf("| size after `PRAGMA wal_checkpoint(TRUNCATE)` (%.0f s) | %s | |\n",
                    Seconds(Clock::now() - finish), b.SizeOnDisk().c_str());
    } else {
        // What autovacuum does to a freshly loaded table: set the visibility map, flush the GIN pending list, and
        // gather the statistics the planner needs.
        // A read connection: VACUUM cannot run inside the transaction a write opens.
        b.db->ReadNow([](sikgu::sql::Connection& c) { c.ExecuteScript("VACUUM ANALYZE listings"); });
        std::printf("| size after `VACUUM ANALYZE listings` (%.0f s) | %s | |\n", Seconds(Clock::now() - finish),
                    b.SizeOnDisk().c_str());
    }
}

// --- queries ------------------------------------------------------------------------------------------

struct Variant {
    std::string name;
    std::optional<Category> category;
    std::vector<State> states;
    std::optional<std::int64_t> min_price, max_price;
    Sort sort = Sort::kNewest;
};

const std::vector<Variant>& Variants() {
    static const std::vector<Variant> variants = {
        {"newest", {}, {}, {}, {}, Sort::kNewest},
        {"category=plant", Category::kPlant, {}, {}, {}, Sort::kNewest},
        {"price 10 000–30 000", {}, {}, 10'000, 30'000, Sort::kNewest},
        {"state=selling", {}, {State::kSelling}, {}, {}, Sort::kNewest},
        {"sort=price_asc", {}, {}, {}, {}, Sort::kPriceAsc},
        {"sort=popular", {}, {}, {}, {}, Sort::kPopular},
        {"plant, selling, 10 000–30 000, price_asc",
         Category::kPlant,
         {State::kSelling},
         10'000,
         30'000,
         Sort::kPriceAsc},
    };
    return variants;
}

FeedQuery MakeQuery(const Variant& v, std::vector<std::string> keys) {
    FeedQuery q;
    q.search_keys = std::move(keys);
    q.category = v.category;
    q.states = v.states;
    q.min_price = v.min_price;
    q.max_price = v.max_price;
    q.sort = v.sort;
    return q;
}

std::string Joined(const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "" : " ") + k;
    return s;
}

// Runs `make(i)` for up to --queries queries (or kCaseBudgetSeconds), after a warm-up of a tenth as many
// (or a second), and prints one table row.
template <class Make>
void Measure(Bench& b, const std::string& label, Make make) {
    if (!b.options.Selected(label)) return;
    std::size_t i = 0;
    const auto warmup_start = Clock::now();
    for (; i < std::max<std::size_t>(1, b.options.queries / 10) && Seconds(Clock::now() - warmup_start) < 1; ++i) {
        b.Run(b.store->Feed(make(i)));
    }
    std::vector<double> ms;
    std::size_t min_items = SIZE_MAX, max_items = 0;
    const auto start = Clock::now();
    for (; ms.size() < b.options.queries && Seconds(Clock::now() - start) < kCaseBudgetSeconds; ++i) {
        const FeedQuery q = make(i);
        const auto t0 = Clock::now();
        const auto page = b.Run(b.store->Feed(q));
        ms.push_back(Seconds(Clock::now() - t0) * 1000);
        min_items = std::min(min_items, page.items.size());
        max_items = std::max(max_items, page.items.size());
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
    };
    const std::string items =
        min_items == max_items ? std::to_string(min_items) : fmt::format("{}–{}", min_items, max_items);
    std::printf("| %s | %zu | %.2f | %.2f | %.2f | %s | %s |\n", label.c_str(), ms.size(), at(0.5), at(0.99), ms.back(),
                items.c_str(), LoadAverage().c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "  %s: p50 %.2f ms, p99 %.2f ms\n", label.c_str(), at(0.5), at(0.99));
}

// What the generator's own texts say of each query: how many listings match, and the newest of them (a
// sorted search's window) with their prices and titles.
struct Expected {
    std::int64_t matches = 0;
    std::deque<std::pair<std::int64_t, std::string>> newest;  // (price, title), oldest first
};

void RunQueries(Bench& b, const std::vector<TermSet>& sets, const std::map<std::string, Expected>& expected) {
    std::printf("\n| term set | terms (listings containing each, of %lld) |\n| --- | --- |\n",
                static_cast<long long>(b.options.listings));
    for (const auto& set : sets) {
        std::string terms;
        for (const auto& keys : set.queries) {
            terms += fmt::format("{}{} ({})", terms.empty() ? "" : ", ", Joined(keys), expected.at(Joined(keys)).matches);
        }
        std::printf("| %s | %s |\n", set.name.c_str(), terms.c_str());
    }

    std::printf(
        "\n| query | queries | p50 ms | p99 ms | max ms | items on the page | load average |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (const auto& v : Variants()) {
        Measure(b, "no query, " + v.name, [&](std::size_t) { return MakeQuery(v, {}); });
    }
    const auto seqs = b.db->ReadNow([](sikgu::sql::Connection& c) {
        const auto r = c.QueryOne("SELECT MIN(feed_seq), MAX(feed_seq) FROM listings");
        return std::pair{(*r)[0].AsInt(), (*r)[1].AsInt()};
    });
    std::mt19937_64 rng(b.options.seed);
    // A page that starts at a uniformly random place in the feed: on average half a million listings deep.
    const auto deep = [&](std::vector<std::string> keys) {
        FeedQuery q = MakeQuery(Variants()[0], std::move(keys));
        q.after = sikgu::market::FeedCursor{
            0,
            seqs.first + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(seqs.second - seqs.first + 1))};
        return q;
    };
    Measure(b, "no query, newest, deep keyset page (random cursor)", [&](std::size_t) { return deep({}); });
    Measure(b, "화분, newest, deep keyset page (random cursor)", [&](std::size_t) { return deep(Keys({"화분"})); });
    Measure(b, "스투키, newest, deep keyset page (random cursor)", [&](std::size_t) { return deep(Keys({"스투키"})); });
    // A sorted search's later page: it reads the first page's window again (from the cursor's floor on).
    const auto second_page = [&](const std::string& label, std::vector<std::string> keys) {
        if (!b.options.Selected(label)) return;
        FeedQuery q = MakeQuery(Variants()[4], std::move(keys));
        q.after = b.Run(b.store->Feed(q)).next;
        if (!q.after) throw std::runtime_error(label + ": the first page has no next page");
        Measure(b, label, [&](std::size_t) { return q; });
    };
    second_page("화분, sort=price_asc, second page (window floor)", Keys({"화분"}));
    second_page("스투키, sort=price_asc, second page (window floor)", Keys({"스투키"}));
    for (const auto& set : sets) {
        for (const auto& v : Variants()) {
            Measure(b, set.name + ", " + v.name,
                    [&](std::size_t i) { return MakeQuery(v, set.queries[i % set.queries.size()]); });
        }
    }
}

// Counted from the generator's texts and checked against the store's answers (see Verify).
std::map<std::string, Expected> ExpectedMatches(const Options& o, const std::vector<sikgu::bench::SpeciesName>& species,
                                                const std::vector<TermSet>& sets) {
    std::vector<std::vector<std::string>> queries;
    for (const auto& set : sets) queries.insert(queries.end(), set.queries.begin(), set.queries.end());
    std::sort(queries.begin(), queries.end());
    queries.erase(std::unique(queries.begin(), queries.end()), queries.end());
    std::map<std::string, Expected> expected;
    for (const auto& q : queries) expected[Joined(q)];
    const std::size_t window = FeedQuery{}.sort_window;
    ListingGenerator generator(species, o.seed);
    for (std::int64_t i = 0; i < o.listings; ++i) {
        const GeneratedListing g = generator.Next();
        const std::string title = sikgu::SearchKey(g.listing.title);
        const std::string description = sikgu::SearchKey(g.listing.description);
        for (const auto& q : queries) {
            const bool all = std::all_of(q.begin(), q.end(), [&](const std::string& k) {
                return title.find(k) != std::string::npos || description.find(k) != std::string::npos;
            });
            if (!all) continue;
            Expected& e = expected[Joined(q)];
            ++e.matches;
            e.newest.emplace_back(g.listing.price, g.listing.title);
            if (e.newest.size() > window) e.newest.pop_front();
        }
    }
    return expected;
}

// A newest-first page of a query with fewer matches than a page holds must return exactly them; with more,
// a full page. A cheapest-first page must be the cheapest of the newest window's matches (ties newest first).
void Verify(Bench& b, const std::vector<TermSet>& sets, const std::map<std::string, Expected>& expected) {
    for (const auto& set : sets) {
        for (const auto& keys : set.queries) {
            const Expected& e = expected.at(Joined(keys));
            if (b.options.Selected(set.name + ", newest")) {
                const auto page = b.Run(b.store->Feed(MakeQuery(Variants()[0], keys)));
                const auto want = static_cast<std::size_t>(std::min<std::int64_t>(20, e.matches));
                if (page.items.size() != want) {
                    throw std::runtime_error(fmt::format("{}: {} items on the first page, expected {}", Joined(keys),
                                                         page.items.size(), want));
                }
            }
            if (b.options.Selected(set.name + ", sort=price_asc")) {
                const auto page = b.Run(b.store->Feed(MakeQuery(Variants()[4], keys)));
                std::vector<std::pair<std::int64_t, std::size_t>> order;  // (price, age: 0 newest)
                for (std::size_t i = 0; i < e.newest.size(); ++i) order.emplace_back(e.newest[i].first, e.newest.size() - 1 - i);
                std::sort(order.begin(), order.end());
                order.resize(std::min<std::size_t>(order.size(), 20));
                bool same = page.items.size() == order.size();
                for (std::size_t i = 0; same && i < order.size(); ++i) {
                    const auto& [price, title] = e.newest[e.newest.size() - 1 - order[i].second];
                    same = page.items[i].listing.price == price && page.items[i].listing.title == title;
                }
                if (!same) throw std::runtime_error(Joined(keys) + ": the cheapest-first page is not the window's cheapest");
            }
        }
    }
}
}  // namespace

int main(int argc, char** argv) {
    try {
        Bench b;
        b.options = ParseOptions(argc, argv);
        const auto species = sikgu::bench::LoadSpeciesNames(SIKGU_SOURCE_DIR "/data/plants/catalogue.json");
        std::printf("bench_market_search: %lld listings on %s (%s), seed %llu, load %s\n\n",
                    static_cast<long long>(b.options.listings), b.options.engine.c_str(),
                    b.Sqlite() ? b.options.db_path.c_str() : "PostgreSQL",
                    static_cast<unsigned long long>(b.options.seed), LoadAverage().c_str());
        std::printf("| step | figure | |\n| --- | --- | --- |\n");
        bool built = false;
        if (b.options.reuse && (!b.Sqlite() || std::filesystem::exists(b.options.db_path))) {
            b.Open(false);
            built = b.Count() == b.options.listings;
            if (built) std::printf("| reused the database | %s | |\n", b.SizeOnDisk().c_str());
        }
        if (!built) Build(b, species);
        const auto sets = ChooseTerms(species, b.options.seed);
        const auto count_start = Clock::now();
        const auto expected = ExpectedMatches(b.options, species, sets);
        std::fprintf(stderr, "  counted matches in %.0f s\n", Seconds(Clock::now() - count_start));
        Verify(b, sets, expected);
        RunQueries(b, sets, expected);
        std::printf("\nload average at the end: %s\n", LoadAverage().c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_market_search: %s\n", e.what());
        return 1;
    }
}
