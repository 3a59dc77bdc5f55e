#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sikgu::market {

/// Rendered feed pages by their query, for the feed's anonymous, identical requests (the first page above
/// all). An entry serves while no listing changed in this process since it was rendered (`generation`) and
/// for at most `max_age`, which bounds how stale it can be for changes made elsewhere (other instances, and
/// counters: views, wishes, chats). Bounded: when full it starts over.
class FeedPageCache {
public:
    explicit FeedPageCache(std::chrono::milliseconds max_age = std::chrono::seconds(1), std::size_t max_entries = 512)
        : max_age_(max_age), max_entries_(max_entries) {}

    std::optional<std::string> Find(const std::string& key, std::uint64_t generation) const;
    /// `generation` is the one read before the page was queried, so a change committed meanwhile makes the
    /// entry stale at once.
    void Store(const std::string& key, std::uint64_t generation, std::string body);

private:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        std::uint64_t generation;
        Clock::time_point rendered_at;
        std::string body;
    };
    const std::chrono::milliseconds max_age_;
    const std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace sikgu::market
