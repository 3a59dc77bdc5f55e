#include "services/media/image/image_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <optional>

#include "core/util/errors.hpp"

namespace sikgu::media {
namespace {

// Decrements a counter when a scope ends, however it ends.
struct Release {
    std::atomic<std::size_t>& counter;
    ~Release() { counter.fetch_sub(1); }
};

}  // namespace

ImagePool::ImagePool(ImagePoolOptions options, ImageSettings settings)
    : options_(options), settings_(settings), pool_(options.workers == 0 ? 1 : options.workers) {
    if (options_.workers == 0) options_.workers = 1;
}

ImagePool::~ImagePool() {
    pool_.stop();
    pool_.join();
}

core::Task<std::variant<ProcessedImage, ImageRefusal>> ImagePool::Process(std::string_view bytes) {
    using Result = std::variant<ProcessedImage, ImageRefusal>;
    // Admitted only while under the bound, never counted past it even for an instant (the gauges read it).
    std::size_t seen = admitted_.load();
    do {
        if (seen >= options_.workers + options_.max_queued) {
            overloaded_.fetch_add(1);
            throw OverloadedError("image pool queue is full");
        }
    } while (!admitted_.compare_exchange_weak(seen, seen + 1));
    Release admitted{admitted_};
    // co_spawn's completion needs a default-constructible value, hence the optional.
    std::optional<Result> result = co_await boost::asio::co_spawn(
        pool_,
        [&]() -> core::Task<std::optional<Result>> {
            running_.fetch_add(1);
            Release running{running_};
            co_return ProcessImage(bytes, settings_);
        },
        boost::asio::use_awaitable);
    (std::holds_alternative<ProcessedImage>(*result) ? processed_ : refused_).fetch_add(1);
    co_return std::move(*result);
}

ImagePoolStats ImagePool::Stats() const {
    const std::size_t running = running_.load();
    const std::size_t admitted = admitted_.load();
    return {running, admitted > running ? admitted - running : 0, processed_.load(), refused_.load(), overloaded_.load()};
}

}  // namespace sikgu::media
