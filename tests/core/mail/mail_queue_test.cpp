#include "core/mail/mail_queue.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "core/sql/migrator.hpp"
#include "core/util/ids.hpp"
#include "support/store_test.hpp"

namespace sikgu::mail {
namespace {

// Records what it sends; fails while `failures_left` is positive.
class RecordingMailer final : public Mailer {
public:
    core::Task<void> Send(const Mail& mail) override {
        if (failures_left > 0) {
            --failures_left;
            throw std::runtime_error("smtp: connection refused");
        }
        sent.push_back(mail);
        co_return;
    }
    int failures_left = 0;
    std::vector<Mail> sent;
};

// The durable mail queue on SQLite, and on PostgreSQL under ctest sql.postgres.
class MailQueueTest : public ::testing::TestWithParam<sql::Engine> {
protected:
    void SetUp() override {
        db_ = test::OpenStoreTestDatabase(GetParam(), dir_, "mailq");
        SIKGU_REQUIRE_PREREQUISITE(db_ != nullptr, "a PostgreSQL server: run under tests/support/with_postgres.sh (ctest sql.postgres)");
        sql::Migrate(*db_, "mailq.mail", MailQueueMigrations());
        queue_ = std::make_unique<MailQueue>(*db_, mailer_, ids_, clock_, MailQueueOptions{});
    }

    // Enqueues in a committed transaction, as a store would, without sending.
    QueuedMail Enqueue(const std::string& to, std::chrono::seconds life = std::chrono::hours(1)) {
        return db_->WriteNow([&](sql::Connection& c) {
            return queue_->Enqueue(c, Mail{to, "subject " + to, "body"}, clock_.Now() + life);
        });
    }

    std::int64_t Queued() {
        return db_->WriteNow([](sql::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM mail_queue")->at(0).AsInt(); });
    }

    test::TempDir dir_;
    test::FakeClock clock_;
    IdGenerator ids_{clock_, 1};
    std::unique_ptr<sql::Database> db_;
    RecordingMailer mailer_;
    std::unique_ptr<MailQueue> queue_;
    test::TaskRunner runner_;
};

TEST_P(MailQueueTest, SentMailLeavesTheQueue) {
    const auto queued = Enqueue("a@example.com");
    runner_.Run(queue_->SendNow(queued));
    ASSERT_EQ(mailer_.sent.size(), 1U);
    EXPECT_EQ(mailer_.sent[0].to, "a@example.com");
    EXPECT_EQ(Queued(), 0);
}

TEST_P(MailQueueTest, AFailedMailIsRetriedWithBackoffUntilItGoesThrough) {
    mailer_.failures_left = 2;
    const auto queued = Enqueue("b@example.com");
    runner_.Run(queue_->SendNow(queued));  // attempt 1 fails: next try in 30 s
    EXPECT_TRUE(mailer_.sent.empty());
    EXPECT_EQ(Queued(), 1);
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 0U);  // not due yet
    clock_.Advance(std::chrono::seconds(30));
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 0U);  // attempt 2 fails: next try in 60 s
    clock_.Advance(std::chrono::seconds(59));
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 0U);
    EXPECT_EQ(mailer_.failures_left, 0);
    clock_.Advance(std::chrono::seconds(1));
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 1U);
    ASSERT_EQ(mailer_.sent.size(), 1U);
    EXPECT_EQ(mailer_.sent[0].subject, "subject b@example.com");
    EXPECT_EQ(Queued(), 0);
    EXPECT_EQ(queue_->Depth(), 0);
}

TEST_P(MailQueueTest, MailOrphanedByACrashIsSentOnceItsLeaseEnds) {
    // Committed but never sent: the process died before SendNow.
    Enqueue("c@example.com");
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 0U) << "the sender that enqueued it may still be sending it";
    clock_.Advance(std::chrono::seconds(60));
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 1U);
    EXPECT_EQ(mailer_.sent.size(), 1U);
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 0U) << "sent exactly once";
}

TEST_P(MailQueueTest, MailNotSentBeforeItsDeadlineIsDropped) {
    mailer_.failures_left = 100;
    const auto queued = Enqueue("d@example.com", std::chrono::minutes(10));
    runner_.Run(queue_->SendNow(queued));
    for (int i = 0; i < 12; ++i) {
        clock_.Advance(std::chrono::minutes(1));
        runner_.Run(queue_->SendDue());
    }
    EXPECT_EQ(Queued(), 0);
    mailer_.failures_left = 0;
    clock_.Advance(std::chrono::hours(2));
    EXPECT_EQ(runner_.Run(queue_->SendDue()), 0U);
    EXPECT_TRUE(mailer_.sent.empty()) << "an expired code is never delivered";
}

TEST_P(MailQueueTest, ARolledBackTransactionLeavesNoMail) {
    EXPECT_THROW(db_->WriteNow([&](sql::Connection& c) {
                     queue_->Enqueue(c, Mail{"e@example.com", "s", "b"}, clock_.Now() + std::chrono::hours(1));
                     throw std::runtime_error("the state change failed");
                 }),
                 std::runtime_error);
    EXPECT_EQ(Queued(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, MailQueueTest, ::testing::Values(sql::Engine::kSqlite, sql::Engine::kPostgres),
                         [](const auto& info) { return test::EngineName(info.param); });

}  // namespace
}  // namespace sikgu::mail
