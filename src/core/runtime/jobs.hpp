#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "core/async/task.hpp"
#include "core/util/clock.hpp"
#include "core/util/embedded_file.hpp"
#include "core/util/time.hpp"

namespace boost::asio {
class io_context;
}
namespace sikgu::sql {
class Database;
}
namespace sikgu::obs {
class Metrics;
}

namespace sikgu::runtime {

/// When a job runs: every period (slots aligned to the epoch, so every instance agrees on them), or once a
/// day at a wall-clock time in a time zone (the coupon drop at 13:00 Asia/Seoul).
class JobSchedule {
public:
    static JobSchedule Every(std::chrono::milliseconds period);
    static JobSchedule DailyAt(int hour, int minute, const TimeZone& zone);

    /// The latest slot at or before `t`.
    TimePoint SlotAtOrBefore(TimePoint t) const;
    /// The first slot after `t`.
    TimePoint NextSlotAfter(TimePoint t) const;
    std::string Describe() const;

private:
    std::chrono::milliseconds period_{0};  // Every; or one day for DailyAt
    std::chrono::minutes offset_in_day_{0};  // DailyAt: the wall-clock time, in UTC minutes after midnight
    std::string describe_;
};

struct JobSpec {
    std::string name;  // "<service>.<job>", also the metrics label
    JobSchedule schedule;
    /// Among instances sharing the service's database, one runs each slot (a claim on its job_runs row).
    /// false: every process runs it, for work on process memory (reloading a cache).
    bool once_across_instances = true;
    /// After downtime, run the latest missed slot if it is at most this old (0: a missed slot is skipped).
    std::chrono::milliseconds catch_up_within{0};
    /// A run that has not finished this long after its claim may be taken over by another instance.
    std::chrono::milliseconds lease{std::chrono::minutes(10)};
};

using JobFunction = std::function<core::Task<void>()>;

/// Runs the process's jobs on the event loop. Each job sleeps until its next slot (waking at least every
/// `tick` to follow the injected clock), claims the slot in its service's database when it must run once
/// across instances, runs, and records the outcome there and in /metrics. A failing run is logged and the
/// schedule goes on.
class JobScheduler {
public:
    JobScheduler(const Clock& clock, std::string instance_id, std::chrono::milliseconds tick);
    ~JobScheduler();

    /// `db` is the owning service's database (nullptr for the runtime's own per-process jobs, which then run
    /// in every process).
    void Add(JobSpec spec, JobFunction job, sql::Database* db);
    void Start(boost::asio::io_context& io);
    void Stop();
    void ExportMetrics(obs::Metrics& metrics) const;

private:
    struct Job;
    core::Task<void> Loop(Job& job);
    core::Task<void> RunSlot(Job& job, TimePoint slot);
    core::Task<bool> Claim(Job& job, TimePoint slot);

    const Clock& clock_;
    const std::string instance_id_;
    const std::chrono::milliseconds tick_;
    std::vector<std::unique_ptr<Job>> jobs_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable done_;
    int running_ = 0;
};

/// The job_runs table (one claim row per job), applied to every service database.
std::span<const EmbeddedFile> JobMigrations();

}  // namespace sikgu::runtime
