#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "core/sql/database.hpp"
#include "support/test_server.hpp"

namespace sikgu::test {

/// Fires `total` requests from `threads` clients at once and counts the answers by status; `seen` (when
/// given) receives every answer, one at a time.
template <class F>
std::map<long, int> Hammer(std::uint16_t port, int threads, int total, F request,
                           const std::function<void(int, const HttpResult&)>& seen = {}) {
    std::atomic<int> next{0};
    std::mutex mutex;
    std::map<long, int> statuses;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            HttpClient client(port);
            for (int i = next++; i < total; i = next++) {
                const HttpResult result = request(client, i);
                std::lock_guard lock(mutex);
                ++statuses[result.status];
                if (seen) seen(i, result);
            }
        });
    }
    for (auto& t : pool) t.join();
    return statuses;
}

/// The first column of the first row of a query on one service's database (a COUNT(*), usually).
inline std::int64_t Count(TestServer& server, std::string_view service, const std::string& sql,
                          std::initializer_list<sql::Value> params = {}) {
    const std::vector<sql::Value> values(params);
    return server.App().DatabaseOf(service).ReadNow([&](sql::Connection& c) {
        return c.Query(sql, std::span<const sql::Value>(values))[0][0].AsInt();
    });
}

}  // namespace sikgu::test
