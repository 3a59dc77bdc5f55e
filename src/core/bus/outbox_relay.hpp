#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/bus/event.hpp"

namespace sikgu::sql {
class Connection;
class Database;
}  // namespace sikgu::sql

namespace sikgu::bus {

/// Applies one event inside the consumer's own transaction. The inbox row written in the same
/// transaction makes a redelivered event a no-op, so handlers need no idempotency of their own.
using EventHandler = std::function<void(sql::Connection&, const Envelope&)>;

/// The event bus of the all-in-one shape: one thread moves events from every service's outbox to the
/// subscribers, at least once and in outbox order per producer (so in order per key), then marks them
/// published. A failing handler stops its producer's stream until the next attempt, keeping the order.
class OutboxRelay {
public:
    explicit OutboxRelay(const Clock& clock, std::chrono::milliseconds poll = std::chrono::milliseconds(50));
    ~OutboxRelay();

    void AddProducer(std::string service, sql::Database& db);
    void Subscribe(std::string consumer, sql::Database& db, std::string type, EventHandler handler);

    /// Delivers what is pending now; returns how many events were marked published.
    std::size_t DeliverPending();
    /// Unpublished events per producer (for metrics).
    std::map<std::string, std::int64_t> Pending();

    void Start();
    void Stop();
    /// Wakes the relay thread early (after a commit that published).
    void Notify();

private:
    struct Producer {
        std::string service;
        sql::Database* db;
    };
    struct Subscription {
        std::string consumer;
        sql::Database* db;
        std::string type;
        EventHandler handler;
    };
    std::size_t DeliverFrom(const Producer& producer);

    const Clock& clock_;
    std::chrono::milliseconds poll_;
    std::vector<Producer> producers_;
    std::vector<Subscription> subscriptions_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool notified_ = false;
    std::thread thread_;
};

}  // namespace sikgu::bus
