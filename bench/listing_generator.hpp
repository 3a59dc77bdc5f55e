#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "services/market/domain/listing.hpp"
#include "services/market/store/market_store.hpp"

// Made-up but plausible 식물 중고거래 listings for the market benchmarks: titles such as "몬스테라 알보 삽수
// 분양합니다" or "토분 3호 5개 일괄", descriptions of a few sentences (condition, size, care, trade area,
// 직거래/택배), prices, states and photos. Every choice within a word list follows a Zipf-like law, so a few
// words (화분, 분양, 나눔, 몬스테라) are in a large share of listings and most words are rare. The same seed
// gives the same listings on every machine (no std distributions, whose output is implementation-defined).
namespace sikgu::bench {

/// A species name as a seller would write it, and the catalogue's id when the name is the catalogue's.
struct SpeciesName {
    std::string name;
    std::int64_t catalogue_id = 0;  // 0: a market name the catalogue does not have (스투키, 알보)
};

/// The species sellers name: a few market favourites first, then the catalogue's Korean names (`name_ko` in
/// data/plants/catalogue.json, without the parenthesised alternatives and quotes).
std::vector<SpeciesName> LoadSpeciesNames(const std::string& catalogue_path);

/// A listing and what happened to it after it was posted (set by the benchmark, not by MarketStore::CreateIn).
struct GeneratedListing {
    market::NewListing listing;
    market::State state = market::State::kSelling;
    std::int64_t views = 0;
    std::int64_t wishes = 0;
    std::int64_t chats = 0;
};

class ListingGenerator {
public:
    static constexpr std::int64_t kSellers = 50'000;

    ListingGenerator(std::vector<SpeciesName> species, std::uint64_t seed);

    GeneratedListing Next();
    /// Every distinct word the generator can put in a title or description slot (species, items, variants,
    /// forms, adjectives, places, trade words), as written; a benchmark picks its query terms from these.
    std::vector<std::string> Vocabulary() const;
    static std::string Nickname(std::int64_t seller_id);

private:
    // Index i of n drawn with probability proportional to 1 / (i + 1)^exponent.
    class Zipf {
    public:
        Zipf(std::size_t n, double exponent);
        std::size_t Index(std::mt19937_64& rng) const;

    private:
        std::vector<double> cumulative_;
    };
    // A word list, most frequent first.
    struct Words {
        Words(std::vector<std::string> list, double exponent) : words(std::move(list)), zipf(words.size(), exponent) {}
        const std::string& Pick(std::mt19937_64& rng) const { return words[zipf.Index(rng)]; }
        std::vector<std::string> words;
        Zipf zipf;
    };

    std::string PlantTitle(const std::string& species, bool free);
    std::string SuppliesTitle(const std::string& item, bool free);
    std::string Description(market::Category category, const std::string& subject);
    std::string Fill(const std::string& sentence, const std::string& subject);
    std::int64_t Price(market::Category category);
    std::vector<market::Photo> Photos();
    double Uniform();                                           // [0, 1)
    std::int64_t Between(std::int64_t low, std::int64_t high);  // [low, high]
    bool Chance(double p) { return Uniform() < p; }

    std::vector<SpeciesName> species_;
    std::mt19937_64 rng_;
    Zipf species_pick_;
    Words variants_, forms_, actions_, free_actions_, adjectives_;
    Words supplies_, supply_sizes_, counts_, others_;
    Words conditions_, sizes_, cares_, trades_, closings_;
    Words pots_, districts_, neighbourhoods_;
    Zipf sellers_;
    std::int64_t next_photo_id_ = 1;
};

}  // namespace sikgu::bench
