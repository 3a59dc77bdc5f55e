#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "core/runtime/module.hpp"
#include "services/media/contract/media_queries.hpp"

namespace sikgu::market::stub {

/// Stands in for the media service's internal photo lookup in market's component tests: tests register
/// the photos that "exist". Only the lookup market makes is answered.
class PhotoRegistry {
public:
    void Add(std::int64_t id, std::int64_t owner, bool ready = true);
    std::map<std::int64_t, media::PhotoInfo> Snapshot() const;

private:
    mutable std::mutex mutex_;
    std::map<std::int64_t, media::PhotoInfo> photos_;
};

PhotoRegistry& Photos();

/// The "media" module entry for TestServer's extra modules.
runtime::ModuleEntry PhotoStubEntry();

}  // namespace sikgu::market::stub
