#include "core/runtime/app.hpp"

#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>
#include <condition_variable>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <toml++/toml.h>

#include "core/auth/jwt.hpp"
#include "core/auth/service_credentials.hpp"
#include "core/auth/session_revocations.hpp"
#include "core/auth/password_hasher.hpp"
#include "core/auth/stream_tickets.hpp"
#include "core/bus/event.hpp"
#include "core/bus/event_bus.hpp"
#include "core/bus/in_process_transport.hpp"
#include "core/http/client.hpp"
#include "core/http/idempotency.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/problem_docs.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"
#include "core/mail/mail_queue.hpp"
#include "core/mail/mailer.hpp"
#include "core/obs/log.hpp"
#include "core/obs/metrics.hpp"
#include "core/sql/database.hpp"
#include "core/sql/migrator.hpp"
#include "core/sql/postgres.hpp"
#include "core/sql/sqlite.hpp"
#include "core/util/crypto.hpp"
#include "core/util/ids.hpp"
#include "core/util/private_files.hpp"

#ifndef SIKGU_VERSION
#define SIKGU_VERSION "dev"
#endif

namespace sikgu::http {
std::span<const EmbeddedFile> OpenApiDocument();
}

namespace sikgu::runtime {
namespace {

std::unique_ptr<sql::Database> OpenDatabase(const CoreSettings& s, const std::string& service) {
    sql::Database::Factory factory;
    if (s.sql_engine == "postgres") {
        std::string url = s.postgres_url;
        if (const auto pos = url.find("{service}"); pos != std::string::npos) url.replace(pos, 9, service);
        factory = [url] { return sql::OpenPostgres(url); };
    } else {
        CreatePrivateDirectories(s.data_dir);
        const auto path = s.data_dir / (service + ".db");
        CreatePrivateFile(path);
        sql::SqliteOptions options{path.string(), s.sqlite_synchronous};
        factory = [options] { return sql::OpenSqlite(options); };
    }
    return std::make_unique<sql::Database>(service, std::move(factory), sql::DatabaseOptions{s.sql_pool_size});
}

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Names this process in job claims: host, pid and a random part (pids repeat across hosts and restarts).
std::string InstanceId() {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    return std::string(host) + ":" + std::to_string(::getpid()) + ":" + RandomToken(6);
}

}  // namespace

Secrets LoadOrCreateSecrets(const CoreSettings& settings) {
    Secrets secrets{settings.jwt_secret, settings.service_secret};
    if (!secrets.jwt.empty() && !secrets.service.empty()) return secrets;
    const auto path = settings.data_dir / "secrets.toml";
    std::string stored_jwt;
    std::string stored_service;
    if (std::filesystem::exists(path)) {
        if (IsReadableByOthers(path)) {
            obs::Log(obs::Level::kWarn, "secrets_file_readable_by_others",
                     {{"path", path.string()}, {"fix", "chmod 600 " + path.string()}});
        }
        const auto table = toml::parse_file(path.string());
        stored_jwt = table["jwt_secret"].value<std::string>().value_or("");
        stored_service = table["service_secret"].value<std::string>().value_or("");
        if (stored_jwt.size() < 32) {
            throw config::ConfigError(path.string() + ": jwt_secret is missing or shorter than 32 characters");
        }
        if (!stored_service.empty() && stored_service.size() < 32) {
            throw config::ConfigError(path.string() + ": service_secret is shorter than 32 characters");
        }
    }
    if (stored_jwt.empty() || stored_service.empty()) {
        // First start, or a data folder from before services signed their calls: add what is missing,
        // keeping a secret that exists (changing it would end every session).
        if (stored_jwt.empty()) stored_jwt = RandomToken(48);
        if (stored_service.empty()) stored_service = RandomToken(48);
        CreatePrivateDirectories(settings.data_dir);
        WritePrivateFileAtomically(
            path, "# Generated on first start. Keep it private. Changing jwt_secret invalidates every access token\n"
                  "# (clients refresh); every process of one deployment needs the same two values.\n"
                  "jwt_secret = \"" + stored_jwt + "\"\n"
                  "service_secret = \"" + stored_service + "\"\n");
    }
    if (secrets.jwt.empty()) secrets.jwt = stored_jwt;
    if (secrets.service.empty()) secrets.service = stored_service;
    return secrets;
}

struct App::Impl : Registry {
    config::Config config;
    CoreSettings settings;
    const Clock& clock;
    IdGenerator ids;
    obs::Metrics metrics;
    http::MessageCatalog messages;
    http::Router router;
    std::unique_ptr<auth::SessionRevocations> revocations;
    std::unique_ptr<auth::JwtCodec> tokens;
    std::unique_ptr<auth::ServiceCredentials> service_credentials;
    std::unique_ptr<auth::StreamTickets> tickets;
    std::unique_ptr<auth::PasswordHasher> passwords;
    std::unique_ptr<mail::Mailer> mailer;
    mail::DevMailbox* dev_mailbox = nullptr;
    boost::asio::io_context io;
    // After `io`, so it is destroyed first: transfers it fails on the way out complete into a live io_context.
    std::unique_ptr<http::Client> http_client;
    std::unique_ptr<http::StaticFiles> static_files;
    std::unique_ptr<http::Pipeline> pipeline;
    std::unique_ptr<http::HttpServer> server;
    std::vector<std::thread> threads;
    std::vector<std::unique_ptr<http::Handler>> core_handlers;
    std::unique_ptr<http::ProblemDocs> problem_docs;
    std::unique_ptr<bus::Transport> transport;
    std::unique_ptr<bus::EventBus> events;

    struct Service {
        std::string name;
        std::unique_ptr<sql::Database> db;
        std::unique_ptr<mail::MailQueue> mail_queue;
        std::unique_ptr<http::IdempotencyKeys> idempotency;
        std::unique_ptr<Peers> peers;
        std::unique_ptr<ServiceContext> context;
        std::unique_ptr<Module> module;
        std::vector<EmbeddedFile> migrations;
    };
    std::vector<Service> services;
    Service* registering = nullptr;
    std::vector<std::pair<std::string, std::function<core::Task<bool>()>>> readiness;
    bool migrated = false;
    bool started = false;
    bool stopped = false;

    Impl(config::Config config_in, const Clock& clock_in)
        : config(std::move(config_in)),
          settings(ParseCoreSettings(config)),
          clock(clock_in),
          ids(clock_in, settings.node_id) {
        obs::InitLogging(settings.log_level, settings.log_format);
    }

    void AddRoute(http::RouteSpec spec, const http::Handler& handler) override { router.Add(std::move(spec), handler); }
    void AddMigrations(std::span<const EmbeddedFile> migrations) override {
        registering->migrations.insert(registering->migrations.end(), migrations.begin(), migrations.end());
    }
    void AddMessages(std::span<const http::Message> list) override { messages.Add(list); }
    void Subscribe(std::string type, bus::EventHandler handler) override {
        std::string consumer = registering->name + ":" + type;
        events->Subscribe(std::move(consumer), registering->name, *registering->db, {std::move(type)}, std::move(handler));
    }
    std::unique_ptr<JobScheduler> jobs;
    using Registry::AddJob;
    void AddJob(JobSpec spec, JobFunction job) override {
        jobs->Add(std::move(spec), std::move(job), registering != nullptr ? registering->db.get() : nullptr);
    }

    void AddReadinessCheck(std::string name, std::function<core::Task<bool>()> check) override {
        readiness.emplace_back(std::move(name), std::move(check));
    }

    void AddCoreRoute(http::RouteSpec spec, http::FunctionHandler::Function function) {
        core_handlers.push_back(std::make_unique<http::FunctionHandler>(std::move(function)));
        router.Add(std::move(spec), *core_handlers.back());
    }

    void RegisterCoreRoutes() {
        using http::Auth;
        using http::Verb;
        AddCoreRoute({Verb::kGet, "/healthz", Auth::kPublic}, [](http::Request&) -> core::Task<http::Response> {
            co_return http::Json(boost::json::object{{"status", "ok"}});
        });
        AddCoreRoute({Verb::kGet, "/readyz", Auth::kPublic}, [this](http::Request&) -> core::Task<http::Response> {
            boost::json::object checks;
            bool all = true;
            for (const auto& [name, check] : readiness) {
                bool ok = false;
                try {
                    ok = co_await check();
                } catch (const std::exception& e) {
                    obs::Log(obs::Level::kWarn, "readiness_failed", {{"check", name}, {"what", e.what()}});
                }
                checks[name] = ok ? "ok" : "unavailable";
                all = all && ok;
            }
            co_return http::Json(all ? 200 : 503, boost::json::object{{"status", all ? "ok" : "unavailable"},
                                                                      {"checks", std::move(checks)}});
        });
        AddCoreRoute({Verb::kGet, "/metrics", Auth::kPublic}, [this](http::Request&) -> core::Task<http::Response> {
            co_return http::Text(200, metrics.Serialize(), "text/plain; version=0.0.4; charset=utf-8");
        });
        AddCoreRoute({Verb::kGet, "/api/openapi.yaml", Auth::kPublic},
                     [this](http::Request&) -> core::Task<http::Response> {
                         std::string spec = ReadFile(settings.openapi_path);
                         if (spec.empty()) co_return http::Problem::NotFound("route.not_found");
                         co_return http::Text(200, std::move(spec), "application/yaml; charset=utf-8");
                     });
        // Where every problem's `type` points: the code's documentation from the compiled-in contract.
        const auto openapi = http::OpenApiDocument();
        problem_docs = std::make_unique<http::ProblemDocs>(openapi.empty() ? std::string_view{} : openapi.front().content);
        router.Add({Verb::kGet, "/api/problems", Auth::kPublic}, *problem_docs);
        router.Add({Verb::kGet, "/api/problems/{code}", Auth::kPublic}, *problem_docs);
        AddCoreRoute({Verb::kGet, "/api/docs", Auth::kPublic}, [](http::Request&) -> core::Task<http::Response> {
            co_return http::Redirect("/api-docs/");
        });
        // EventSource and WebSocket cannot send the access token; a script trades it here for a ticket
        // (single use, 30 s) to put in the stream's URL. Only a bearer token buys one, never the cookie.
        AddCoreRoute({Verb::kPost, "/api/v1/stream-tickets", Auth::kUser, {.rate_limit = {60, std::chrono::seconds(60)}}},
                     [this](http::Request& request) -> core::Task<http::Response> {
                         const std::string ticket = tickets->Issue(request.User(), request.session_version,
                                                                   request.session_id, request.credential_expires_at);
                         co_return http::Json(boost::json::object{
                             {"ticket", ticket}, {"expires_in", auth::StreamTickets::kTtl.count()}});
                     });
        AddCoreRoute({Verb::kGet, "/api/v1/dev/mailbox", Auth::kPublic},
                     [this](http::Request&) -> core::Task<http::Response> {
                         // Only a developer's own machine may read mail meant for other people.
                         if (dev_mailbox == nullptr || !settings.ListensOnLoopbackOnly()) {
                             co_return http::Problem::NotFound("route.not_found");
                         }
                         boost::json::array items;
                         for (const auto& m : dev_mailbox->List(100)) {
                             items.push_back({{"id", m.id},
                                              {"to", m.to},
                                              {"subject", m.subject},
                                              {"body", m.body},
                                              {"sent_at", m.sent_at}});
                         }
                         co_return http::Json(boost::json::object{{"items", std::move(items)}});
                     });
    }

    void RegisterGauges() {
        metrics.AddCollectHook([this](obs::Metrics& m) {
            m.SetGauge("sikgu_build_info", "Build information", {{"version", SIKGU_VERSION}}, 1);
            m.SetGauge("sikgu_http_in_flight_requests", "Requests being handled", {},
                       static_cast<double>(pipeline ? pipeline->InFlight() : 0));
            m.SetGauge("sikgu_http_open_connections", "Open client connections", {},
                       static_cast<double>(server ? server->OpenConnections() : 0));
            if (server) {
                server->ExportMetrics(m);
                m.SetGauge("sikgu_http_max_connections", "Connection cap in force", {},
                           static_cast<double>(server->MaxConnections()));
                const auto refused = server->Refused();
                const std::string help = "Connections closed on accept, or accept failures, by reason";
                m.SetCounter("sikgu_http_connections_refused_total", help, {{"reason", "max_connections"}},
                             static_cast<double>(refused.over_capacity));
                m.SetCounter("sikgu_http_connections_refused_total", help,
                             {{"reason", "max_connections_per_address"}}, static_cast<double>(refused.over_per_address));
                m.SetCounter("sikgu_http_connections_refused_total", help, {{"reason", "accept_error"}},
                             static_cast<double>(refused.accept_errors));
            }
            m.SetGauge("sikgu_password_hasher_in_flight", "Password hashes running or queued", {},
                       static_cast<double>(passwords->InFlight()));
            m.SetCounter("sikgu_password_hashes_total", "Argon2id computations started", {},
                         static_cast<double>(passwords->Runs()));
            const auto outgoing = http_client->Stats();
            m.SetGauge("sikgu_http_client_transfers_in_flight", "Outgoing HTTP and SMTP transfers running", {},
                       static_cast<double>(outgoing.in_flight));
            m.SetGauge("sikgu_http_client_transfers_queued", "Outgoing transfers waiting for a connection slot", {},
                       static_cast<double>(outgoing.queued));
            for (std::size_t i = 0; i < http::ClientStats::kOutcomes.size(); ++i) {
                m.SetCounter("sikgu_http_client_requests_total", "Outgoing HTTP and SMTP transfers by outcome",
                             {{"outcome", std::string(http::ClientStats::kOutcomes[i])}},
                             static_cast<double>(outgoing.finished[i]));
            }
            jobs->ExportMetrics(m);
            for (const auto& s : services) s.peers->ExportMetrics(m, s.name);
            for (const auto& [service, pending] : events->OutboxPending()) {
                m.SetGauge("sikgu_outbox_pending_events", "Committed events not yet handed to the transport",
                           {{"service", service}}, static_cast<double>(pending));
            }
            for (const auto& c : events->Stats()) {
                const std::map<std::string, std::string> labels{{"consumer", c.consumer}, {"service", c.service}};
                m.SetGauge("sikgu_bus_pending_events", "Events received by a consumer and not yet handled", labels,
                           static_cast<double>(c.pending));
                m.SetGauge("sikgu_bus_dead_letters", "Events a consumer gave up on (see sikgu events dead-letters)",
                           labels, static_cast<double>(c.dead));
                m.SetCounter("sikgu_bus_handled_total", "Events handled", labels, static_cast<double>(c.handled));
                m.SetCounter("sikgu_bus_handler_failures_total", "Failed attempts to handle an event", labels,
                             static_cast<double>(c.failures));
            }
            for (const auto& s : services) {
                m.SetGauge("sikgu_db_pool_size", "Connections per service database", {{"service", s.name}},
                           static_cast<double>(s.db->PoolSize()));
                m.SetGauge("sikgu_db_pool_waiting", "Callers waiting for a database connection",
                           {{"service", s.name}}, static_cast<double>(s.db->Waiting()));
                m.SetGauge("sikgu_db_write_queue_depth", "Units of work waiting for the SQLite writer",
                           {{"service", s.name}}, static_cast<double>(s.db->WriteQueueDepth()));
                m.SetCounter("sikgu_db_commits_total", "Write transactions committed", {{"service", s.name}},
                             static_cast<double>(s.db->Commits()));
                m.SetCounter("sikgu_db_units_of_work_total", "Units of work committed (group commit carries several per commit)",
                             {{"service", s.name}}, static_cast<double>(s.db->CommittedUnits()));
                m.SetGauge("sikgu_mail_queue_depth", "Mails waiting to be sent or retried (as of the last retry run)",
                           {{"service", s.name}}, static_cast<double>(s.mail_queue->Depth()));
            }
        });
    }
};

App::App(config::Config config, std::span<const ModuleEntry> available, std::vector<std::string> selected,
         const Clock& clock)
    : impl_(std::make_unique<Impl>(std::move(config), clock)) {
    Impl& a = *impl_;
    std::set<std::string, std::less<>> known{"core"};
    for (const auto& entry : available) known.insert(std::string(entry.name));
    a.config.CheckTopLevel(known);
    for (const auto& name : selected) {
        bool found = false;
        for (const auto& entry : available) found = found || entry.name == name;
        if (!found) throw config::ConfigError("unknown service: " + name);
    }

    a.jobs = std::make_unique<JobScheduler>(clock, InstanceId(), a.settings.job_tick);
    a.transport = std::make_unique<bus::InProcessTransport>();
    a.events = std::make_unique<bus::EventBus>(*a.transport, clock, a.settings.bus);
    a.revocations = std::make_unique<auth::SessionRevocations>(clock, a.settings.access_ttl);
    const Secrets secrets = LoadOrCreateSecrets(a.settings);
    a.service_credentials = std::make_unique<auth::ServiceCredentials>(secrets.service, clock);
    a.tokens = std::make_unique<auth::JwtCodec>(secrets.jwt, clock, a.settings.access_ttl, a.revocations.get());
    a.tickets = std::make_unique<auth::StreamTickets>(secrets.jwt, clock, a.revocations.get());
    a.passwords = std::make_unique<auth::PasswordHasher>(a.settings.password);
    a.http_client = std::make_unique<http::Client>(a.settings.http_client);
    if (a.settings.smtp.url.empty()) {
        auto mailbox = std::make_unique<mail::DevMailbox>(a.settings.data_dir / "mailbox", clock);
        a.dev_mailbox = mailbox.get();
        a.mailer = std::move(mailbox);
        // Development mail is read within minutes; a week keeps the folder from growing without end.
        // Local: each process prunes its own mailbox folder.
        a.AddJob({.name = "core.dev-mailbox-prune", .schedule = JobSchedule::Every(std::chrono::hours(1)),
                  .once_across_instances = false},
                 [&a]() -> core::Task<void> {
            const auto removed = a.dev_mailbox->Prune(a.clock.Now() - std::chrono::days(7));
            if (removed > 0) obs::Log(obs::Level::kInfo, "dev_mailbox_pruned", {{"mails", removed}});
            co_return;
        });
    } else {
        a.mailer = std::make_unique<mail::SmtpMailer>(a.settings.smtp, *a.http_client);
    }
    a.RegisterCoreRoutes();

    // [core.peers]: where the services this process does not run answer, by name.
    std::map<std::string, std::string, std::less<>> peer_urls;
    {
        const auto section = a.config.Get("core.peers");
        for (const auto& entry : available) {
            std::string url = section.GetString(entry.name, "");
            if (url.empty()) continue;
            while (url.ends_with('/')) url.pop_back();
            if (!url.starts_with("http://") && !url.starts_with("https://")) {
                throw config::ConfigError("core.peers." + std::string(entry.name) + ": not an http(s) URL: " + url);
            }
            peer_urls.emplace(std::string(entry.name), std::move(url));
        }
        section.Finish();
    }
    a.services.reserve(available.size());
    for (const auto& entry : available) {
        if (!selected.empty() && std::find(selected.begin(), selected.end(), entry.name) == selected.end()) continue;
        Impl::Service& service = a.services.emplace_back();
        service.name = std::string(entry.name);
        service.db = OpenDatabase(a.settings, service.name);
        service.mail_queue = std::make_unique<mail::MailQueue>(
            *service.db, *a.mailer, a.ids, clock,
            mail::MailQueueOptions{.lease = std::max(std::chrono::seconds(60), 2 * std::chrono::seconds(a.settings.smtp.timeout_seconds)),
                                   .first_retry = a.settings.mail_retry});
        mail::MailQueue* mail_queue = service.mail_queue.get();
        bus::EventBus* events = a.events.get();
        const std::string producer = service.name;
        service.db->SetServices(sql::TransactionServices{
            .clock = &clock,
            .ids = &a.ids,
            .publish =
                [events, producer](sql::Transaction& tx, std::string_view type, std::string_view key,
                                   const boost::json::object& data, int version) {
                    const std::int64_t id = bus::AppendToOutbox(tx, type, key, data, version);
                    tx.AfterCommit([events, producer]() -> core::Task<void> {
                        events->Published(producer);
                        co_return;
                    });
                    return id;
                },
            .mail = [mail_queue](sql::Transaction& tx, const mail::Mail& m,
                                 TimePoint discard_after) { mail_queue->Queue(tx, m, discard_after); },
        });
        service.idempotency = std::make_unique<http::IdempotencyKeys>(*service.db, clock);
        // The services this one reads: in this process through the pipeline, else over HTTP.
        service.peers = std::make_unique<Peers>();
        for (const std::string_view need : entry.needs) {
            const bool local = selected.empty() || std::find(selected.begin(), selected.end(), need) != selected.end();
            if (local) {
                // The pipeline is made once every module has registered; the client looks it up per call.
                service.peers->Add(std::string(need), MakeInProcessQueryClient(service.name, std::string(need),
                                                                               [&a]() -> const http::Pipeline& { return *a.pipeline; }));
                continue;
            }
            const auto url = peer_urls.find(need);
            if (url == peer_urls.end()) {
                throw config::ConfigError(fmt::format(
                    "{} reads {}: run both in this process (--services) or set core.peers.{} to {}'s base URL",
                    service.name, need, need, need));
            }
            service.peers->Add(std::string(need), MakeHttpQueryClient(service.name, std::string(need), url->second,
                                                                      *a.http_client, *a.service_credentials));
        }
        service.context = std::make_unique<ServiceContext>(ServiceContext{
            service.name, a.config, a.settings, *service.db, clock, a.ids, a.metrics, *a.tokens, *a.revocations,
            *a.passwords, *service.mail_queue, a.dev_mailbox, a.io, *service.idempotency, *service.peers,
            *a.http_client});
        service.module = entry.make(*service.context);
        a.registering = &service;
        service.module->Register(a);
        a.registering = nullptr;
        a.events->AddProducer(service.name, *service.db);
        mail::MailQueue* queue = service.mail_queue.get();
        // In every process: each mail is claimed on its own, so instances never send one twice.
        a.registering = &service;
        http::IdempotencyKeys* idempotency = service.idempotency.get();
        a.AddJob(service.name + ".idempotency-purge", std::chrono::hours(1), [idempotency]() -> core::Task<void> {
            co_await idempotency->PurgeExpired();
        });
        a.AddJob({.name = service.name + ".mail-retry", .schedule = JobSchedule::Every(a.settings.mail_retry),
                  .once_across_instances = false},
                 [queue]() -> core::Task<void> { co_await queue->SendDue(); });
        a.registering = nullptr;
        sql::Database* db = service.db.get();
        a.AddReadinessCheck("db." + service.name, [db]() -> core::Task<bool> {
            co_return co_await db->Read([](sql::Connection& c) { return !c.Query("SELECT 1").empty(); });
        });
    }
    // Made once every route is in the router (its per-route limiters are made from the table).
    a.static_files = std::make_unique<http::StaticFiles>(a.settings.web_root);
    a.pipeline = std::make_unique<http::Pipeline>(a.router, a.messages, *a.tokens, *a.service_credentials, a.metrics,
                                                  a.static_files.get(),
                                                  http::PipelineOptions{.cors_origins = a.settings.cors_origins,
                                                                        .trusted_proxies = a.settings.trusted_proxies,
                                                                        .log_requests = a.settings.access_log,
                                                                        .problem_base_url = a.settings.public_url + "/api/problems/",
                                                                        .public_url = a.settings.public_url,
                                                                        .clock = &clock,
                                                                        .tickets = a.tickets.get(),
                                                                        .revocations = a.revocations.get()});
    a.RegisterGauges();
}

App::~App() { Stop(); }

int App::Migrate() {
    int applied = 0;
    for (auto& service : impl_->services) {
        applied += sql::Migrate(*service.db, service.name + ".bus", bus::BusMigrations());
        applied += sql::Migrate(*service.db, service.name + ".mail", mail::MailQueueMigrations());
        applied += sql::Migrate(*service.db, service.name + ".jobs", JobMigrations());
        applied += sql::Migrate(*service.db, service.name + ".idempotency", http::IdempotencyMigrations());
        applied += sql::Migrate(*service.db, service.name, service.migrations);
    }
    impl_->migrated = true;
    return applied;
}

std::uint16_t App::Start() {
    Impl& a = *impl_;
    if (!a.migrated) Migrate();
    for (auto& service : a.services) service.module->Start();
    a.events->Start(a.io);
    a.jobs->Start(a.io);
    a.server = std::make_unique<http::HttpServer>(a.io, a.settings.http, *a.pipeline);
    const auto port = a.server->Start();
    for (std::size_t i = 0; i < a.settings.io_threads; ++i) {
        a.threads.emplace_back([&a] { a.io.run(); });
    }
    a.started = true;
    std::vector<std::string> names;
    for (const auto& s : a.services) names.push_back(s.name);
    obs::Log(obs::Level::kInfo, "listening",
             {{"bind", a.settings.http.bind},
              {"port", port},
              {"services", boost::json::value_from(names)},
              {"sql", a.settings.sql_engine},
              {"mail", a.dev_mailbox != nullptr ? "dev-mailbox" : "smtp"},
              {"web_ui", a.static_files->Available()}});
    return port;
}

void App::RunUntilSignal() {
    boost::asio::io_context signals_io;
    boost::asio::signal_set signals(signals_io, SIGINT, SIGTERM);
    signals.async_wait([](const boost::system::error_code&, int signal) {
        obs::Log(obs::Level::kInfo, "signal", {{"signal", signal}});
    });
    signals_io.run();
    Stop();
}

void App::Stop() {
    Impl& a = *impl_;
    if (!a.started || a.stopped) return;
    a.stopped = true;
    a.server->BeginShutdown();
    const auto deadline = std::chrono::steady_clock::now() + a.settings.shutdown_grace;
    while ((a.server->OpenConnections() > 0 || a.pipeline->InFlight() > 0) &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    obs::Log(obs::Level::kInfo, "stopped", {{"open_connections", a.server->OpenConnections()}});
    a.jobs->Stop();
    a.events->Stop();
    a.io.stop();
    for (auto& t : a.threads) t.join();
    a.threads.clear();
}

const CoreSettings& App::Settings() const { return impl_->settings; }

sql::Database& App::DatabaseOf(std::string_view service) {
    for (auto& s : impl_->services) {
        if (s.name == service) return *s.db;
    }
    throw std::out_of_range("service not running: " + std::string(service));
}

ServiceContext& App::ContextOf(std::string_view service) {
    for (auto& s : impl_->services) {
        if (s.name == service) return *s.context;
    }
    throw std::out_of_range("service not running: " + std::string(service));
}

const http::Router& App::Routes() const { return impl_->router; }
const http::MessageCatalog& App::Messages() const { return impl_->messages; }
bus::EventBus& App::Events() { return *impl_->events; }

}  // namespace sikgu::runtime
