#include "core/bus/event.hpp"

#include <boost/json.hpp>

#include "core/sql/database.hpp"
#include "core/util/time.hpp"

namespace sikgu::bus {

std::int64_t AppendToOutbox(sql::Transaction& tx, std::string_view type, std::string_view key,
                            const boost::json::object& data, int version) {
    const std::int64_t id = tx.NextId();
    tx.Execute("INSERT INTO outbox (id, type, version, event_key, occurred_at, data) VALUES (?, ?, ?, ?, ?, ?)",
               {id, type, version, key, ToUnixMillis(tx.Now()), boost::json::serialize(data)});
    return id;
}

}  // namespace sikgu::bus
