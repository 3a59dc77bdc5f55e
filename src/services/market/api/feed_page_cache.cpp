#include "services/market/api/feed_page_cache.hpp"

namespace sikgu::market {

std::optional<std::string> FeedPageCache::Find(const std::string& key, std::uint64_t generation) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second.generation != generation || Clock::now() - it->second.rendered_at > max_age_) {
        return std::nullopt;
    }
    return it->second.body;
}

void FeedPageCache::Store(const std::string& key, std::uint64_t generation, std::string body) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_ && !entries_.contains(key)) entries_.clear();
    entries_.insert_or_assign(key, Entry{generation, Clock::now(), std::move(body)});
}

}  // namespace sikgu::market
