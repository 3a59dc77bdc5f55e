#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <memory>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "services/plant/domain/plant.hpp"

namespace sikgu::plant {

struct PlantQuery {
    std::optional<std::string> text;  // name search, Korean or English
    std::optional<std::string> category;
    std::optional<std::string> difficulty;
    std::optional<std::string> light;
    std::optional<std::string> watering;  // spring watering code
    std::optional<bool> pet_safe;
    std::optional<std::string> after;  // an opaque cursor from a previous page
    std::size_t limit = 20;
};

struct PlantPage {
    std::vector<const Plant*> items;
    std::optional<std::string> next_cursor;
};

/// True when `query` occurs in `name`, where a Hangul initial consonant in the query (ㅁ) also matches any
/// syllable starting with it (몬), so "몬스", "ㅁㅅㅌㄹ" and "몬ㅅ" all find 몬스테라. Latin letters fold case,
/// spaces are ignored on both sides.
bool NameMatches(std::string_view name, std::string_view query);

/// The in-memory catalogue: immutable once built, searched without locks.
class PlantIndex {
public:
    explicit PlantIndex(std::vector<Plant> plants);

    const Plant* Find(std::int64_t id) const;
    /// Filters, orders (prefix matches first, then by Korean name, then id) and cuts one keyset page.
    /// Returns nullopt when the cursor is not one this index made.
    std::optional<PlantPage> Search(const PlantQuery& query) const;
    std::size_t Size() const { return plants_.size(); }
    const std::vector<Plant>& Plants() const { return plants_; }

    struct Hit {
        int rank;
        std::string_view name;
        std::int64_t id;
    };

private:
    /// Every match of a query in result order, before paging (computed once per distinct query).
    std::shared_ptr<const std::vector<Hit>> Matches(const PlantQuery& query) const;

    struct Folded {
        std::u32string name_ko, name_en, scientific_name;
    };
    std::vector<Plant> plants_;   // sorted by name_ko, id
    std::vector<Folded> folded_;  // same order: names decoded and folded once, not per request
    std::unordered_map<std::int64_t, std::size_t> by_id_;
    // The index never changes, so results of a filter + text combination can be kept. Bounded: when full
    // it starts over, which only costs recomputation.
    static constexpr std::size_t kMaxCachedQueries = 1024;
    mutable std::shared_mutex cache_mutex_;
    mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<Hit>>> cache_;
};

}  // namespace sikgu::plant
