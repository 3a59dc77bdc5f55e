#include "services/plant/domain/plant_search.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

#include "core/util/crypto.hpp"
#include "core/util/text.hpp"

namespace sikgu::plant {
namespace {

// Code points for matching: spaces dropped, Latin letters lower-cased.
std::u32string Fold(std::string_view text) {
    std::u32string out = DecodeUtf8(text);
    std::erase_if(out, [](char32_t cp) { return cp == ' ' || cp == '\t'; });
    for (char32_t& cp : out) {
        if (cp >= 'A' && cp <= 'Z') cp += 32;
    }
    return out;
}

// A query's initial consonant (ㅁ) also matches any syllable it begins (몬).
bool CharMatches(char32_t name_char, char32_t query_char) {
    return name_char == query_char || (query_char != 0 && HangulInitial(name_char) == query_char);
}

// Position of the first match, or npos.
std::size_t FindIn(const std::u32string& name, const std::u32string& query) {
    if (query.empty()) return 0;
    if (query.size() > name.size()) return std::u32string::npos;
    for (std::size_t start = 0; start + query.size() <= name.size(); ++start) {
        bool ok = true;
        for (std::size_t k = 0; k < query.size() && ok; ++k) ok = CharMatches(name[start + k], query[k]);
        if (ok) return start;
    }
    return std::u32string::npos;
}

bool Contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

// Results sort by rank (prefix matches 0, other matches 1), then Korean name, then id.
using Hit = PlantIndex::Hit;
bool Before(const Hit& a, const Hit& b) { return std::tie(a.rank, a.name, a.id) < std::tie(b.rank, b.name, b.id); }

std::string EncodeCursor(const Hit& key) {
    return Base64UrlEncode(std::to_string(key.rank) + ":" + std::to_string(key.id) + ":" + std::string(key.name));
}

struct Cursor {
    int rank;
    std::int64_t id;
    std::string name;
};

std::optional<Cursor> DecodeCursor(std::string_view text) {
    const auto raw = Base64UrlDecode(text);
    if (!raw) return std::nullopt;
    const auto first = raw->find(':');
    const auto second = first == std::string::npos ? first : raw->find(':', first + 1);
    if (second == std::string::npos) return std::nullopt;
    Cursor cursor{};
    const char* begin = raw->data();
    if (std::from_chars(begin, begin + first, cursor.rank).ec != std::errc{}) return std::nullopt;
    if (std::from_chars(begin + first + 1, begin + second, cursor.id).ec != std::errc{}) return std::nullopt;
    cursor.name = raw->substr(second + 1);
    if (cursor.rank < 0 || cursor.rank > 1 || !IsValidUtf8(cursor.name)) return std::nullopt;
    return cursor;
}

}  // namespace

bool NameMatches(std::string_view name, std::string_view query) {
    return FindIn(Fold(name), Fold(query)) != std::u32string::npos;
}

PlantIndex::PlantIndex(std::vector<Plant> plants) : plants_(std::move(plants)) {
    std::sort(plants_.begin(), plants_.end(),
              [](const Plant& a, const Plant& b) { return std::tie(a.name_ko, a.id) < std::tie(b.name_ko, b.id); });
    folded_.reserve(plants_.size());
    for (std::size_t i = 0; i < plants_.size(); ++i) {
        const Plant& p = plants_[i];
        folded_.push_back({Fold(p.name_ko), p.name_en ? Fold(*p.name_en) : std::u32string{},
                           Fold(p.scientific_name)});
        by_id_.emplace(p.id, i);
    }
}

const Plant* PlantIndex::Find(std::int64_t id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &plants_[it->second];
}

std::shared_ptr<const std::vector<Hit>> PlantIndex::Matches(const PlantQuery& query) const {
    std::string key;
    for (const auto* part : {&query.text, &query.category, &query.difficulty, &query.light, &query.watering}) {
        key += part->value_or("\x1e");
        key += '\x1f';
    }
    key += query.pet_safe ? (*query.pet_safe ? "1" : "0") : "-";
    {
        std::shared_lock lock(cache_mutex_);
        if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    const std::u32string text = query.text ? Fold(*query.text) : std::u32string{};
    auto hits = std::make_shared<std::vector<Hit>>();
    for (std::size_t i = 0; i < plants_.size(); ++i) {
        const Plant& p = plants_[i];
        const Folded& f = folded_[i];
        if (query.category && !Contains(p.categories, *query.category)) continue;
        if (query.difficulty && p.difficulty != query.difficulty) continue;
        if (query.light && !Contains(p.light, *query.light)) continue;
        if (query.watering && p.watering.spring != query.watering) continue;
        if (query.pet_safe && p.pet_safe != query.pet_safe) continue;
        int rank = 0;
        if (!text.empty()) {
            const auto in_korean = FindIn(f.name_ko, text);
            std::size_t in_other = std::u32string::npos;
            if (in_korean == std::u32string::npos) {
                in_other = FindIn(f.name_en, text);
                if (in_other == std::u32string::npos) in_other = FindIn(f.scientific_name, text);
                if (in_other == std::u32string::npos) continue;
            }
            rank = (in_korean == 0 || in_other == 0) ? 0 : 1;
        }
        hits->push_back({rank, p.name_ko, p.id});
    }
    std::sort(hits->begin(), hits->end(), Before);
    std::unique_lock lock(cache_mutex_);
    if (cache_.size() >= kMaxCachedQueries) cache_.clear();
    cache_.emplace(std::move(key), hits);
    return hits;
}

std::optional<PlantPage> PlantIndex::Search(const PlantQuery& query) const {
    std::optional<Cursor> cursor;
    if (query.after) {
        cursor = DecodeCursor(*query.after);
        if (!cursor) return std::nullopt;
    }
    const auto hits = Matches(query);
    auto it = hits->begin();
    if (cursor) {
        const Hit after{cursor->rank, cursor->name, cursor->id};
        it = std::upper_bound(hits->begin(), hits->end(), after, Before);
    }
    PlantPage page;
    for (; it != hits->end() && page.items.size() < query.limit; ++it) page.items.push_back(Find(it->id));
    if (it != hits->end() && !page.items.empty()) page.next_cursor = EncodeCursor(*(it - 1));
    return page;
}

}  // namespace sikgu::plant
