#include "core/bus/event_bus.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/json.hpp>
#include <algorithm>
#include <optional>
#include <set>

#include "core/obs/log.hpp"
#include "core/sql/database.hpp"
#include "core/util/time.hpp"

namespace sikgu::bus {
namespace asio = boost::asio;
using Strand = asio::strand<asio::io_context::executor_type>;

namespace {

Envelope ReadEnvelope(const sql::Row& row, std::size_t first) {
    Envelope event;
    event.id = row[first].AsInt();
    event.type = row[first + 1].AsText();
    event.version = static_cast<int>(row[first + 2].AsInt());
    event.key = row[first + 3].AsText();
    event.occurred_at = FromUnixMillis(row[first + 4].AsInt());
    event.data = boost::json::parse(row[first + 5].AsText()).as_object();
    return event;
}

std::chrono::milliseconds Backoff(const BusOptions& options, int attempts) {
    auto wait = options.first_retry;
    for (int i = 1; i < attempts && wait < options.max_retry; ++i) wait *= 2;
    return std::min(wait, options.max_retry);
}

}  // namespace

/// Lets a loop sleep until a deadline or until someone has news for it. A Notify that comes before the
/// wait is not lost: the flag is checked first, and the cancel runs on the loop's strand after the wait
/// has begun.
struct EventBus::Wakeup : std::enable_shared_from_this<EventBus::Wakeup> {
    explicit Wakeup(const Strand& strand) : timer(strand) {}
    void Notify() {
        notified = true;
        asio::post(timer.get_executor(), [self = shared_from_this()] { self->timer.cancel(); });
    }
    core::Task<void> WaitFor(std::chrono::milliseconds at_most) {
        if (notified.exchange(false)) co_return;
        timer.expires_after(at_most);
        co_await timer.async_wait(core::AsTuple{});
        notified = false;
    }
    asio::steady_timer timer;
    std::atomic<bool> notified{false};
};

struct EventBus::Producer {
    std::string service;
    sql::Database* db;
    std::unique_ptr<Strand> strand;
    std::shared_ptr<Wakeup> wakeup;
};

struct EventBus::Consumer final : EventSink {
    Consumer(EventBus& bus_in, std::string name_in, std::string service_in, sql::Database& db_in,
             std::vector<std::string> types_in, EventHandler handler_in)
        : bus(bus_in),
          name(std::move(name_in)),
          service(std::move(service_in)),
          db(db_in),
          types(std::move(types_in)),
          handler(std::move(handler_in)) {}

    // The transport's delivery: stored as pending (a redelivery changes nothing), then the loop is woken.
    core::Task<void> Accept(std::string_view producer, std::span<const Envelope> events) override {
        const std::int64_t now = ToUnixMillis(bus.clock_.Now());
        const std::string from(producer);
        co_await db.Write([&](sql::Connection& c) {
            for (const Envelope& e : events) {
                c.Execute(
                    "INSERT INTO event_inbox (consumer, event_id, producer, type, version, event_key, occurred_at, data, "
                    "state, attempts, next_attempt_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
                    "ON CONFLICT (consumer, event_id) DO NOTHING",
                    {name, e.id, from, e.type, e.version, e.key, ToUnixMillis(e.occurred_at),
                     boost::json::serialize(e.data), now, now});
            }
        });
        if (wakeup) wakeup->Notify();
    }

    EventBus& bus;
    std::string name;
    std::string service;
    sql::Database& db;
    std::vector<std::string> types;
    EventHandler handler;
    std::unique_ptr<Strand> strand;
    std::shared_ptr<Wakeup> wakeup;
    std::atomic<std::uint64_t> handled{0};
    std::atomic<std::uint64_t> failures{0};
};

EventBus::EventBus(Transport& transport, const Clock& clock, BusOptions options)
    : transport_(transport), clock_(clock), options_(options) {}

EventBus::~EventBus() { Stop(); }

void EventBus::AddProducer(std::string service, sql::Database& db) {
    producers_.push_back(std::make_unique<Producer>(Producer{std::move(service), &db, nullptr, nullptr}));
}

void EventBus::Subscribe(std::string name, std::string service, sql::Database& db, std::vector<std::string> types,
                         EventHandler handler) {
    auto consumer = std::make_unique<Consumer>(*this, std::move(name), std::move(service), db, types, std::move(handler));
    transport_.Subscribe(consumer->name, std::move(types), *consumer);
    consumers_.push_back(std::move(consumer));
}

namespace {

// One batch of the oldest unpublished events, or none.
std::vector<Envelope> UnpublishedBatch(sql::Connection& c, std::size_t batch) {
    std::vector<Envelope> events;
    for (const auto& row : c.Query("SELECT id, type, version, event_key, occurred_at, data FROM outbox "
                                   "WHERE published_at IS NULL ORDER BY id LIMIT ?",
                                   {static_cast<std::int64_t>(batch)})) {
        events.push_back(ReadEnvelope(row, 0));
    }
    return events;
}

// Deletes what is older than the retention, looking first so an idle database is not written to.
core::Task<void> PurgeIfAny(sql::Database& db, const char* probe, const char* purge,
                            const std::vector<sql::Value>& params) {
    const bool any = co_await db.Read([&](sql::Connection& c) { return !c.Query(probe, params).empty(); });
    if (any) co_await db.Write([&](sql::Connection& c) { c.Execute(purge, params); });
}

}  // namespace

void EventBus::Start(asio::io_context& io) {
    stopping_ = false;
    const auto start_loop = [&](auto& strand, auto loop) {
        {
            std::lock_guard lock(loops_mutex_);
            ++running_loops_;
        }
        asio::co_spawn(*strand, std::move(loop), [this](std::exception_ptr error) {
            if (error) {
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    obs::Log(obs::Level::kError, "event_loop_ended", {{"what", e.what()}});
                }
            }
            LoopFinished();
        });
    };

    for (auto& p : producers_) {
        p->strand = std::make_unique<Strand>(asio::make_strand(io));
        p->wakeup = std::make_shared<Wakeup>(*p->strand);
        Producer* producer = p.get();
        start_loop(p->strand, [this, producer]() -> core::Task<void> {
            int failures = 0;
            auto next_purge = std::chrono::steady_clock::now() + std::chrono::minutes(1);
            obs::LogThrottle failure_log{std::chrono::seconds(30)};
            while (!stopping_) {
                std::vector<Envelope> events;
                std::string read_error;
                try {
                    events = co_await producer->db->Read([&](sql::Connection& c) { return UnpublishedBatch(c, options_.batch); });
                } catch (const std::exception& e) {
                    read_error = e.what();
                }
                if (events.empty()) {
                    if (std::chrono::steady_clock::now() > next_purge && read_error.empty()) {
                        next_purge = std::chrono::steady_clock::now() + std::chrono::hours(1);
                        const std::vector<sql::Value> cutoff{ToUnixMillis(clock_.Now() - options_.retention)};
                        try {
                            co_await PurgeIfAny(*producer->db, "SELECT 1 FROM outbox WHERE published_at < ? LIMIT 1",
                                                "DELETE FROM outbox WHERE published_at < ?", cutoff);
                        } catch (const std::exception& e) {
                            obs::Log(obs::Level::kWarn, "outbox_purge_failed", {{"service", producer->service}, {"what", e.what()}});
                        }
                    }
                    co_await producer->wakeup->WaitFor(options_.poll);
                    continue;
                }
                std::string error;
                try {
                    co_await transport_.Send(producer->service, events);
                    co_await producer->db->Write([&](sql::Connection& c) {
                        const std::int64_t now = ToUnixMillis(clock_.Now());
                        for (const Envelope& e : events) c.Execute("UPDATE outbox SET published_at = ? WHERE id = ?", {now, e.id});
                    });
                } catch (const std::exception& e) {
                    error = e.what();
                }
                if (error.empty()) {
                    failures = 0;
                    continue;
                }
                // The batch goes again (consumers ignore what they already stored), after a pause.
                ++failures;
                if (const auto held = failure_log.Allow()) {
                    obs::Log(obs::Level::kError, "event_publish_failed",
                             {{"service", producer->service}, {"transport", transport_.Name()}, {"what", error},
                              {"suppressed", *held}});
                }
                co_await producer->wakeup->WaitFor(Backoff(options_, failures));
            }
        });
    }

    for (auto& c : consumers_) {
        c->strand = std::make_unique<Strand>(asio::make_strand(io));
        c->wakeup = std::make_shared<Wakeup>(*c->strand);
        Consumer* consumer = c.get();
        start_loop(c->strand, [this, consumer]() -> core::Task<void> {
            auto next_purge = std::chrono::steady_clock::now() + std::chrono::minutes(1);
            while (!stopping_) {
                struct Work {
                    std::vector<std::pair<Envelope, std::pair<std::string, int>>> due;  // event, (producer, attempts)
                    std::map<std::pair<std::string, std::string>, std::int64_t> blocked;  // key -> first waiting id
                    std::optional<std::int64_t> next_due_ms;
                };
                const std::int64_t now = ToUnixMillis(clock_.Now());
                Work work;
                std::string read_error;
                try {
                    work = co_await consumer->db.Read([&](sql::Connection& c) {
                        Work w;
                        for (const auto& row : c.Query(
                                 "SELECT event_id, type, version, event_key, occurred_at, data, producer, attempts "
                                 "FROM event_inbox WHERE consumer = ? AND state = 'pending' AND next_attempt_at <= ? "
                                 "ORDER BY event_id LIMIT ?",
                                 {consumer->name, now, static_cast<std::int64_t>(options_.batch)})) {
                            w.due.push_back({ReadEnvelope(row, 0), {row[6].AsText(), static_cast<int>(row[7].AsInt())}});
                        }
                        // Keys with an earlier event still waiting for its retry: their later events wait too.
                        for (const auto& row : c.Query(
                                 "SELECT producer, event_key, MIN(event_id) FROM event_inbox WHERE consumer = ? AND "
                                 "state = 'pending' AND next_attempt_at > ? GROUP BY producer, event_key",
                                 {consumer->name, now})) {
                            w.blocked[{row[0].AsText(), row[1].AsText()}] = row[2].AsInt();
                        }
                        const auto next = c.QueryOne(
                            "SELECT MIN(next_attempt_at) FROM event_inbox WHERE consumer = ? AND state = 'pending' AND "
                            "next_attempt_at > ?",
                            {consumer->name, now});
                        if (next && !(*next)[0].IsNull()) w.next_due_ms = (*next)[0].AsInt();
                        return w;
                    });
                } catch (const std::exception& e) {
                    read_error = e.what();
                }
                std::set<std::pair<std::string, std::string>> failed_keys;
                std::size_t handled = 0;
                bool unrecorded = false;  // a failure could not be written down: pause instead of spinning
                for (const auto& [event, origin] : work.due) {
                    if (stopping_) break;
                    const std::pair<std::string, std::string> key{origin.first, event.key};
                    if (failed_keys.contains(key)) continue;
                    if (const auto it = work.blocked.find(key); it != work.blocked.end() && it->second < event.id) continue;
                    std::string error;
                    try {
                        co_await consumer->db.Write([&](sql::Transaction& tx) {
                            // Marked handled in the same unit of work as the handler's effects: exactly once.
                            if (tx.Execute("UPDATE event_inbox SET state = 'done', attempts = attempts + 1, processed_at = ?, "
                                           "last_error = NULL WHERE consumer = ? AND event_id = ? AND state = 'pending'",
                                           {ToUnixMillis(tx.Now()), consumer->name, event.id}) != 1) {
                                return;
                            }
                            consumer->handler(tx, event);
                        });
                    } catch (const std::exception& e) {
                        error = e.what();
                        if (error.empty()) error = "handler failed";
                    }
                    if (error.empty()) {
                        ++handled;
                        consumer->handled.fetch_add(1);
                        continue;
                    }
                    failed_keys.insert(key);
                    consumer->failures.fetch_add(1);
                    const int attempts = origin.second + 1;
                    const bool dead = attempts >= options_.max_attempts;
                    const auto retry_at = clock_.Now() + Backoff(options_, attempts);
                    obs::Log(dead ? obs::Level::kError : obs::Level::kWarn, dead ? "event_dead_lettered" : "event_handler_failed",
                             {{"consumer", consumer->name}, {"event_id", event.id}, {"type", event.type},
                              {"attempts", attempts}, {"what", error}});
                    try {
                        co_await consumer->db.Write([&](sql::Connection& c) {
                            c.Execute("UPDATE event_inbox SET attempts = ?, next_attempt_at = ?, last_error = ?, state = ? "
                                      "WHERE consumer = ? AND event_id = ? AND state = 'pending'",
                                      {attempts, ToUnixMillis(retry_at), error.substr(0, 1000), dead ? "dead" : "pending",
                                       consumer->name, event.id});
                        });
                    } catch (const std::exception& e) {
                        unrecorded = true;
                        obs::Log(obs::Level::kError, "event_failure_not_recorded", {{"consumer", consumer->name}, {"what", e.what()}});
                    }
                }
                // A full batch handled: more may be waiting. Otherwise sleep until the next retry is due.
                if (handled > 0 && work.due.size() >= options_.batch) continue;
                if (unrecorded) {
                    co_await consumer->wakeup->WaitFor(options_.first_retry);
                    continue;
                }
                if (handled > 0 || !failed_keys.empty()) continue;  // look again: what failed is now scheduled
                if (std::chrono::steady_clock::now() > next_purge && read_error.empty()) {
                    next_purge = std::chrono::steady_clock::now() + std::chrono::hours(1);
                    const std::vector<sql::Value> params{consumer->name, ToUnixMillis(clock_.Now() - options_.retention)};
                    try {
                        co_await PurgeIfAny(consumer->db,
                                            "SELECT 1 FROM event_inbox WHERE consumer = ? AND state = 'done' AND processed_at < ? LIMIT 1",
                                            "DELETE FROM event_inbox WHERE consumer = ? AND state = 'done' AND processed_at < ?",
                                            params);
                    } catch (const std::exception& e) {
                        obs::Log(obs::Level::kWarn, "inbox_purge_failed", {{"consumer", consumer->name}, {"what", e.what()}});
                    }
                }
                auto wait = options_.poll;
                if (work.next_due_ms) {
                    const auto until = std::chrono::milliseconds(*work.next_due_ms - ToUnixMillis(clock_.Now()));
                    wait = std::clamp(until, std::chrono::milliseconds(1), options_.poll);
                }
                co_await consumer->wakeup->WaitFor(wait);
            }
        });
    }
}

void EventBus::LoopFinished() {
    std::lock_guard lock(loops_mutex_);
    --running_loops_;
    loops_done_.notify_all();
}

void EventBus::Stop() {
    stopping_ = true;
    for (auto& p : producers_) {
        if (p->wakeup) p->wakeup->Notify();
    }
    for (auto& c : consumers_) {
        if (c->wakeup) c->wakeup->Notify();
    }
    std::unique_lock lock(loops_mutex_);
    loops_done_.wait_for(lock, std::chrono::seconds(10), [this] { return running_loops_ == 0; });
}

void EventBus::Published(std::string_view service) {
    for (auto& p : producers_) {
        if (p->service == service && p->wakeup) p->wakeup->Notify();
    }
}

std::vector<DeadLetter> EventBus::DeadLetters() {
    std::vector<DeadLetter> letters;
    for (const auto& c : consumers_) {
        const auto rows = c->db.ReadNow([&](sql::Connection& conn) {
            return conn.Query(
                "SELECT event_id, producer, type, event_key, attempts, last_error, occurred_at FROM event_inbox "
                "WHERE consumer = ? AND state = 'dead' ORDER BY event_id",
                {c->name});
        });
        for (const auto& row : rows) {
            letters.push_back({c->name, row[0].AsInt(), row[1].AsText(), row[2].AsText(), row[3].AsText(),
                               static_cast<int>(row[4].AsInt()), row[5].AsOptionalText().value_or(""),
                               FromUnixMillis(row[6].AsInt())});
        }
    }
    return letters;
}

bool EventBus::Retry(std::string_view consumer, std::int64_t event_id) {
    for (const auto& c : consumers_) {
        if (c->name != consumer) continue;
        const auto changed = c->db.WriteNow([&](sql::Connection& conn) {
            return conn.Execute("UPDATE event_inbox SET state = 'pending', attempts = 0, next_attempt_at = ? "
                                "WHERE consumer = ? AND event_id = ? AND state = 'dead'",
                                {ToUnixMillis(clock_.Now()), c->name, event_id});
        });
        if (changed == 1 && c->wakeup) c->wakeup->Notify();
        return changed == 1;
    }
    return false;
}

std::vector<ConsumerStats> EventBus::Stats() {
    std::vector<ConsumerStats> stats;
    for (const auto& c : consumers_) {
        const auto row = c->db.ReadNow([&](sql::Connection& conn) {
            return conn.QueryOne(
                "SELECT COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), 0) FROM event_inbox "
                "WHERE consumer = ? AND state <> 'done'",
                {c->name});
        });
        stats.push_back({c->name, c->service, row ? (*row)[0].AsInt() : 0, row ? (*row)[1].AsInt() : 0,
                         c->handled.load(), c->failures.load()});
    }
    return stats;
}

std::map<std::string, std::int64_t> EventBus::OutboxPending() {
    std::map<std::string, std::int64_t> pending;
    for (const auto& p : producers_) {
        pending[p->service] = p->db->ReadNow([](sql::Connection& c) {
            return c.QueryOne("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL")->at(0).AsInt();
        });
    }
    return pending;
}

}  // namespace sikgu::bus
