#include <CLI/CLI.hpp>

#include <sys/resource.h>
#include <sys/stat.h>

#include <cstdio>
#include <iostream>

#include "app/modules.hpp"
#include "core/bus/event_bus.hpp"
#include "core/config/config.hpp"
#include "core/obs/log.hpp"
#include "core/runtime/app.hpp"
#include "core/util/clock.hpp"
#include "core/util/time.hpp"

extern char** environ;

namespace {
// Connections are file descriptors: use every one the hard limit allows (the soft default is often 1024).
// The listener derives its connection cap from what this leaves.
void RaiseOpenFileLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}
}  // namespace

int main(int argc, char** argv) {
    using namespace sikgu;
    CLI::App cli{"sikgu (식구하자): the houseplant owners' platform"};
    cli.require_subcommand(1);
    std::string config_path;
    std::string data_dir;
    int port = -1;
    std::string services;
    cli.add_option("-c,--config", config_path, "TOML configuration file");
    cli.add_option("--data-dir", data_dir, "data directory (overrides core.data_dir)");

    auto* serve = cli.add_subcommand("serve", "run the HTTP server");
    serve->add_option("-p,--port", port, "listen port (overrides core.http.port)")->check(CLI::Range(0, 65535));
    serve->add_option("--services", services, "comma-separated services to run (default: all)");
    auto* migrate = cli.add_subcommand("migrate", "apply database migrations and exit");
    auto* version = cli.add_subcommand("version", "print the version");
    // Commands that belong to a service (e.g. `plants import`) come from the module list.
    const std::vector<app::Command> commands = app::AllCommands();
    std::vector<CLI::App*> command_apps;
    for (const auto& command : commands) command_apps.push_back(command.declare(cli));
    auto* events_cmd = cli.add_subcommand("events", "event bus tools");
    events_cmd->require_subcommand(1);
    auto* dead_letters = events_cmd->add_subcommand("dead-letters", "list the events consumers gave up on");
    auto* retry = events_cmd->add_subcommand("retry", "put a dead letter back into its consumer's queue");
    std::string retry_consumer;
    std::int64_t retry_event = 0;
    retry->add_option("consumer", retry_consumer, "the consumer, as listed by dead-letters")->required();
    retry->add_option("event_id", retry_event, "the event id, as listed by dead-letters")->required();
    auto* config_cmd = cli.add_subcommand("config", "configuration tools");
    config_cmd->add_subcommand("print", "print the effective configuration (secrets masked)");
    CLI11_PARSE(cli, argc, argv);

    if (*version) {
        std::cout << "sikgu " << SIKGU_VERSION << "\n";
        return 0;
    }
    // Whatever else sikgu (or a library) creates is private too: the data folder holds codes and secrets.
    ::umask(077);
    RaiseOpenFileLimit();
    try {
        if (!data_dir.empty()) setenv("SIKGU_CORE__DATA_DIR", data_dir.c_str(), 1);
        if (port >= 0) setenv("SIKGU_CORE__HTTP__PORT", std::to_string(port).c_str(), 1);
        auto config = config::Config::Load(config_path, environ);
        if (*config_cmd) {
            std::cout << config.Dump();
            return 0;
        }
        std::vector<std::string> selected;
        for (std::string_view rest = services; !rest.empty();) {
            const auto comma = rest.find(',');
            if (comma != 0) selected.emplace_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        static const SystemClock clock;
        const app::Command* chosen = nullptr;
        for (std::size_t i = 0; i < commands.size(); ++i) {
            if (*command_apps[i]) chosen = &commands[i];
        }
        if (chosen != nullptr) selected = chosen->services;
        runtime::App app(std::move(config), app::AllModules(), selected, clock);
        if (chosen != nullptr) return chosen->run(app);
        if (*dead_letters) {
            app.Migrate();
            for (const auto& letter : app.Events().DeadLetters()) {
                std::cout << letter.consumer << '\t' << letter.event_id << '\t' << letter.type << '\t' << letter.key
                          << '\t' << letter.attempts << '\t' << FormatRfc3339(letter.occurred_at) << '\t'
                          << letter.last_error << '\n';
            }
            return 0;
        }
        if (*retry) {
            app.Migrate();
            if (!app.Events().Retry(retry_consumer, retry_event)) {
                std::fprintf(stderr, "sikgu: no dead letter %lld for consumer %s\n", static_cast<long long>(retry_event),
                             retry_consumer.c_str());
                return 1;
            }
            std::cout << "queued again; a running server picks it up within core.bus.poll_ms\n";
            return 0;
        }
        if (*migrate) {
            const int applied = app.Migrate();
            std::cout << "applied " << applied << " migration(s)\n";
            return 0;
        }
        app.Start();
        app.RunUntilSignal();
        return 0;
    } catch (const config::ConfigError& e) {
        std::fprintf(stderr, "sikgu: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sikgu: %s\n", e.what());
        return 1;
    }
}
