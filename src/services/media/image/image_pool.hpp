#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "core/async/task.hpp"
#include "services/media/image/image_processor.hpp"

namespace sikgu::media {

struct ImagePoolOptions {
    std::size_t workers = 2;      // images decoded at once; each holds one decoded image at most
    std::size_t max_queued = 16;  // images waiting for a worker; beyond that OverloadedError (503)
};

struct ImagePoolStats {
    std::size_t running = 0;
    std::size_t queued = 0;
    std::uint64_t processed = 0;   // images that became stored files
    std::uint64_t refused = 0;     // not an acceptable image (4xx)
    std::uint64_t overloaded = 0;  // turned away because the queue was full
};

/// Image work on a small, bounded pool of its own threads, so an upload burst can neither exhaust memory
/// nor stall the event loop: at most `workers` images are decoded at once and at most `max_queued` wait.
class ImagePool {
public:
    ImagePool(ImagePoolOptions options, ImageSettings settings);
    ~ImagePool();
    ImagePool(const ImagePool&) = delete;
    ImagePool& operator=(const ImagePool&) = delete;

    /// Throws OverloadedError at once when every worker and queue place is taken. `bytes` must live until
    /// the result is returned.
    core::Task<std::variant<ProcessedImage, ImageRefusal>> Process(std::string_view bytes);

    ImagePoolStats Stats() const;
    const ImagePoolOptions& Options() const { return options_; }

private:
    ImagePoolOptions options_;
    ImageSettings settings_;
    boost::asio::thread_pool pool_;
    std::atomic<std::size_t> admitted_{0};  // running or queued
    std::atomic<std::size_t> running_{0};
    std::atomic<std::uint64_t> processed_{0};
    std::atomic<std::uint64_t> refused_{0};
    std::atomic<std::uint64_t> overloaded_{0};
};

}  // namespace sikgu::media
