#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/auth/password_hasher.hpp"
#include "core/bus/event_bus.hpp"
#include "core/http/client.hpp"
#include "core/http/server.hpp"
#include "core/mail/mailer.hpp"

namespace sikgu::config {
class Config;
}

namespace sikgu::runtime {

/// The runtime's own settings: [core], [core.http], [core.http_client], [core.sql], [core.auth], [core.log],
/// [core.mail].
struct CoreSettings {
    std::filesystem::path data_dir = "data";
    std::uint32_t node_id = 0;  // distinguishes instances in generated ids
    std::size_t io_threads = 0;  // 0: one per core

    http::ServerOptions http;
    std::string public_url = "http://localhost:8080";
    std::filesystem::path web_root = "web/dist";
    std::filesystem::path openapi_path = "docs/openapi.yaml";
    std::vector<std::string> cors_origins;
    std::vector<std::string> trusted_proxies;
    std::chrono::seconds shutdown_grace{10};

    http::ClientOptions http_client;  // the one outgoing client (Kakao, Nongsaro, SMTP)

    std::string sql_engine = "sqlite";  // sqlite | postgres
    std::string postgres_url;           // "{service}" is replaced by the service name
    std::size_t sql_pool_size = 4;
    std::string sqlite_synchronous = "normal";

    std::string jwt_secret;      // empty: generated once and kept in <data_dir>/secrets.toml
    std::string service_secret;  // signs the credentials services present to each other; same rule
    std::chrono::seconds access_ttl{900};
    auth::PasswordHasherOptions password;

    std::string log_level = "info";
    std::string log_format = "json";
    bool access_log = true;

    mail::SmtpOptions smtp;  // smtp.url empty: the dev mailbox is used
    std::chrono::seconds mail_retry{30};  // first retry of a failed mail and the retry job's period

    std::chrono::milliseconds job_tick{1000};  // how often sleeping jobs look at the clock

    std::string bus_transport = "in-process";
    bus::BusOptions bus;

    bool ListensOnLoopbackOnly() const;
};

/// Reads and range-checks the [core.*] sections; unknown keys are an error.
CoreSettings ParseCoreSettings(const config::Config& config);

}  // namespace sikgu::runtime
