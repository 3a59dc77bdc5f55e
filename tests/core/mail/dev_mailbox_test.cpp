#include <gtest/gtest.h>

#include <fstream>

#include "core/mail/mailer.hpp"
#include "support/store_test.hpp"

namespace sikgu::mail {
namespace {

void SendNow(DevMailbox& box, const Mail& mail) { test::TaskRunner().Run(box.Send(mail)); }

TEST(DevMailbox, PruneDeletesOnlyMailSentBeforeTheCutoff) {
    test::TempDir dir;
    test::FakeClock clock;
    DevMailbox box(dir.Path() / "mailbox", clock);
    SendNow(box, Mail{"old@example.com", "old", "x"});
    { std::ofstream(dir.Path() / "mailbox" / "0000000000001-000000-abc.tmp") << "cut short"; }
    clock.Advance(std::chrono::hours(24 * 8));
    SendNow(box, Mail{"new@example.com", "new", "y"});
    EXPECT_EQ(box.Prune(clock.Now() - std::chrono::hours(24 * 7)), 2U);
    const auto left = box.List(10);
    ASSERT_EQ(left.size(), 1U);
    EXPECT_EQ(left[0].to, "new@example.com");
    EXPECT_EQ(box.Prune(clock.Now() - std::chrono::hours(24 * 7)), 0U);
}

}  // namespace
}  // namespace sikgu::mail
