#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/runtime/module.hpp"
#include "core/runtime/settings.hpp"

namespace sikgu::bus {
class EventBus;
}

namespace sikgu::runtime {

/// The composition root of one process: settings, the shared runtime pieces, one database per
/// service, the selected modules, the pipeline and the listener.
class App {
public:
    /// `services` empty means every available module (the all-in-one shape).
    App(config::Config config, std::span<const ModuleEntry> available, std::vector<std::string> services,
        const Clock& clock);
    ~App();

    /// Applies every selected service's migrations. Returns how many were applied.
    int Migrate();
    /// Migrates, starts modules and opens the listener on its own threads. Returns the bound port.
    std::uint16_t Start();
    /// Blocks until SIGINT/SIGTERM, then drains (stops accepting, waits for in-flight requests) and stops.
    void RunUntilSignal();
    /// Drains and stops (idempotent).
    void Stop();

    const CoreSettings& Settings() const;
    sql::Database& DatabaseOf(std::string_view service);
    ServiceContext& ContextOf(std::string_view service);
    const http::Router& Routes() const;
    const http::MessageCatalog& Messages() const;
    bus::EventBus& Events();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Secrets {
    std::string jwt;      // signs access tokens
    std::string service;  // signs service credentials
};
/// Each secret from config, else from <data_dir>/secrets.toml, created (mode 0600) on first start; a missing
/// one is added to an existing file.
Secrets LoadOrCreateSecrets(const CoreSettings& settings);

}  // namespace sikgu::runtime
