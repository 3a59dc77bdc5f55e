#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/bus/event.hpp"

namespace sikgu::bus {

/// Where a transport delivers one consumer's events: the consumer's inbox. Accept returns once the events
/// are stored durably (a redelivered event is ignored), or throws, and the transport delivers them again.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual core::Task<void> Accept(std::string_view producer, std::span<const Envelope> events) = 0;
};

/// Carries events from producers' outboxes to consumers' inboxes, at least once and in order per producer
/// (hence per key). The in-process transport hands them straight to the sinks; broker transports (Kafka,
/// NATS JetStream) keep them in the broker's log in between. Services never see which one runs.
class Transport {
public:
    virtual ~Transport() = default;
    virtual std::string_view Name() const = 0;
    /// Routes events whose type is in `types` to `sink`. Called before Start.
    virtual void Subscribe(std::string consumer, std::vector<std::string> types, EventSink& sink) = 0;
    /// Takes a batch of one producer's events, in outbox order, and returns once the transport holds them
    /// durably (for the in-process transport: once every subscribed sink has stored them). Throws when it
    /// could not; the publisher sends the batch again later.
    virtual core::Task<void> Send(std::string_view producer, std::span<const Envelope> events) = 0;
};

}  // namespace sikgu::bus
