#include "core/bus/in_process_transport.hpp"

#include <algorithm>

namespace sikgu::bus {

void InProcessTransport::Subscribe(std::string consumer, std::vector<std::string> types, EventSink& sink) {
    routes_.push_back({std::move(consumer), std::move(types), &sink});
}

core::Task<void> InProcessTransport::Send(std::string_view producer, std::span<const Envelope> events) {
    std::vector<Envelope> wanted;
    for (const Route& route : routes_) {
        wanted.clear();
        for (const Envelope& event : events) {
            if (std::find(route.types.begin(), route.types.end(), event.type) != route.types.end()) {
                wanted.push_back(event);
            }
        }
        if (!wanted.empty()) co_await route.sink->Accept(producer, wanted);
    }
}

}  // namespace sikgu::bus
