#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>

#include "services/media/media_test_support.hpp"

namespace sikgu::media {
namespace {

using namespace test_support;
namespace images = test_images;

// The largest value of a metric line `name value` seen so far.
double Metric(const std::string& metrics, const std::string& name) {
    std::smatch m;
    if (!std::regex_search(metrics, m, std::regex("\\n" + name + " ([0-9.e+]+)"))) return -1;
    return std::stod(m[1]);
}

// Peak resident memory of this process (server and clients), in MiB.
long PeakRssMib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
    }
    return -1;
}

TEST(MediaConcurrency, BurstOfUploadsIsStoredOrTurnedAwayNeverLost) {
    test::TestServer server("[media]\nworkers = 1\nqueue = 2\nuploads_per_minute = 100000\n");
    const User user = NewUser(server, "burst_user");
    // Distinct pictures, so each acknowledged upload must have files of its own.
    constexpr int kUploads = 200;
    std::vector<test_images::Multipart> bodies;
    for (int i = 0; i < kUploads; ++i) bodies.push_back(images::MultipartBody({{"p.jpg", images::Jpeg(700 + i % 50, 600)}}));

    std::atomic<bool> go{false};
    std::atomic<bool> done{false};
    std::mutex mutex;
    std::map<long, int> statuses;
    std::vector<std::int64_t> acknowledged;
    std::vector<std::string> bad_overload_answers;
    double max_running = 0;
    double max_admitted = 0;  // running + queued in one scrape
    std::thread watcher([&] {
        test::HttpClient client(server.Port());
        while (!done) {
            const auto metrics = client.Get("/metrics").body;
            const double running = Metric(metrics, "sikgu_media_pool_running");
            max_running = std::max(max_running, running);
            max_admitted = std::max(max_admitted, running + Metric(metrics, "sikgu_media_pool_queued"));
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    std::vector<std::thread> clients;
    for (int i = 0; i < kUploads; ++i) {
        clients.emplace_back([&, i] {
            test::HttpClient client(server.Port());
            while (!go) std::this_thread::yield();
            const auto r = client.Request("POST", "/api/v1/photos", bodies[i].body, {user.bearer, bodies[i].content_type_header});
            std::lock_guard lock(mutex);
            ++statuses[r.status];
            if (r.status == 201) {
                acknowledged.push_back(std::stoll(std::string(r.Json().at("items").at(0).at("id").as_string())));
            } else if (r.status == 503 && (r.Code() != "server.overloaded" || r.Header("retry-after").empty())) {
                bad_overload_answers.push_back(r.body);
            }
        });
    }
    go = true;
    for (auto& t : clients) t.join();
    done = true;
    watcher.join();

    EXPECT_EQ(statuses[201] + statuses[503], kUploads) << "other answers: " << statuses.size();
    EXPECT_GT(statuses[201], 0);
    EXPECT_GT(statuses[503], 0) << "a pool of 1 + 2 took 200 uploads at once";
    EXPECT_TRUE(bad_overload_answers.empty()) << bad_overload_answers.front();
    EXPECT_LE(max_running, 1);
    // Three at a time in all (1 worker + 2 waiting); a finished image still counts until its caller has it.
    EXPECT_LE(max_admitted, 3);

    // Every acknowledged upload is stored, ready, with its files; nothing else is.
    const auto photos = AllPhotos(server);
    EXPECT_EQ(photos.size(), acknowledged.size());
    auto client = server.Client();
    for (const std::int64_t id : acknowledged) {
        const auto photo = FindPhoto(server, id);
        ASSERT_TRUE(photo) << id;
        EXPECT_TRUE(photo->ready);
        EXPECT_EQ(client.Get("/media/p/" + photo->content_key + "/320.webp").status, 200);
    }
    EXPECT_EQ(LocalFileCount(server), static_cast<int>(3 * acknowledged.size()));
    const long peak = PeakRssMib();
    std::cout << "uploads: " << statuses[201] << " stored, " << statuses[503] << " turned away; peak RSS " << peak
              << " MiB\n";
    EXPECT_LT(peak, 800);
}

}  // namespace
}  // namespace sikgu::media
