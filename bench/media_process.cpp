// Photo processing: 4000x3000 JPEGs through the media service's ProcessImage (decode, orientation, strip,
// re-encode, two WebP renditions), one at a time and 8 at once, with the peak resident memory of each phase.
//   cmake --build build --target bench_media_process && build/bench/bench_media_process [images] [concurrency]
#include <vips/vips8>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "services/media/image/image_processor.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// A photo-like picture: smooth gradients with a little sensor noise (pure noise would not compress like a photo).
std::string MakeInput(int width, int height) {
    const vips::VImage xy = vips::VImage::xyz(width, height);
    const vips::VImage x = xy[0];
    const vips::VImage y = xy[1];
    std::vector<vips::VImage> bands = {x * (255.0 / width), y * (255.0 / height), (x + y) * (127.0 / (width + height)) + 64};
    vips::VImage image = bands[0].bandjoin({bands[1], bands[2]});
    image = (image + vips::VImage::gaussnoise(width, height, vips::VImage::option()->set("sigma", 6.0)))
                .cast(VIPS_FORMAT_UCHAR)
                .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    image.set("exif-ifd0-Make", "BenchCamera");
    void* data = nullptr;
    std::size_t size = 0;
    image.write_to_buffer(".jpg", &data, &size, vips::VImage::option()->set("Q", 88));
    std::string out(static_cast<const char*>(data), size);
    g_free(data);
    return out;
}

long StatusKib(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
    }
    return -1;
}

// Resets the peak (VmHWM) to the current resident size, so each phase reports its own peak.
void ResetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

void ProcessOrDie(const std::string& input, const sikgu::media::ImageSettings& settings) {
    const auto result = sikgu::media::ProcessImage(input, settings);
    if (std::holds_alternative<sikgu::media::ImageRefusal>(result)) {
        std::fprintf(stderr, "refused: %s\n", std::get<sikgu::media::ImageRefusal>(result).code.c_str());
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int images = argc > 1 ? std::atoi(argv[1]) : 16;
    const int concurrency = argc > 2 ? std::atoi(argv[2]) : 8;
    sikgu::media::InitImageLibrary({});
    const sikgu::media::ImageSettings settings;
    const std::string input = MakeInput(4000, 3000);
    std::printf("input: 4000x3000 JPEG, %.1f MB\n", static_cast<double>(input.size()) / 1e6);
    ProcessOrDie(input, settings);  // warm-up

    ResetPeak();
    const long base_kib = StatusKib("VmRSS");
    auto start = Clock::now();
    for (int i = 0; i < images; ++i) ProcessOrDie(input, settings);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("one at a time: %d images in %.2f s = %.2f images/s (%.0f ms each); peak RSS %ld MB (%ld MB at rest)\n",
                images, seconds, images / seconds, 1000 * seconds / images, StatusKib("VmHWM") / 1024, base_kib / 1024);

    ResetPeak();
    start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < concurrency; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < images / concurrency; ++i) ProcessOrDie(input, settings);
        });
    }
    for (auto& thread : threads) thread.join();
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const int done = (images / concurrency) * concurrency;
    std::printf("%d at once: %d images in %.2f s = %.2f images/s; peak RSS %ld MB\n", concurrency, done, seconds,
                done / seconds, StatusKib("VmHWM") / 1024);
    return 0;
}
