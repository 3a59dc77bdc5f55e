#include "core/bus/outbox_relay.hpp"

#include <boost/json.hpp>

#include "core/obs/log.hpp"
#include "core/sql/database.hpp"
#include "core/util/time.hpp"

namespace sikgu::bus {
namespace {
constexpr int kBatch = 100;
constexpr auto kRetention = std::chrono::hours(24 * 7);
}  // namespace

OutboxRelay::OutboxRelay(const Clock& clock, std::chrono::milliseconds poll) : clock_(clock), poll_(poll) {}

OutboxRelay::~OutboxRelay() { Stop(); }

void OutboxRelay::AddProducer(std::string service, sql::Database& db) {
    producers_.push_back({std::move(service), &db});
}

void OutboxRelay::Subscribe(std::string consumer, sql::Database& db, std::string type, EventHandler handler) {
    subscriptions_.push_back({std::move(consumer), &db, std::move(type), std::move(handler)});
}

std::size_t OutboxRelay::DeliverFrom(const Producer& producer) {
    const auto rows = producer.db->WriteNow([](sql::Connection& c) {
        return c.Query(
            "SELECT id, type, version, event_key, occurred_at, data FROM outbox WHERE published_at IS NULL "
            "ORDER BY id LIMIT ?",
            {kBatch});
    });
    std::size_t published = 0;
    for (const auto& row : rows) {
        Envelope event;
        event.id = row[0].AsInt();
        event.type = row[1].AsText();
        event.version = static_cast<int>(row[2].AsInt());
        event.key = row[3].AsText();
        event.occurred_at = FromUnixMillis(row[4].AsInt());
        event.data = boost::json::parse(row[5].AsText()).as_object();
        try {
            for (const auto& s : subscriptions_) {
                if (s.type != event.type) continue;
                s.db->WriteNow([&](sql::Connection& c) {
                    const auto fresh = c.Execute(
                        "INSERT INTO inbox (consumer, event_id, processed_at) VALUES (?, ?, ?) "
                        "ON CONFLICT (consumer, event_id) DO NOTHING",
                        {s.consumer, event.id, ToUnixMillis(clock_.Now())});
                    if (fresh == 1) s.handler(c, event);
                });
            }
        } catch (const std::exception& e) {
            // Order matters more than progress: this producer waits until the handler succeeds.
            obs::Log(obs::Level::kError, "event_handler_failed",
                     {{"producer", producer.service}, {"event_id", event.id}, {"type", event.type}, {"what", e.what()}});
            break;
        }
        producer.db->WriteNow([&](sql::Connection& c) {
            c.Execute("UPDATE outbox SET published_at = ? WHERE id = ?", {ToUnixMillis(clock_.Now()), event.id});
        });
        ++published;
    }
    return published;
}

std::size_t OutboxRelay::DeliverPending() {
    std::size_t published = 0;
    for (const auto& producer : producers_) {
        try {
            published += DeliverFrom(producer);
        } catch (const std::exception& e) {
            obs::Log(obs::Level::kError, "outbox_relay_failed", {{"producer", producer.service}, {"what", e.what()}});
        }
    }
    return published;
}

std::map<std::string, std::int64_t> OutboxRelay::Pending() {
    std::map<std::string, std::int64_t> pending;
    for (const auto& producer : producers_) {
        pending[producer.service] = producer.db->WriteNow([](sql::Connection& c) {
            return c.QueryOne("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL")->at(0).AsInt();
        });
    }
    return pending;
}

void OutboxRelay::Start() {
    thread_ = std::thread([this] {
        auto last_cleanup = std::chrono::steady_clock::now();
        std::unique_lock lock(mutex_);
        while (!stop_) {
            lock.unlock();
            const std::size_t published = DeliverPending();
            if (std::chrono::steady_clock::now() - last_cleanup > std::chrono::hours(1)) {
                last_cleanup = std::chrono::steady_clock::now();
                const auto cutoff = ToUnixMillis(clock_.Now() - kRetention);
                for (const auto& p : producers_) {
                    p.db->WriteNow([&](sql::Connection& c) {
                        c.Execute("DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?", {cutoff});
                    });
                }
            }
            lock.lock();
            // A full batch means more may be waiting: go again at once.
            if (published < static_cast<std::size_t>(kBatch)) {
                wake_.wait_for(lock, poll_, [this] { return stop_ || notified_; });
            }
            notified_ = false;
        }
    });
}

void OutboxRelay::Stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void OutboxRelay::Notify() {
    {
        std::lock_guard lock(mutex_);
        notified_ = true;
    }
    wake_.notify_all();
}

}  // namespace sikgu::bus
