#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace prometheus {
class Registry;
}

namespace sikgu::obs {

/// The process's Prometheus registry, served as text on /metrics by our own HTTP server.
class Metrics {
public:
    Metrics();
    ~Metrics();

    prometheus::Registry& Registry() { return *registry_; }

    void ObserveRequest(std::string_view route, std::string_view method, int status, double seconds);

    /// Sets a gauge `name{labels}`; used by collect hooks for pool and queue depths.
    void SetGauge(const std::string& name, const std::string& help, const std::map<std::string, std::string>& labels,
                  double value);

    /// Sets the counter `name{labels}` to `total`, a running count kept elsewhere (read by collect hooks).
    void SetCounter(const std::string& name, const std::string& help, const std::map<std::string, std::string>& labels,
                    double total);

    /// Runs before each scrape so depths are read when asked for, not on every change.
    void AddCollectHook(std::function<void(Metrics&)> hook);

    std::string Serialize();

private:
    std::shared_ptr<prometheus::Registry> registry_;
    struct Gauges;
    std::unique_ptr<Gauges> gauges_;
    // Request counts and latencies live in plain atomics, not prometheus-cpp instruments: its histogram
    // takes a mutex per observation, which every I/O thread would contend on for the same route.
    struct RequestSeries;
    RequestSeries& SeriesFor(std::string_view route, std::string_view method);
    std::shared_mutex series_mutex_;
    std::unordered_map<std::string, std::unique_ptr<RequestSeries>> series_;
    std::mutex hooks_mutex_;
    std::vector<std::function<void(Metrics&)>> hooks_;
};

}  // namespace sikgu::obs
