#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/bus/event.hpp"
#include "core/bus/transport.hpp"

namespace boost::asio {
class io_context;
}
namespace sikgu::sql {
class Database;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::bus {

/// Applies one event inside the consumer's own unit of work. Marking the event handled is part of the same
/// unit, so a redelivered event is a no-op and handlers need no idempotency of their own; a handler that
/// throws is rolled back and retried later.
using EventHandler = std::function<void(sql::Transaction&, const Envelope&)>;

struct BusOptions {
    int max_attempts = 10;  // failures before an event is set aside as a dead letter
    std::chrono::milliseconds first_retry{1000};  // then doubling
    std::chrono::milliseconds max_retry{300000};
    // Also look for events nobody announced (written by another process sharing the database): a read.
    std::chrono::milliseconds poll{5000};
    std::size_t batch = 100;
    std::chrono::hours retention{24 * 7};  // published outbox rows and handled inbox rows are kept this long
};

/// An event a consumer failed on max_attempts times; it no longer holds back its key.
struct DeadLetter {
    std::string consumer;
    std::int64_t event_id = 0;
    std::string producer;
    std::string type;
    std::string key;
    int attempts = 0;
    std::string last_error;
    TimePoint occurred_at;
};

struct ConsumerStats {
    std::string consumer;
    std::string service;
    std::int64_t pending = 0;  // received, not yet handled (retries included)
    std::int64_t dead = 0;
    std::uint64_t handled = 0;   // since start
    std::uint64_t failures = 0;  // handler failures since start
};

/// The event bus of one process. Publishing and consuming are separate: a publisher per producing service
/// moves committed outbox rows to the transport in batches and marks them published once the transport has
/// them; each consumer (one per subscription) has its own inbox in its own database, fed by the transport,
/// and works through it in order per key, retrying a failing event with back-off (later events of the same
/// key wait; other keys go on) and setting it aside as a dead letter after max_attempts. Woken by commits,
/// not by polling: an idle database sees reads only.
class EventBus {
public:
    EventBus(Transport& transport, const Clock& clock, BusOptions options);
    ~EventBus();
    EventBus(const EventBus&) = delete;
    EventBus& operator=(const EventBus&) = delete;

    void AddProducer(std::string service, sql::Database& db);
    /// One consumer with its own inbox: `name` is unique in the process (e.g. "market.chat-room-created").
    void Subscribe(std::string name, std::string service, sql::Database& db, std::vector<std::string> types,
                   EventHandler handler);

    /// Starts the publisher and consumer loops on `io`, which must run until Stop and outlive the bus.
    void Start(boost::asio::io_context& io);
    /// Ends the loops (what is in flight finishes) and waits for them.
    void Stop();
    /// Called after a commit that published: that producer's publisher looks at once.
    void Published(std::string_view service);

    /// Operations: the dead letters of every consumer, and putting one back into its queue.
    std::vector<DeadLetter> DeadLetters();
    bool Retry(std::string_view consumer, std::int64_t event_id);

    /// For /metrics (reads).
    std::vector<ConsumerStats> Stats();
    std::map<std::string, std::int64_t> OutboxPending();
    std::string_view TransportName() const { return transport_.Name(); }

private:
    struct Wakeup;
    struct Producer;
    struct Consumer;
    void LoopFinished();

    Transport& transport_;
    const Clock& clock_;
    const BusOptions options_;
    std::vector<std::unique_ptr<Producer>> producers_;
    std::vector<std::unique_ptr<Consumer>> consumers_;
    std::atomic<bool> stopping_{false};
    std::mutex loops_mutex_;
    std::condition_variable loops_done_;
    int running_loops_ = 0;
};

}  // namespace sikgu::bus
