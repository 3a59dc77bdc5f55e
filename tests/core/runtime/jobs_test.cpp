#include "core/runtime/jobs.hpp"

#include <gtest/gtest.h>

#include "core/util/time.hpp"

namespace sikgu::runtime {
namespace {

TimePoint At(const char* rfc3339) { return *ParseRfc3339(rfc3339); }

TEST(JobSchedule, DailyAtAWallClockTimeInSeoul) {
    // 13:00 in Seoul is 04:00 UTC.
    const auto drop = JobSchedule::DailyAt(13, 0, kSeoul);
    EXPECT_EQ(drop.SlotAtOrBefore(At("2026-12-02T04:00:00Z")), At("2026-12-02T04:00:00Z"));
    EXPECT_EQ(drop.SlotAtOrBefore(At("2026-12-02T03:59:59.999Z")), At("2026-12-01T04:00:00Z"));
    EXPECT_EQ(drop.NextSlotAfter(At("2026-12-02T04:00:00Z")), At("2026-12-03T04:00:00Z"));
    EXPECT_EQ(drop.NextSlotAfter(At("2026-12-01T23:30:00Z")), At("2026-12-02T04:00:00Z"));  // 08:30 next day there
    // Just after midnight in Seoul (15:00 UTC the day before) the next drop is still that Seoul day's 13:00.
    EXPECT_EQ(drop.NextSlotAfter(At("2026-12-01T15:30:00Z")), At("2026-12-02T04:00:00Z"));
    const auto archive = JobSchedule::DailyAt(0, 30, kSeoul);  // 15:30 UTC the day before
    EXPECT_EQ(archive.NextSlotAfter(At("2026-12-01T15:29:00Z")), At("2026-12-01T15:30:00Z"));
    EXPECT_EQ(drop.Describe(), "daily at 13:00 Asia/Seoul");
}

TEST(JobSchedule, PeriodicSlotsAreAlignedSoInstancesAgree) {
    const auto every = JobSchedule::Every(std::chrono::minutes(10));
    EXPECT_EQ(every.SlotAtOrBefore(At("2026-12-02T04:17:31Z")), At("2026-12-02T04:10:00Z"));
    EXPECT_EQ(every.NextSlotAfter(At("2026-12-02T04:17:31Z")), At("2026-12-02T04:20:00Z"));
    EXPECT_EQ(every.NextSlotAfter(At("2026-12-02T04:20:00Z")), At("2026-12-02T04:30:00Z"));
}

TEST(TimeZones, FixedOffsetsOnly) {
    EXPECT_EQ(ParseTimeZone("Asia/Seoul")->offset, std::chrono::hours(9));
    EXPECT_EQ(ParseTimeZone("UTC")->offset, std::chrono::minutes(0));
    EXPECT_EQ(ParseTimeZone("+05:30")->offset, std::chrono::minutes(330));
    EXPECT_EQ(ParseTimeZone("-03:00")->offset, std::chrono::minutes(-180));
    EXPECT_FALSE(ParseTimeZone("Europe/Berlin"));  // daylight saving: refused, not guessed
    EXPECT_FALSE(ParseTimeZone("+25:00"));
    EXPECT_FALSE(ParseTimeZone("0900"));
}

}  // namespace
}  // namespace sikgu::runtime
