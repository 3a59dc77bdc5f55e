#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sikgu::plant {

struct Range {
    int min = 0;
    int max = 0;
    bool operator==(const Range&) const = default;
};

struct Watering {
    std::optional<std::string> spring, summer, autumn, winter;  // wet | moist | surface_dry | mostly_dry
    bool operator==(const Watering&) const = default;
};

/// One species with its care facts. Codes are sikgu's own English enums; see docs/openapi.yaml.
struct Plant {
    std::int64_t id = 0;  // the Nongsaro cntntsNo
    std::string name_ko;
    std::optional<std::string> name_en;
    std::string scientific_name;
    std::string family_ko;
    std::vector<std::string> categories;  // leaf | flower | fruit | succulent
    std::optional<std::string> difficulty;  // beginner | experienced | expert
    std::vector<std::string> light;  // low | medium | high
    Watering watering;
    std::optional<Range> temperature_c;
    std::optional<Range> humidity_pct;
    std::optional<int> winter_min_c;
    std::optional<std::string> growth_speed;  // fast | normal | slow
    std::optional<double> height_cm;
    std::optional<double> spread_cm;
    std::vector<std::string> placement;
    std::optional<bool> pet_safe;
    std::optional<std::string> toxicity_note;
    std::optional<std::string> care_tip;
    std::optional<std::string> care_tip_en;
    std::vector<std::string> images;  // stored file names, representative first

    bool operator==(const Plant&) const = default;
};

inline constexpr const char* kAttribution = "출처: 농촌진흥청 농사로";

}  // namespace sikgu::plant
