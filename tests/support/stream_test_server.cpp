// The whole server plus the test-only stream module (tests/support/stream_test_module.hpp), for the Node
// stream tests. Configured only from SIKGU_ environment variables (set core.data_dir); listens on 127.0.0.1
// and a port the OS chooses unless told otherwise, prints "listening <port>" on stdout once it serves, and
// drains on SIGTERM like `sikgu serve`.
#include <sys/stat.h>

#include <cstdio>
#include <exception>

#include "core/config/config.hpp"
#include "core/runtime/app.hpp"
#include "core/util/clock.hpp"
#include "support/stream_test_module.hpp"

extern char** environ;

int main() {
    using namespace sikgu;
    ::umask(077);
    try {
        auto config = config::Config::Load("", environ);
        static const SystemClock clock;
        runtime::App app(std::move(config), test::ModulesWithStreamTest(), {}, clock);
        const auto port = app.Start();
        std::printf("listening %u\n", static_cast<unsigned>(port));
        std::fflush(stdout);
        app.RunUntilSignal();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sikgu_stream_test_server: %s\n", e.what());
        return 1;
    }
}
