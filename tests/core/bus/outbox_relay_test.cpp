#include "core/bus/outbox_relay.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/sql/database.hpp"
#include "core/sql/migrator.hpp"
#include "core/sql/sqlite.hpp"
#include "core/util/ids.hpp"
#include "support/test_server.hpp"

namespace sikgu::bus {
namespace {

class OutboxRelayTest : public ::testing::Test {
protected:
    OutboxRelayTest()
        : producer_("producer", Open("producer.db"), {2}), consumer_("consumer", Open("consumer.db"), {2}), ids_(clock_, 1) {
        sql::Migrate(producer_, "producer.bus", BusMigrations());
        sql::Migrate(consumer_, "consumer.bus", BusMigrations());
        consumer_.WriteNow([](sql::Connection& c) { c.Execute("CREATE TABLE seen (n INTEGER NOT NULL)"); });
        relay_.AddProducer("producer", producer_);
        producer_.SetServices({.clock = &clock_, .ids = &ids_});
    }

    sql::Database::Factory Open(const std::string& name) {
        const auto path = (dir_.Path() / name).string();
        return [path] { return sql::OpenSqlite({path}); };
    }

    void PublishNumbers(int count) {
        producer_.WriteNow([&](sql::Transaction& tx) {
            for (int i = 0; i < count; ++i) AppendToOutbox(tx, "number.counted", "k", {{"n", i}}, 1);
        });
    }

    std::vector<std::int64_t> Seen() {
        std::vector<std::int64_t> out;
        for (const auto& row : consumer_.WriteNow([](sql::Connection& c) { return c.Query("SELECT n FROM seen ORDER BY rowid"); })) {
            out.push_back(row[0].AsInt());
        }
        return out;
    }

    test::TempDir dir_;
    test::FakeClock clock_;
    sql::Database producer_;
    sql::Database consumer_;
    IdGenerator ids_;
    OutboxRelay relay_{clock_};
};

TEST_F(OutboxRelayTest, DeliversInOrderAndMarksPublished) {
    relay_.Subscribe("consumer", consumer_, "number.counted", [](sql::Connection& c, const Envelope& e) {
        c.Execute("INSERT INTO seen (n) VALUES (?)", {e.data.at("n").as_int64()});
    });
    PublishNumbers(250);  // more than one batch
    std::size_t total = 0;
    while (const auto n = relay_.DeliverPending()) total += n;
    EXPECT_EQ(total, 250U);
    const auto seen = Seen();
    ASSERT_EQ(seen.size(), 250U);
    for (int i = 0; i < 250; ++i) EXPECT_EQ(seen[i], i);
    EXPECT_EQ(relay_.Pending().at("producer"), 0);
}

TEST_F(OutboxRelayTest, RedeliveryIsHarmlessThanksToTheInbox) {
    relay_.Subscribe("consumer", consumer_, "number.counted", [](sql::Connection& c, const Envelope& e) {
        c.Execute("INSERT INTO seen (n) VALUES (?)", {e.data.at("n").as_int64()});
    });
    PublishNumbers(3);
    relay_.DeliverPending();
    // As if the process died after the consumer committed but before the producer marked the events.
    producer_.WriteNow([](sql::Connection& c) { c.Execute("UPDATE outbox SET published_at = NULL"); });
    relay_.DeliverPending();
    EXPECT_EQ(Seen(), (std::vector<std::int64_t>{0, 1, 2}));
}

TEST_F(OutboxRelayTest, AFailingHandlerHoldsTheStreamAndRollsBackItsWork) {
    int calls = 0;
    relay_.Subscribe("consumer", consumer_, "number.counted", [&](sql::Connection& c, const Envelope& e) {
        c.Execute("INSERT INTO seen (n) VALUES (?)", {e.data.at("n").as_int64()});
        if (e.data.at("n").as_int64() == 1 && ++calls == 1) throw std::runtime_error("transient");
    });
    PublishNumbers(3);
    EXPECT_EQ(relay_.DeliverPending(), 1U);  // 0 delivered, 1 failed, 2 waits behind it
    EXPECT_EQ(Seen(), (std::vector<std::int64_t>{0}));
    EXPECT_EQ(relay_.DeliverPending(), 2U);
    EXPECT_EQ(Seen(), (std::vector<std::int64_t>{0, 1, 2}));
}

TEST_F(OutboxRelayTest, TheBackgroundThreadDelivers) {
    std::atomic<int> delivered{0};
    relay_.Subscribe("consumer", consumer_, "number.counted", [&](sql::Connection&, const Envelope&) { ++delivered; });
    relay_.Start();
    PublishNumbers(5);
    relay_.Notify();
    for (int i = 0; i < 200 && delivered < 5; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    relay_.Stop();
    EXPECT_EQ(delivered, 5);
}

}  // namespace
}  // namespace sikgu::bus
