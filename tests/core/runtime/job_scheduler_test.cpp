#include "core/runtime/jobs.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/runtime/module.hpp"
#include "core/sql/database.hpp"
#include "support/test_server.hpp"

namespace sikgu::runtime {
namespace {
using namespace std::chrono_literals;

// A module whose jobs write a row per run into its own database, so the stored runs can be counted.
std::atomic<int> g_failures{0};

class ChoresModule final : public Module {
public:
    explicit ChoresModule(ServiceContext& context) : db_(context.db) {}
    void Register(Registry& r) override {
        static constexpr EmbeddedFile kMigrations[] = {
            {"V001__create_runs.sql", "CREATE TABLE runs (job TEXT NOT NULL, at BIGINT NOT NULL)"}};
        r.AddMigrations(kMigrations);
        r.AddJob({.name = "chores.drop", .schedule = JobSchedule::DailyAt(13, 0, kSeoul),
                  .catch_up_within = std::chrono::hours(2)},
                 Record("chores.drop"));
        r.AddJob({.name = "chores.local", .schedule = JobSchedule::Every(50ms), .once_across_instances = false},
                 Record("chores.local"));
        r.AddJob({.name = "chores.fail", .schedule = JobSchedule::Every(50ms), .once_across_instances = false},
                 []() -> core::Task<void> {
                     ++g_failures;
                     throw std::runtime_error("boom");
                     co_return;
                 });
    }

private:
    JobFunction Record(std::string job) {
        return [this, job]() -> core::Task<void> {
            co_await db_.Write([&](sql::Transaction& tx) {
                tx.Execute("INSERT INTO runs (job, at) VALUES (?, ?)", {job, ToUnixMillis(tx.Now())});
            });
        };
    }
    sql::Database& db_;
};

std::unique_ptr<Module> MakeChores(ServiceContext& c) { return std::make_unique<ChoresModule>(c); }
const std::vector<ModuleEntry> kChores = {{"chores", &MakeChores}};

std::int64_t Runs(test::TestServer& server, const std::string& job) {
    return server.App().DatabaseOf("chores").ReadNow([&](sql::Connection& c) {
        return c.QueryOne("SELECT COUNT(*) FROM runs WHERE job = ?", {job})->at(0).AsInt();
    });
}

template <class Condition>
bool WaitUntil(Condition condition, std::chrono::milliseconds at_most = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + at_most;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return condition();
}

const std::map<std::string, std::string> kFastTicks = {{"core.job_tick_ms", "10"}};

std::map<std::string, std::string> With(std::map<std::string, std::string> a, const std::map<std::string, std::string>& b) {
    a.insert(b.begin(), b.end());
    return a;
}

void SetClock(test::TestServer& server, const char* rfc3339) {
    const auto target = *ParseRfc3339(rfc3339);
    server.Clock().Advance(std::chrono::duration_cast<std::chrono::seconds>(target - server.Clock().Now()));
}

// The clock moves by hand: the job runs when its wall-clock time passes, once, and again a day later.
TEST(JobScheduler, ADailyJobRunsWhenItsTimeOfDayPassesInItsZone) {
    test::TestServer server("", kFastTicks, kChores);
    SetClock(server, "2026-12-02T03:59:58Z");  // 12:59:58 in Seoul
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(Runs(server, "chores.drop"), 0);
    server.Clock().Advance(3s);
    ASSERT_TRUE(WaitUntil([&] { return Runs(server, "chores.drop") == 1; }));
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(Runs(server, "chores.drop"), 1);
    server.Clock().Advance(24h);
    ASSERT_TRUE(WaitUntil([&] { return Runs(server, "chores.drop") == 2; }));
    const auto metrics = server.Client().Get("/metrics").body;
    EXPECT_NE(metrics.find(R"(sikgu_job_runs_total{job="chores.drop",outcome="ok"} 2)"), std::string::npos) << metrics;
}

TEST(JobScheduler, PeriodicJobsRunAgainAndAFailingRunDoesNotEndTheSchedule) {
    g_failures = 0;
    test::TestServer server("", kFastTicks, kChores);
    // The periodic slots follow the server's clock: move it on and they come round.
    for (int i = 0; i < 5; ++i) {
        server.Clock().Advance(1s);
        std::this_thread::sleep_for(30ms);
    }
    EXPECT_TRUE(WaitUntil([&] { return Runs(server, "chores.local") >= 3 && g_failures >= 3; }));
    const auto metrics = server.Client().Get("/metrics").body;
    EXPECT_NE(metrics.find(R"(sikgu_job_runs_total{job="chores.fail",outcome="failed"})"), std::string::npos);
}

// Two instances of the service share its database: each slot of a once-across-instances job runs once.
TEST(JobScheduler, TwoInstancesSharingADatabaseRunEachSlotOnce) {
    // Started at that time rather than moved there: moving a clock back would leave the periodic jobs waiting
    // for the slot they planned at the real time.
    const auto start = *ParseRfc3339("2026-12-02T03:59:59Z");
    test::TestServer first("", kFastTicks, kChores, start);
    test::TestServer second("", With(first.SharedDatabases(), kFastTicks), kChores, start);
    std::this_thread::sleep_for(50ms);
    for (auto* server : {&first, &second}) server->Clock().Advance(2s);
    ASSERT_TRUE(WaitUntil([&] { return Runs(first, "chores.drop") >= 1; }));
    std::this_thread::sleep_for(300ms);  // the other instance has had every chance by now
    EXPECT_EQ(Runs(first, "chores.drop"), 1);
    const auto claim = first.App().DatabaseOf("chores").ReadNow([](sql::Connection& c) {
        return c.QueryOne("SELECT last_slot, last_outcome FROM job_runs WHERE name = 'chores.drop'");
    });
    ASSERT_TRUE(claim);
    EXPECT_EQ((*claim)[0].AsInt(), ToUnixMillis(*ParseRfc3339("2026-12-02T04:00:00Z")));
    EXPECT_EQ((*claim)[1].AsText(), "ok");
    // A job on process memory ran in both.
    // (each process's own run of the slot may land a little after the shared one on a loaded machine)
    EXPECT_TRUE(WaitUntil([&] { return Runs(first, "chores.local") >= 2; })) << Runs(first, "chores.local");
}

// A slot missed while nothing ran is run once at start, if recent enough for the job; a second start does
// not run it again, and a slot older than the catch-up window is not run at all.
TEST(JobScheduler, AMissedSlotIsCaughtUpOnceAtStart) {
    // Databases that outlive each server, as a restarted process finds them.
    test::TempDir data;
    auto shared = With({{"core.data_dir", data.Path().string()}}, kFastTicks);
    std::unique_ptr<test::PostgresDatabases> postgres;
    if (test::ComponentTestsOnPostgres()) {
        postgres = std::make_unique<test::PostgresDatabases>(test::AllModulesAnd(kChores));
        shared["core.sql.engine"] = "postgres";
        shared["core.sql.postgres_url"] = postgres->UrlTemplate();
    }
    const auto at = [](const char* t) { return std::optional<TimePoint>(*ParseRfc3339(t)); };
    {
        // 14:15 in Seoul: the 13:00 drop was missed 75 minutes ago, within its two hours.
        test::TestServer late("", shared, kChores, at("2026-12-02T05:15:00Z"));
        ASSERT_TRUE(WaitUntil([&] { return Runs(late, "chores.drop") == 1; }));
    }
    {
        test::TestServer again("", shared, kChores, at("2026-12-02T05:20:00Z"));
        std::this_thread::sleep_for(200ms);
        EXPECT_EQ(Runs(again, "chores.drop"), 1);  // that slot is done
    }
    {
        // The next day at 16:30: 13:00 was three and a half hours ago, too long for this job.
        test::TestServer much_later("", shared, kChores, at("2026-12-03T07:30:00Z"));
        std::this_thread::sleep_for(200ms);
        EXPECT_EQ(Runs(much_later, "chores.drop"), 1);
    }
}

}  // namespace
}  // namespace sikgu::runtime
