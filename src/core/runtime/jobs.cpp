#include "core/runtime/jobs.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>
#include <algorithm>

#include "core/obs/log.hpp"
#include "core/obs/metrics.hpp"
#include "core/sql/database.hpp"

namespace sikgu::runtime {
namespace asio = boost::asio;
using Millis = std::chrono::milliseconds;

JobSchedule JobSchedule::Every(Millis period) {
    JobSchedule s;
    s.period_ = std::max(period, Millis(1));
    s.describe_ = fmt::format("every {} ms", s.period_.count());
    return s;
}

JobSchedule JobSchedule::DailyAt(int hour, int minute, const TimeZone& zone) {
    JobSchedule s;
    s.period_ = std::chrono::hours(24);
    const auto local = std::chrono::minutes(hour * 60 + minute);
    // The same instant every day in UTC, since the zone has a fixed offset.
    s.offset_in_day_ = ((local - zone.offset) % std::chrono::minutes(24 * 60) + std::chrono::minutes(24 * 60)) %
                       std::chrono::minutes(24 * 60);
    s.describe_ = fmt::format("daily at {:02}:{:02} {}", hour, minute, zone.name);
    return s;
}

TimePoint JobSchedule::SlotAtOrBefore(TimePoint t) const {
    const auto since_epoch = std::chrono::duration_cast<Millis>(t.time_since_epoch()) - offset_in_day_;
    auto slots = since_epoch.count() / period_.count();
    if (since_epoch.count() < 0 && since_epoch.count() % period_.count() != 0) --slots;
    return TimePoint(std::chrono::duration_cast<TimePoint::duration>(Millis(slots * period_.count()) + offset_in_day_));
}

TimePoint JobSchedule::NextSlotAfter(TimePoint t) const { return SlotAtOrBefore(t) + period_; }

std::string JobSchedule::Describe() const { return describe_; }

struct JobScheduler::Job {
    JobSpec spec;
    JobFunction run;
    sql::Database* db;
    // Process-local history for /metrics.
    std::atomic<std::uint64_t> ok{0};
    std::atomic<std::uint64_t> failed{0};
    std::atomic<std::uint64_t> skipped{0};  // another instance had the slot
    std::atomic<std::int64_t> last_started_ms{0};
    std::atomic<std::int64_t> last_success_ms{0};
    std::atomic<double> last_duration_seconds{0};
    std::shared_ptr<asio::steady_timer> timer;  // the loop's sleep, cut short by Stop
};

JobScheduler::JobScheduler(const Clock& clock, std::string instance_id, Millis tick)
    : clock_(clock), instance_id_(std::move(instance_id)), tick_(tick) {}

JobScheduler::~JobScheduler() { Stop(); }

void JobScheduler::Add(JobSpec spec, JobFunction job, sql::Database* db) {
    auto entry = std::make_unique<Job>();
    entry->spec = std::move(spec);
    entry->run = std::move(job);
    entry->db = entry->spec.once_across_instances ? db : nullptr;
    jobs_.push_back(std::move(entry));
}

void JobScheduler::Start(asio::io_context& io) {
    stopping_ = false;
    for (auto& job : jobs_) {
        {
            std::lock_guard lock(mutex_);
            ++running_;
        }
        auto strand = asio::make_strand(io);
        job->timer = std::make_shared<asio::steady_timer>(strand);
        asio::co_spawn(strand, Loop(*job), [this](std::exception_ptr) {
            std::lock_guard lock(mutex_);
            --running_;
            done_.notify_all();
        });
    }
}

void JobScheduler::Stop() {
    stopping_ = true;
    for (auto& job : jobs_) {
        if (job->timer) asio::post(job->timer->get_executor(), [timer = job->timer] { timer->cancel(); });
    }
    std::unique_lock lock(mutex_);
    done_.wait_for(lock, std::chrono::seconds(15), [this] { return running_ == 0; });
}

core::Task<void> JobScheduler::Loop(Job& job) {
    asio::steady_timer& timer = *job.timer;
    const JobSchedule& schedule = job.spec.schedule;
    // A slot missed while no instance ran: caught up once, if the job wants it and it is recent enough. The
    // claim tells whether it really was missed.
    if (job.db != nullptr && job.spec.catch_up_within.count() > 0) {
        const TimePoint latest = schedule.SlotAtOrBefore(clock_.Now());
        if (clock_.Now() - latest <= job.spec.catch_up_within) co_await RunSlot(job, latest);
    }
    TimePoint next = schedule.NextSlotAfter(clock_.Now());
    while (!stopping_) {
        const TimePoint now = clock_.Now();
        if (now < next) {
            // Short sleeps follow the clock even when it is moved by hand (tests) or steps.
            timer.expires_after(std::min(std::chrono::ceil<Millis>(next - now), tick_));
            co_await timer.async_wait(core::AsTuple{});
            continue;
        }
        co_await RunSlot(job, next);
        // After a long pause (or a clock jump) the slots in between are not run one by one.
        next = schedule.NextSlotAfter(std::max(next, clock_.Now()));
    }
}

core::Task<bool> JobScheduler::Claim(Job& job, TimePoint slot) {
    const std::int64_t slot_ms = ToUnixMillis(slot);
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    co_return co_await job.db->Write([&](sql::Connection& c) {
        c.Execute("INSERT INTO job_runs (name) VALUES (?) ON CONFLICT (name) DO NOTHING", {job.spec.name});
        // A slot nobody has run, or one whose run died (no outcome, its lease over).
        return c.Execute("UPDATE job_runs SET last_slot = ?, lease_owner = ?, lease_until = ?, last_started_at = ?, "
                         "last_finished_at = NULL, last_outcome = NULL, last_error = NULL WHERE name = ? AND "
                         "(last_slot IS NULL OR last_slot < ? OR (last_slot = ? AND last_outcome IS NULL AND lease_until < ?))",
                         {slot_ms, instance_id_, now_ms + job.spec.lease.count(), now_ms, job.spec.name, slot_ms,
                          slot_ms, now_ms}) == 1;
    });
}

core::Task<void> JobScheduler::RunSlot(Job& job, TimePoint slot) {
    if (job.db != nullptr) {
        bool claimed = false;
        std::string claim_error;
        try {
            claimed = co_await Claim(job, slot);
        } catch (const std::exception& e) {
            claim_error = e.what();
        }
        if (!claim_error.empty()) {
            obs::Log(obs::Level::kError, "job_claim_failed", {{"job", job.spec.name}, {"what", claim_error}});
            co_return;
        }
        if (!claimed) {
            job.skipped.fetch_add(1);
            co_return;
        }
    }
    const auto started = std::chrono::steady_clock::now();
    job.last_started_ms = ToUnixMillis(clock_.Now());
    std::string error;
    try {
        co_await job.run();
    } catch (const std::exception& e) {
        error = e.what();
        if (error.empty()) error = "failed";
    }
    job.last_duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (error.empty()) {
        job.ok.fetch_add(1);
        job.last_success_ms = ToUnixMillis(clock_.Now());
    } else {
        job.failed.fetch_add(1);
        obs::Log(obs::Level::kError, "job_failed", {{"job", job.spec.name}, {"slot", FormatRfc3339(slot)}, {"what", error}});
    }
    if (job.db == nullptr) co_return;
    const std::int64_t slot_ms = ToUnixMillis(slot);
    try {
        co_await job.db->Write([&](sql::Connection& c) {
            c.Execute("UPDATE job_runs SET last_finished_at = ?, last_outcome = ?, last_error = ?, lease_until = NULL "
                      "WHERE name = ? AND last_slot = ? AND lease_owner = ?",
                      {ToUnixMillis(clock_.Now()), error.empty() ? "ok" : "failed",
                       error.empty() ? sql::Value() : sql::Value(error.substr(0, 1000)), job.spec.name, slot_ms,
                       instance_id_});
        });
    } catch (const std::exception& e) {
        obs::Log(obs::Level::kError, "job_outcome_not_recorded", {{"job", job.spec.name}, {"what", e.what()}});
    }
}

void JobScheduler::ExportMetrics(obs::Metrics& m) const {
    for (const auto& job : jobs_) {
        const std::map<std::string, std::string> name{{"job", job->spec.name}};
        const std::string help = "Runs of a scheduled job in this process, by outcome (skipped: another instance ran the slot)";
        m.SetCounter("sikgu_job_runs_total", help, {{"job", job->spec.name}, {"outcome", "ok"}}, static_cast<double>(job->ok.load()));
        m.SetCounter("sikgu_job_runs_total", help, {{"job", job->spec.name}, {"outcome", "failed"}},
                     static_cast<double>(job->failed.load()));
        m.SetCounter("sikgu_job_runs_total", help, {{"job", job->spec.name}, {"outcome", "skipped"}},
                     static_cast<double>(job->skipped.load()));
        m.SetGauge("sikgu_job_last_run_timestamp_seconds", "When this process last started the job (0: never)", name,
                   static_cast<double>(job->last_started_ms.load()) / 1000.0);
        m.SetGauge("sikgu_job_last_success_timestamp_seconds", "When this process last finished the job successfully", name,
                   static_cast<double>(job->last_success_ms.load()) / 1000.0);
        m.SetGauge("sikgu_job_last_duration_seconds", "How long the job's last run in this process took", name,
                   job->last_duration_seconds.load());
    }
}

}  // namespace sikgu::runtime
