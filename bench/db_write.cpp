// Durable single-row write transactions through sikgu's Database::Write at many concurrent callers, as a
// ratio to the same SQLite file doing 100-row transactions in a tight loop on one connection (what this
// disk can commit at best). The two alternate in short rounds so both see the same disk and CPU weather; the
// median per-round ratio is the figure. Usage: bench_db_write [seconds=5] [callers=64] [synchronous=normal|full]
// [rounds=5]
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/sql/database.hpp"
#include "core/sql/sqlite.hpp"

namespace {
using Clock = std::chrono::steady_clock;
using sikgu::sql::Connection;

std::filesystem::path FreshFile(const std::string& name) {
    const auto path = std::filesystem::temp_directory_path() / ("sikgu-bench-" + name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return path;
}

void CreateTable(Connection& c) { c.ExecuteScript("CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, v TEXT)"); }

// The physical limit: 100 rows per transaction, one connection, no coroutines, no threads.
double TightLoopRowsPerSecond(const std::string& synchronous, double seconds) {
    const auto path = FreshFile("tight");
    auto c = sikgu::sql::OpenSqlite({path.string(), synchronous});
    CreateTable(*c);
    std::int64_t id = 0;
    const auto start = Clock::now();
    const auto until = start + std::chrono::duration<double>(seconds);
    while (Clock::now() < until) {
        c->Execute("BEGIN IMMEDIATE");
        for (int i = 0; i < 100; ++i) c->Execute("INSERT INTO rows (id, v) VALUES (?, ?)", {++id, "payload"});
        c->Execute("COMMIT");
    }
    return static_cast<double>(id) / std::chrono::duration<double>(Clock::now() - start).count();
}

struct GroupResult {
    double units_per_second;
    double units_per_commit;
};

// `callers` coroutines on two event-loop threads, each writing one row per unit of work for `seconds`.
GroupResult GroupCommitUnitsPerSecond(const std::string& synchronous, double seconds, int callers) {
    const auto path = FreshFile("group");
    sikgu::sql::Database db("bench", [path, synchronous] { return sikgu::sql::OpenSqlite({path.string(), synchronous}); },
                            sikgu::sql::DatabaseOptions{});
    db.WriteNow([](Connection& c) { CreateTable(c); });
    const auto commits_before = db.Commits();
    const auto units_before = db.CommittedUnits();
    boost::asio::io_context io;
    std::atomic<std::int64_t> next_id{0};
    std::atomic<bool> running{true};
    for (int i = 0; i < callers; ++i) {
        boost::asio::co_spawn(
            io,
            [&]() -> sikgu::core::Task<void> {
                while (running.load(std::memory_order_relaxed)) {
                    const std::int64_t id = ++next_id;
                    co_await db.Write([id](Connection& c) { c.Execute("INSERT INTO rows (id, v) VALUES (?, ?)", {id, "payload"}); });
                }
            },
            boost::asio::detached);
    }
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) threads.emplace_back([&] { io.run(); });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    running = false;
    const auto units = db.CommittedUnits() - units_before;
    const auto commits = db.Commits() - commits_before;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    for (auto& t : threads) t.join();
    return {static_cast<double>(units) / elapsed, commits == 0 ? 0.0 : static_cast<double>(units) / commits};
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::stod(argv[1]) : 5.0;
    const int callers = argc > 2 ? std::stoi(argv[2]) : 64;
    const std::string synchronous = argc > 3 ? argv[3] : "normal";
    const int rounds = std::max(1, argc > 4 ? std::stoi(argv[4]) : 5);
    const double round_seconds = seconds / rounds;
    std::printf("synchronous=%s callers=%d seconds=%.1f rounds=%d\n", synchronous.c_str(), callers, seconds, rounds);
    std::vector<double> ratios;
    for (int round = 1; round <= rounds; ++round) {
        const double tight = TightLoopRowsPerSecond(synchronous, round_seconds);
        const GroupResult group = GroupCommitUnitsPerSecond(synchronous, round_seconds, callers);
        ratios.push_back(group.units_per_second / tight);
        std::printf("round %d: baseline %9.0f rows/s, Database::Write %9.0f units/s (%.1f per commit), %.2fx\n", round,
                    tight, group.units_per_second, group.units_per_commit, ratios.back());
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("ratio (median of %d rounds, one row per unit of work vs 100-row tight loop) %.2fx  [min %.2fx, max %.2fx]\n",
                rounds, ratios[ratios.size() / 2], ratios.front(), ratios.back());
    return 0;
}
