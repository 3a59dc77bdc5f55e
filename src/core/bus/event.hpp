#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"
#include "core/util/embedded_file.hpp"

namespace sikgu::sql {
class Transaction;
}

namespace sikgu::bus {

/// A versioned event: {id, type, version, occurred_at, key, data}. Ordered per key.
struct Envelope {
    std::int64_t id = 0;
    std::string type;
    int version = 1;
    TimePoint occurred_at;
    std::string key;
    boost::json::object data;
};

/// Appends an event to the service's outbox inside the caller's unit of work, so the event exists exactly
/// when the state change does (what Transaction::Publish does; the runtime also wakes the publisher after
/// commit). The publisher hands it to the transport afterwards, at least once.
std::int64_t AppendToOutbox(sql::Transaction& tx, std::string_view type, std::string_view key,
                            const boost::json::object& data, int version);

/// The outbox and inbox tables, applied to every service database.
std::span<const EmbeddedFile> BusMigrations();

}  // namespace sikgu::bus
