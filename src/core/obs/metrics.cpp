#include "core/obs/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <map>

namespace sikgu::obs {

struct Metrics::Families {
    prometheus::Family<prometheus::Counter>* requests;
    prometheus::Family<prometheus::Histogram>* latency;
    std::mutex gauges_mutex;
    std::map<std::string, prometheus::Family<prometheus::Gauge>*> gauges;
};

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()), families_(std::make_unique<Families>()) {
    families_->requests = &prometheus::BuildCounter()
                               .Name("sikgu_http_requests_total")
                               .Help("HTTP requests by route, method and status")
                               .Register(*registry_);
    families_->latency = &prometheus::BuildHistogram()
                              .Name("sikgu_http_request_duration_seconds")
                              .Help("HTTP request latency by route and method")
                              .Register(*registry_);
}

Metrics::~Metrics() = default;

struct Metrics::Instruments {
    prometheus::Counter* requests;
    prometheus::Histogram* latency;
};

// The prometheus-cpp families hash a label map under one mutex on every Add; requests reuse the
// instruments of their (route, method, status) instead, found under a shared lock.
Metrics::Instruments& Metrics::InstrumentsFor(std::string_view route, std::string_view method, int status) {
    std::string key;
    key.reserve(route.size() + method.size() + 8);
    key.append(route).append(1, ' ').append(method).append(1, ' ').append(std::to_string(status));
    {
        std::shared_lock lock(instruments_mutex_);
        if (const auto it = instruments_.find(key); it != instruments_.end()) return *it->second;
    }
    static const prometheus::Histogram::BucketBoundaries kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                                  0.05,   0.1,   0.25,   0.5,   1,    2.5};
    const std::string route_label = route.empty() ? "unmatched" : std::string(route);
    auto instruments = std::make_unique<Instruments>(Instruments{
        &families_->requests->Add(
            {{"route", route_label}, {"method", std::string(method)}, {"status", std::to_string(status)}}),
        &families_->latency->Add({{"route", route_label}, {"method", std::string(method)}}, kBuckets)});
    std::unique_lock lock(instruments_mutex_);
    return *instruments_.try_emplace(std::move(key), std::move(instruments)).first->second;
}

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status, double seconds) {
    Instruments& instruments = InstrumentsFor(route, method, status);
    instruments.requests->Increment();
    instruments.latency->Observe(seconds);
}

void Metrics::SetGauge(const std::string& name, const std::string& help,
                       const std::map<std::string, std::string>& labels, double value) {
    std::lock_guard lock(families_->gauges_mutex);
    auto& family = families_->gauges[name];
    if (family == nullptr) family = &prometheus::BuildGauge().Name(name).Help(help).Register(*registry_);
    family->Add(labels).Set(value);
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
    return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace sikgu::obs
