#include "core/bus/event_bus.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json.hpp>
#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/bus/in_process_transport.hpp"
#include "core/sql/database.hpp"
#include "core/sql/migrator.hpp"
#include "core/sql/sqlite.hpp"
#include "core/util/ids.hpp"
#include "support/test_server.hpp"

namespace sikgu::bus {
namespace {
using namespace std::chrono_literals;

// A producer and two consumer databases on SQLite, the in-process transport and a running event loop.
class EventBusTest : public ::testing::Test {
protected:
    EventBusTest() : ids_(clock_, 1) {
        for (auto* db : {&producer_, &consumer_a_, &consumer_b_}) {
            sql::Migrate(**db, (*db)->Name() + ".bus", BusMigrations());
            (*db)->SetServices({.clock = &clock_, .ids = &ids_, .publish = [this](sql::Transaction& tx, std::string_view type,
                                                                                  std::string_view key,
                                                                                  const boost::json::object& data, int version) {
                                    const auto id = AppendToOutbox(tx, type, key, data, version);
                                    tx.AfterCommit([this]() -> core::Task<void> {
                                        bus_.Published("producer");
                                        co_return;
                                    });
                                    return id;
                                }});
        }
        for (auto* db : {&consumer_a_, &consumer_b_}) {
            (*db)->WriteNow([](sql::Connection& c) { c.Execute("CREATE TABLE seen (n INTEGER NOT NULL, k TEXT NOT NULL)"); });
        }
        bus_.AddProducer("producer", *producer_);
    }

    ~EventBusTest() override { StopLoop(); }

    std::unique_ptr<sql::Database> Open(const std::string& name) {
        const auto path = (dir_.Path() / (name + ".db")).string();
        return std::make_unique<sql::Database>(name, [path] { return sql::OpenSqlite({path}); }, sql::DatabaseOptions{.pool_size = 2});
    }

    // Records the event's number in the consumer's own table, in the consumer's unit of work.
    static EventHandler Record(bool (*fails)(const Envelope&) = nullptr) {
        return [fails](sql::Transaction& tx, const Envelope& e) {
            tx.Execute("INSERT INTO seen (n, k) VALUES (?, ?)", {e.data.at("n").as_int64(), e.key});
            if (fails != nullptr && fails(e)) throw std::runtime_error("cannot handle " + std::to_string(e.data.at("n").as_int64()));
        };
    }

    void StartLoop() {
        bus_.Start(io_);
        for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
    }
    void StopLoop() {
        bus_.Stop();
        work_.reset();
        io_.stop();
        for (auto& t : threads_) t.join();
        threads_.clear();
    }

    void Publish(int n, const std::string& key) {
        producer_->WriteNow([&](sql::Transaction& tx) { tx.Publish("number.counted", key, {{"n", n}}); });
    }

    std::vector<std::pair<std::int64_t, std::string>> Seen(sql::Database& db) {
        std::vector<std::pair<std::int64_t, std::string>> out;
        for (const auto& row : db.ReadNow([](sql::Connection& c) { return c.Query("SELECT n, k FROM seen ORDER BY rowid"); })) {
            out.emplace_back(row[0].AsInt(), row[1].AsText());
        }
        return out;
    }

    template <class Condition>
    bool WaitUntil(Condition condition, std::chrono::milliseconds at_most = 5s) {
        const auto deadline = std::chrono::steady_clock::now() + at_most;
        while (std::chrono::steady_clock::now() < deadline) {
            if (condition()) return true;
            std::this_thread::sleep_for(1ms);
        }
        return condition();
    }

    test::TempDir dir_;
    SystemClock clock_;  // retries are scheduled on this clock: real time here
    IdGenerator ids_;
    std::unique_ptr<sql::Database> producer_ = Open("producer");
    std::unique_ptr<sql::Database> consumer_a_ = Open("a");
    std::unique_ptr<sql::Database> consumer_b_ = Open("b");
    // The event loop outlives the bus that runs on it.
    boost::asio::io_context io_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_{io_.get_executor()};
    std::vector<std::thread> threads_;
    InProcessTransport transport_;
    BusOptions options_{.max_attempts = 3, .first_retry = 20ms, .max_retry = 40ms, .poll = 50ms};
    EventBus bus_{transport_, clock_, options_};
};

TEST_F(EventBusTest, DeliversEveryEventInOrderWithinMillisecondsAndMarksThemPublished) {
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> handled_at(300);
    bus_.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"},
                   [&](sql::Transaction& tx, const Envelope& e) {
                       Record()(tx, e);
                       std::lock_guard lock(mutex);
                       handled_at[static_cast<std::size_t>(e.data.at("n").as_int64())] = std::chrono::steady_clock::now();
                   });
    StartLoop();
    // One at a time: the time from commit to the consumer's handler.
    std::vector<double> latencies_ms;
    for (int n = 0; n < 50; ++n) {
        const auto committed = std::chrono::steady_clock::now();
        Publish(n, "k");
        ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() == static_cast<std::size_t>(n + 1); }));
        std::lock_guard lock(mutex);
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(handled_at[n] - committed).count());
    }
    std::sort(latencies_ms.begin(), latencies_ms.end());
    EXPECT_LT(latencies_ms[latencies_ms.size() / 2], 5.0) << "median commit-to-handler latency";
    // Then a burst larger than a batch: every event once, in publishing order.
    for (int n = 50; n < 300; ++n) Publish(n, "k");
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() == 300U; }));
    const auto seen = Seen(*consumer_a_);
    for (int n = 0; n < 300; ++n) EXPECT_EQ(seen[static_cast<std::size_t>(n)].first, n);
    EXPECT_TRUE(WaitUntil([&] { return bus_.OutboxPending().at("producer") == 0; }));
}

// Consumer a cannot handle event 3 (key "bad"); consumer b handles everything. a's other keys go on, its
// later "bad" events wait behind event 3 until a gives up on it (dead letter); b is never held back.
TEST_F(EventBusTest, AFailingConsumerHoldsBackOnlyItselfAndOnlyThatKeyThenDeadLetters) {
    static std::atomic<int> failures_of_3;
    failures_of_3 = 0;
    std::map<std::int64_t, int> failures_seen_by;  // event -> failures of event 3 when it was handled
    std::mutex mutex;
    bus_.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"}, [&](sql::Transaction& tx, const Envelope& e) {
        const auto n = e.data.at("n").as_int64();
        if (n == 3) {
            ++failures_of_3;
            throw std::runtime_error("cannot handle 3");
        }
        Record()(tx, e);
        std::lock_guard lock(mutex);
        failures_seen_by[n] = failures_of_3.load();
    });
    bus_.Subscribe("b:number.counted", "b", *consumer_b_, {"number.counted"}, Record());
    StartLoop();
    for (int n = 0; n < 10; ++n) Publish(n, n % 2 == 1 ? "bad" : "good");
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_b_).size() == 10U; }));
    // a: the good key is done, and the bad key waits behind event 3 while it is retried.
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() >= 6U; }));
    // Then event 3 becomes a dead letter (3 attempts, 20 ms apart) and the rest of its key follows.
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() == 9U; }));
    const auto seen = Seen(*consumer_a_);
    std::vector<std::int64_t> bad_order;
    for (const auto& [n, k] : seen) {
        if (k == "bad") bad_order.push_back(n);
    }
    EXPECT_EQ(bad_order, (std::vector<std::int64_t>{1, 5, 7, 9}));  // 3 never committed; order kept
    {
        std::lock_guard lock(mutex);
        // The bad key's later events waited until event 3 was given up on; the good key never waited.
        for (const std::int64_t n : {5, 7, 9}) EXPECT_EQ(failures_seen_by[n], 3) << n;
        EXPECT_EQ(failures_seen_by[1], 0);
        EXPECT_LT(failures_seen_by[8], 3);
    }
    const auto letters = bus_.DeadLetters();
    ASSERT_EQ(letters.size(), 1U);
    EXPECT_EQ(letters[0].consumer, "a:number.counted");
    EXPECT_EQ(letters[0].attempts, 3);
    EXPECT_NE(letters[0].last_error.find("cannot handle 3"), std::string::npos);
    const auto stats = bus_.Stats();
    EXPECT_EQ(stats[0].dead, 1);
    EXPECT_EQ(stats[0].pending, 0);
    EXPECT_EQ(stats[0].failures, 3U);
    EXPECT_EQ(stats[1].dead, 0);
    EXPECT_EQ(stats[1].handled, 10U);
    // Put back by an operator, it is tried again (and fails again here).
    EXPECT_TRUE(bus_.Retry("a:number.counted", letters[0].event_id));
    EXPECT_FALSE(bus_.Retry("a:number.counted", letters[0].event_id));  // not dead any more
    EXPECT_TRUE(WaitUntil([&] { return bus_.Stats()[0].failures == 6U && bus_.DeadLetters().size() == 1U; }));
}

TEST_F(EventBusTest, ARedeliveredBatchIsHandledOnce) {
    bus_.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"}, Record());
    StartLoop();
    const Envelope event{ids_.Next(), "number.counted", 1, clock_.Now(), "k", {{"n", 7}}};
    const std::vector<Envelope> batch{event};
    for (int i = 0; i < 3; ++i) {
        boost::asio::co_spawn(io_, transport_.Send("producer", batch), boost::asio::use_future).get();
    }
    ASSERT_TRUE(WaitUntil([&] { return !Seen(*consumer_a_).empty(); }));
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(Seen(*consumer_a_).size(), 1U);
}

// Events committed while nothing runs, and events received but not handled when the process stopped, are
// all delivered once the bus runs again.
TEST_F(EventBusTest, NothingCommittedIsLostAcrossARestart) {
    for (int n = 0; n < 5; ++n) Publish(n, "k");
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
    {
        // A first process whose handler cannot succeed yet: the events reach the inbox and stay pending.
        InProcessTransport transport;
        EventBus first(transport, clock_, options_);
        first.AddProducer("producer", *producer_);
        first.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"},
                        [](sql::Transaction&, const Envelope&) { throw std::runtime_error("not yet"); });
        first.Start(io_);
        ASSERT_TRUE(WaitUntil([&] { return first.Stats()[0].failures >= 1; }));
        first.Stop();
        EXPECT_EQ(first.OutboxPending().at("producer"), 0);
        EXPECT_EQ(first.Stats()[0].pending, 5);
    }
    EXPECT_TRUE(Seen(*consumer_a_).empty());
    // The next process finds them in the inbox (and would find unsent ones in the outbox).
    Publish(5, "k");
    bus_.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"}, Record());
    bus_.Start(io_);
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() == 6U; }));
    const auto seen = Seen(*consumer_a_);
    for (int n = 0; n < 6; ++n) EXPECT_EQ(seen[static_cast<std::size_t>(n)].first, n);
}

// Two instances of both services share their databases (the split shape's scale-out): both publishers send
// every batch and both consumers race for every event, yet each is handled exactly once.
TEST_F(EventBusTest, TwoInstancesSharingTheDatabasesHandleEachEventOnce) {
    auto producer_again = Open("producer");
    auto consumer_again = Open("a");
    producer_again->SetServices({.clock = &clock_, .ids = &ids_});
    consumer_again->SetServices({.clock = &clock_, .ids = &ids_});
    InProcessTransport other_transport;
    EventBus other(other_transport, clock_, options_);
    other.AddProducer("producer", *producer_again);
    other.Subscribe("a:number.counted", "a", *consumer_again, {"number.counted"}, Record());
    bus_.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"}, Record());
    StartLoop();
    other.Start(io_);
    for (int n = 0; n < 200; ++n) Publish(n, "k" + std::to_string(n % 7));
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() >= 200U; }));
    std::this_thread::sleep_for(200ms);
    other.Stop();
    const auto seen = Seen(*consumer_a_);
    EXPECT_EQ(seen.size(), 200U);
    std::set<std::int64_t> distinct;
    for (const auto& [n, k] : seen) distinct.insert(n);
    EXPECT_EQ(distinct.size(), 200U);
}

// Once everything is delivered, the bus only reads: no write transaction on any database while idle.
TEST_F(EventBusTest, AnIdleBusWritesNothing) {
    bus_.Subscribe("a:number.counted", "a", *consumer_a_, {"number.counted"}, Record());
    StartLoop();
    Publish(1, "k");
    ASSERT_TRUE(WaitUntil([&] { return Seen(*consumer_a_).size() == 1U; }));
    ASSERT_TRUE(WaitUntil([&] { return bus_.OutboxPending().at("producer") == 0; }));
    std::this_thread::sleep_for(100ms);
    const auto producer_units = producer_->CommittedUnits();
    const auto consumer_units = consumer_a_->CommittedUnits();
    std::this_thread::sleep_for(400ms);  // eight safety polls
    EXPECT_EQ(producer_->CommittedUnits(), producer_units);
    EXPECT_EQ(consumer_a_->CommittedUnits(), consumer_units);
}

}  // namespace
}  // namespace sikgu::bus
