#include "core/sql/database.hpp"

#include <fmt/format.h>

namespace sikgu::sql {

std::int64_t Value::AsInt() const {
    if (const auto* v = std::get_if<std::int64_t>(&data_)) return *v;
    if (const auto* d = std::get_if<double>(&data_)) return static_cast<std::int64_t>(*d);
    throw SqlError("column is not an integer");
}

double Value::AsDouble() const {
    if (const auto* d = std::get_if<double>(&data_)) return *d;
    if (const auto* v = std::get_if<std::int64_t>(&data_)) return static_cast<double>(*v);
    throw SqlError("column is not a number");
}

const std::string& Value::AsText() const {
    if (const auto* s = std::get_if<std::string>(&data_)) return *s;
    throw SqlError("column is not text");
}

Database::Database(std::string name, Factory factory, DatabaseOptions options)
    : name_(std::move(name)),
      factory_(std::move(factory)),
      options_(options),
      pool_(options.pool_size == 0 ? 1 : options.pool_size) {
    if (options_.pool_size == 0) options_.pool_size = 1;
    // Open one connection now so a bad URL or path fails at start-up, not on the first request.
    auto first = factory_();
    engine_ = first->GetEngine();
    idle_.push_back(std::move(first));
    created_ = 1;
}

Database::~Database() {
    pool_.join();
}

std::unique_ptr<Connection> Database::Acquire() {
    std::unique_lock lock(mutex_);
    while (idle_.empty()) {
        if (created_ < options_.pool_size) {
            ++created_;
            lock.unlock();
            try {
                return factory_();
            } catch (...) {
                std::lock_guard relock(mutex_);
                --created_;
                throw;
            }
        }
        ++waiting_;
        available_.wait(lock);
        --waiting_;
    }
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
}

void Database::Release(std::unique_ptr<Connection> connection) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
    }
    available_.notify_one();
}

std::size_t Database::Waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

}  // namespace sikgu::sql
