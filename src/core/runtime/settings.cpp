#include "core/runtime/settings.hpp"

#include <thread>

#include "core/config/config.hpp"
#include "core/http/pipeline.hpp"

namespace sikgu::runtime {

bool CoreSettings::ListensOnLoopbackOnly() const {
    return http.bind == "::1" || http.bind.starts_with("127.");
}

CoreSettings ParseCoreSettings(const config::Config& config) {
    CoreSettings s;
    const auto core = config.Get("core");
    s.data_dir = core.GetString("data_dir", "data");
    s.node_id = static_cast<std::uint32_t>(core.GetInt("node_id", 0, 0, 1023));
    s.io_threads = static_cast<std::size_t>(core.GetInt("io_threads", 0, 0, 256));
    if (s.io_threads == 0) s.io_threads = std::max(1U, std::thread::hardware_concurrency());
    s.job_tick = std::chrono::milliseconds(core.GetInt("job_tick_ms", 1000, 10, 60000));
    core.Finish({"http", "http_client", "sql", "auth", "log", "mail", "bus", "peers"});

    const auto http = config.Get("core.http");
    s.http.bind = http.GetString("bind", "127.0.0.1");
    s.http.port = static_cast<std::uint16_t>(http.GetInt("port", 8080, 0, 65535));
    s.http.max_body_bytes = static_cast<std::size_t>(http.GetInt("max_body_bytes", 1 << 20, 1024, 64 << 20));
    s.http.max_header_bytes = static_cast<std::size_t>(http.GetInt("max_header_bytes", 16 << 10, 1024, 1 << 20));
    s.http.read_timeout = std::chrono::seconds(http.GetInt("read_timeout_seconds", 30, 1, 3600));
    s.http.idle_timeout = std::chrono::seconds(http.GetInt("idle_timeout_seconds", 75, 1, 3600));
    s.http.write_timeout = std::chrono::seconds(http.GetInt("write_timeout_seconds", 30, 1, 3600));
    s.public_url = http.GetString("public_url", "http://localhost:8080");
    s.web_root = http.GetString("web_root", "web/dist");
    s.openapi_path = http.GetString("openapi_path", "docs/openapi.yaml");
    s.cors_origins = http.GetStringList("cors_origins", {});
    s.trusted_proxies = http.GetStringList("trusted_proxies", {});
    for (auto& proxy : s.trusted_proxies) {
        auto canonical = http::CanonicalAddress(proxy);
        if (!canonical) throw config::ConfigError("core.http.trusted_proxies: not an IP address: " + proxy);
        proxy = std::move(*canonical);
    }
    s.shutdown_grace = std::chrono::seconds(http.GetInt("shutdown_grace_seconds", 10, 0, 600));
    s.http.max_connections = static_cast<std::size_t>(http.GetInt("max_connections", 0, 0, 1000000));
    s.http.max_connections_per_address =
        static_cast<std::size_t>(http.GetInt("max_connections_per_address", 256, 1, 1000000));
    s.http.unlimited_addresses = s.trusted_proxies;  // a proxy carries many clients
    s.http.stream_write_timeout = std::chrono::seconds(http.GetInt("stream_write_timeout_seconds", 10, 1, 600));
    s.http.live_recheck_interval = std::chrono::seconds(http.GetInt("live_recheck_seconds", 10, 1, 600));
    s.http.websocket_idle_timeout = std::chrono::seconds(http.GetInt("websocket_idle_timeout_seconds", 60, 2, 3600));
    s.http.websocket_max_message_bytes =
        static_cast<std::size_t>(http.GetInt("websocket_max_message_bytes", 64 << 10, 125, 16 << 20));
    s.http.websocket_queue_bytes = static_cast<std::size_t>(http.GetInt("websocket_queue_bytes", 1 << 20, 4096, 256 << 20));
    s.http.spool_dir = http.GetString("spool_dir", "");
    http.Finish();

    const auto client = config.Get("core.http_client");
    s.http_client.max_connections = static_cast<std::size_t>(client.GetInt("max_connections", 64, 1, 10000));
    s.http_client.max_queued = static_cast<std::size_t>(client.GetInt("max_queued", 256, 0, 100000));
    s.http_client.default_timeout = std::chrono::seconds(client.GetInt("default_timeout_seconds", 30, 1, 3600));
    s.http_client.connect_timeout = std::chrono::seconds(client.GetInt("connect_timeout_seconds", 5, 1, 600));
    s.http_client.max_response_bytes =
        static_cast<std::size_t>(client.GetInt("max_response_bytes", 4 << 20, 1024, 1 << 30));
    client.Finish();

    const auto sql = config.Get("core.sql");
    s.sql_engine = sql.GetChoice("engine", "sqlite", {"sqlite", "postgres"});
    s.postgres_url = sql.GetString("postgres_url", "postgresql://127.0.0.1:5432/sikgu_{service}");
    s.sql_pool_size = static_cast<std::size_t>(sql.GetInt("pool_size", 4, 1, 256));
    s.sqlite_synchronous = sql.GetChoice("sqlite_synchronous", "normal", {"normal", "full"});
    sql.Finish();

    const auto auth = config.Get("core.auth");
    s.jwt_secret = auth.GetString("jwt_secret", "");
    s.service_secret = auth.GetString("service_secret", "");
    s.access_ttl = std::chrono::seconds(auth.GetInt("access_ttl_seconds", 900, 30, 86400));
    s.password.workers = static_cast<std::size_t>(auth.GetInt("password_workers", 2, 1, 64));
    s.password.max_queued = static_cast<std::size_t>(auth.GetInt("password_max_queued", 256, 0, 100000));
    s.password.memory_kib = static_cast<std::size_t>(auth.GetInt("argon2_memory_kib", 19456, 8, 1 << 21));
    s.password.iterations = static_cast<std::size_t>(auth.GetInt("argon2_iterations", 2, 1, 16));
    auth.Finish();

    const auto log = config.Get("core.log");
    s.log_level = log.GetChoice("level", "info", {"debug", "info", "warn", "error"});
    s.log_format = log.GetChoice("format", "json", {"json", "text"});
    s.access_log = log.GetBool("access_log", true);
    log.Finish();

    const auto mail = config.Get("core.mail");
    s.smtp.url = mail.GetString("smtp_url", "");
    s.smtp.from = mail.GetString("from", "식구하자 <no-reply@sikgu.local>");
    s.smtp.username = mail.GetString("smtp_username", "");
    s.smtp.password = mail.GetString("smtp_password", "");
    s.smtp.require_tls = mail.GetBool("require_tls", false);
    s.smtp.verify_peer = mail.GetBool("verify_peer", true);
    s.smtp.timeout_seconds = mail.GetInt("timeout_seconds", 20, 1, 600);
    s.mail_retry = std::chrono::seconds(mail.GetInt("retry_seconds", 30, 1, 3600));
    mail.Finish();

    const auto bus = config.Get("core.bus");
    s.bus_transport = bus.GetChoice("transport", "in-process", {"in-process"});
    s.bus.max_attempts = static_cast<int>(bus.GetInt("max_attempts", 10, 1, 1000));
    s.bus.first_retry = std::chrono::milliseconds(bus.GetInt("first_retry_ms", 1000, 1, 3600000));
    s.bus.max_retry = std::chrono::milliseconds(bus.GetInt("max_retry_ms", 300000, 1, 86400000));
    s.bus.poll = std::chrono::milliseconds(bus.GetInt("poll_ms", 5000, 10, 3600000));
    s.bus.retention = std::chrono::hours(bus.GetInt("retention_hours", 24 * 7, 1, 24 * 365));
    bus.Finish();
    return s;
}

}  // namespace sikgu::runtime
