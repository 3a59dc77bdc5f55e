#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/config/config.hpp"
#include "core/runtime/app.hpp"
#include "support/test_server.hpp"

namespace sikgu::runtime {
namespace {

std::atomic<int> g_runs{0};
std::atomic<int> g_failures{0};

class TickModule final : public Module {
public:
    explicit TickModule(ServiceContext&) {}
    void Register(Registry& r) override {
        r.AddJob("test.tick", std::chrono::milliseconds(20), []() -> core::Task<void> {
            ++g_runs;
            co_return;
        });
        r.AddJob("test.fail", std::chrono::milliseconds(20), []() -> core::Task<void> {
            ++g_failures;
            throw std::runtime_error("boom");
            co_return;
        });
    }
};

std::unique_ptr<Module> MakeTick(ServiceContext& c) { return std::make_unique<TickModule>(c); }

TEST(Jobs, RunPeriodicallyAndSurviveFailures) {
    test::TempDir dir;
    test::FakeClock clock;
    static constexpr ModuleEntry kModules[] = {{"tick", &MakeTick}};
    const std::string toml = "[core]\ndata_dir = \"" + dir.Path().string() +
                             "\"\n[core.http]\nport = 0\n[core.auth]\nargon2_memory_kib = 64\n"
                             "[core.log]\nlevel = \"error\"\n";
    App app(config::Config::FromString(toml), kModules, {}, clock);
    app.Start();
    for (int i = 0; i < 200 && (g_runs < 3 || g_failures < 3); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    app.Stop();
    EXPECT_GE(g_runs.load(), 3);
    EXPECT_GE(g_failures.load(), 3);  // a throwing run does not end its schedule
}

}  // namespace
}  // namespace sikgu::runtime
