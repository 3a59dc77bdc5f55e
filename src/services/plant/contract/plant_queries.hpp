#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/async/task.hpp"

namespace sikgu::runtime {
class QueryClient;
}

// What other services may ask the plant service: the only part of it they may include.
namespace sikgu::plant {

/// A species as other services show it beside their own things (a listing linked to the encyclopedia):
/// names, kind, and a short care summary.
struct SpeciesSummary {
    std::int64_t id = 0;
    std::string name_ko;
    std::optional<std::string> name_en;
    std::string scientific_name;
    std::vector<std::string> categories;    // leaf | flower | fruit | succulent
    std::optional<std::string> difficulty;  // beginner | experienced | expert
    std::vector<std::string> light;         // low | medium | high
    std::optional<std::string> watering;    // spring watering: wet | moist | surface_dry | mostly_dry
    std::optional<bool> pet_safe;
    std::optional<std::string> care_tip;

    boost::json::object ToJson() const;
    static SpeciesSummary FromJson(const boost::json::object& json);
    bool operator==(const SpeciesSummary&) const = default;
};

/// The plant service's internal API, through the query client (in process or over HTTP).
class PlantQueries {
public:
    explicit PlantQueries(const runtime::QueryClient& client) : client_(client) {}

    /// The species, or nullopt when there is none with that id.
    core::Task<std::optional<SpeciesSummary>> FindSpecies(std::int64_t id) const;
    /// Several at once (at most kMaxBatch), in the order asked; unknown ids are left out.
    core::Task<std::vector<SpeciesSummary>> FindSpeciesBatch(const std::vector<std::int64_t>& ids) const;

    static constexpr std::size_t kMaxBatch = 100;

private:
    const runtime::QueryClient& client_;
};

}  // namespace sikgu::plant
