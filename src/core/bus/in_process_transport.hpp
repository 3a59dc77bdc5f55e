#pragma once

#include <string>
#include <vector>

#include "core/bus/transport.hpp"

namespace sikgu::bus {

/// The all-in-one shape's transport: Send writes each event into the inbox of every consumer subscribed to
/// its type, in the consumers' own databases, before it returns. No broker, no copy in memory: a crash
/// loses nothing, as the outbox keeps what was not sent and the inboxes keep what was.
class InProcessTransport final : public Transport {
public:
    std::string_view Name() const override { return "in-process"; }
    void Subscribe(std::string consumer, std::vector<std::string> types, EventSink& sink) override;
    core::Task<void> Send(std::string_view producer, std::span<const Envelope> events) override;

private:
    struct Route {
        std::string consumer;
        std::vector<std::string> types;
        EventSink* sink;
    };
    std::vector<Route> routes_;
};

}  // namespace sikgu::bus
