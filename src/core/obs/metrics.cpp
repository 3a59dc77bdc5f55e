#include "core/obs/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <map>

namespace sikgu::obs {

namespace {
constexpr std::array<double, 12> kLatencyBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                0.05,   0.1,   0.25,   0.5,   1,     2.5};
constexpr std::size_t kStatusSlots = 16;
}  // namespace

struct Metrics::Gauges {
    std::mutex mutex;
    std::map<std::string, prometheus::Family<prometheus::Gauge>*> families;
    std::map<std::string, prometheus::Family<prometheus::Counter>*> counters;
};

/// Counters of one (route, method): requests by status and a latency histogram.
struct Metrics::RequestSeries {
    struct StatusCount {
        std::atomic<int> status{0};  // 0: slot free
        std::atomic<std::uint64_t> count{0};
    };
    std::string route;
    std::string method;
    std::array<StatusCount, kStatusSlots> statuses;
    std::atomic<std::uint64_t> other_statuses{0};  // a route answering more distinct statuses than slots
    std::array<std::atomic<std::uint64_t>, kLatencyBounds.size() + 1> buckets{};  // per bucket; last: +Inf
    std::atomic<std::uint64_t> sum_nanos{0};

    void Count(int status) {
        for (auto& slot : statuses) {
            int current = slot.status.load(std::memory_order_acquire);
            if (current == 0 && slot.status.compare_exchange_strong(current, status, std::memory_order_acq_rel)) {
                current = status;
            }
            if (current == status) {
                slot.count.fetch_add(1, std::memory_order_relaxed);
                return;
            }
        }
        other_statuses.fetch_add(1, std::memory_order_relaxed);
    }

    void Observe(double seconds) {
        const auto bucket = static_cast<std::size_t>(
            std::lower_bound(kLatencyBounds.begin(), kLatencyBounds.end(), seconds) - kLatencyBounds.begin());
        buckets[bucket].fetch_add(1, std::memory_order_relaxed);
        sum_nanos.fetch_add(static_cast<std::uint64_t>(std::max(0.0, seconds) * 1e9), std::memory_order_relaxed);
    }
};

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()), gauges_(std::make_unique<Gauges>()) {}

Metrics::~Metrics() = default;

Metrics::RequestSeries& Metrics::SeriesFor(std::string_view route, std::string_view method) {
    thread_local std::string key;  // reused: looking up a known series allocates nothing
    key.assign(route).append(1, ' ').append(method);
    {
        std::shared_lock lock(series_mutex_);
        if (const auto it = series_.find(key); it != series_.end()) return *it->second;
    }
    auto series = std::make_unique<RequestSeries>();
    series->route = route.empty() ? "unmatched" : std::string(route);
    series->method = std::string(method);
    std::unique_lock lock(series_mutex_);
    return *series_.try_emplace(key, std::move(series)).first->second;
}

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status, double seconds) {
    RequestSeries& series = SeriesFor(route, method);
    series.Count(status);
    series.Observe(seconds);
}

void Metrics::SetGauge(const std::string& name, const std::string& help,
                       const std::map<std::string, std::string>& labels, double value) {
    std::lock_guard lock(gauges_->mutex);
    auto& family = gauges_->families[name];
    if (family == nullptr) family = &prometheus::BuildGauge().Name(name).Help(help).Register(*registry_);
    family->Add(labels).Set(value);
}

void Metrics::SetCounter(const std::string& name, const std::string& help,
                         const std::map<std::string, std::string>& labels, double total) {
    std::lock_guard lock(gauges_->mutex);
    auto& family = gauges_->counters[name];
    if (family == nullptr) family = &prometheus::BuildCounter().Name(name).Help(help).Register(*registry_);
    auto& counter = family->Add(labels);
    if (total > counter.Value()) counter.Increment(total - counter.Value());
}

void Metrics::AddCollectHook(std::function<void(Metrics&)> hook) {
    std::lock_guard lock(hooks_mutex_);
    hooks_.push_back(std::move(hook));
}

std::string Metrics::Serialize() {
    {
        std::lock_guard lock(hooks_mutex_);
        for (const auto& hook : hooks_) hook(*this);
    }
    auto families = registry_->Collect();
    prometheus::MetricFamily requests{"sikgu_http_requests_total", "HTTP requests by route, method and status",
                                      prometheus::MetricType::Counter, {}};
    prometheus::MetricFamily latency{"sikgu_http_request_duration_seconds", "HTTP request latency by route and method",
                                     prometheus::MetricType::Histogram, {}};
    {
        std::shared_lock lock(series_mutex_);
        for (const auto& [key, series] : series_) {
            const auto count_status = [&](std::string status, std::uint64_t count) {
                prometheus::ClientMetric metric;
                metric.label = {{"method", series->method}, {"route", series->route}, {"status", std::move(status)}};
                metric.counter.value = static_cast<double>(count);
                requests.metric.push_back(std::move(metric));
            };
            for (const auto& slot : series->statuses) {
                const int status = slot.status.load(std::memory_order_acquire);
                if (status != 0) count_status(std::to_string(status), slot.count.load(std::memory_order_relaxed));
            }
            if (const auto other = series->other_statuses.load(std::memory_order_relaxed); other > 0) {
                count_status("other", other);
            }
            prometheus::ClientMetric metric;
            metric.label = {{"method", series->method}, {"route", series->route}};
            std::uint64_t cumulative = 0;
            for (std::size_t i = 0; i < series->buckets.size(); ++i) {
                cumulative += series->buckets[i].load(std::memory_order_relaxed);
                const double bound =
                    i < kLatencyBounds.size() ? kLatencyBounds[i] : std::numeric_limits<double>::infinity();
                metric.histogram.bucket.push_back({cumulative, bound});
            }
            metric.histogram.sample_count = cumulative;
            metric.histogram.sample_sum = static_cast<double>(series->sum_nanos.load(std::memory_order_relaxed)) / 1e9;
            latency.metric.push_back(std::move(metric));
        }
    }
    const auto by_labels = [](const prometheus::ClientMetric& a, const prometheus::ClientMetric& b) {
        return a.label < b.label;
    };
    std::sort(requests.metric.begin(), requests.metric.end(), by_labels);
    std::sort(latency.metric.begin(), latency.metric.end(), by_labels);
    families.push_back(std::move(requests));
    families.push_back(std::move(latency));
    return prometheus::TextSerializer().Serialize(families);
}

}  // namespace sikgu::obs
