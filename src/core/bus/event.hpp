#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"
#include "core/util/embedded_file.hpp"

namespace sikgu {
class IdGenerator;
}
namespace sikgu::sql {
class Connection;
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

/// Appends an event to the service's outbox inside the caller's transaction, so the event exists
/// exactly when the state change does. The runtime's relay delivers it afterwards, at least once.
std::int64_t Publish(sql::Connection& c, IdGenerator& ids, TimePoint now, std::string_view type,
                     std::string_view key, const boost::json::object& data, int version = 1);

/// The outbox and inbox tables, applied to every service database.
std::span<const EmbeddedFile> BusMigrations();

}  // namespace sikgu::bus
