#include "core/sql/transaction.hpp"

#include <stdexcept>

#include "core/sql/database.hpp"
#include "core/util/ids.hpp"

namespace sikgu::sql {
namespace {
TimePoint NowOf(const TransactionServices& services) {
    return services.clock != nullptr ? services.clock->Now() : SystemClock().Now();
}
}  // namespace

Transaction::Transaction(Connection& connection, const TransactionServices& services)
    : connection_(connection), services_(services), now_(NowOf(services)) {}

Rows Transaction::Query(std::string_view sql, std::initializer_list<Value> params) {
    return connection_.Query(sql, params);
}
Rows Transaction::Query(std::string_view sql, std::span<const Value> params) { return connection_.Query(sql, params); }

std::optional<Row> Transaction::QueryOne(std::string_view sql, std::initializer_list<Value> params) {
    return connection_.QueryOne(sql, params);
}

std::int64_t Transaction::Execute(std::string_view sql, std::initializer_list<Value> params) {
    return connection_.Execute(sql, params);
}
std::int64_t Transaction::Execute(std::string_view sql, std::span<const Value> params) {
    return connection_.Execute(sql, params);
}

std::int64_t Transaction::NextId() {
    if (services_.ids == nullptr) throw std::logic_error("this database has no id generator");
    return services_.ids->Next();
}

std::int64_t Transaction::Publish(std::string_view type, std::string_view key, const boost::json::object& data,
                                  int version) {
    if (!services_.publish) throw std::logic_error("this database has no outbox");
    return services_.publish(*this, type, key, data, version);
}

void Transaction::Mail(const mail::Mail& mail, TimePoint discard_after) {
    if (!services_.mail) throw std::logic_error("this database has no mail queue");
    services_.mail(*this, mail, discard_after);
}

void Transaction::AfterCommit(Hook hook) { after_commit_.push_back(std::move(hook)); }

}  // namespace sikgu::sql
