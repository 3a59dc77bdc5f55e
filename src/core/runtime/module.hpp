#pragma once

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/async/task.hpp"
#include "core/http/handler.hpp"
#include "core/http/messages.hpp"
#include "core/http/router.hpp"
#include "core/runtime/jobs.hpp"
#include "core/runtime/query_client.hpp"
#include "core/bus/event_bus.hpp"
#include "core/util/embedded_file.hpp"

namespace sikgu {
class Clock;
class IdGenerator;
}  // namespace sikgu
namespace sikgu::config {
class Config;
}
namespace sikgu::sql {
class Database;
}
namespace sikgu::obs {
class Metrics;
}
namespace sikgu::http {
class Client;
}
namespace sikgu::http {
class IdempotencyKeys;
}
namespace sikgu::auth {
class JwtCodec;
class PasswordHasher;
class SessionRevocations;
}  // namespace sikgu::auth
namespace sikgu::mail {
class MailQueue;
class DevMailbox;
}  // namespace sikgu::mail

namespace sikgu::runtime {

struct CoreSettings;

/// Everything a service may use, handed to its constructor once. The service's own database is
/// the only one it can reach.
struct ServiceContext {
    std::string name;
    const config::Config& config;
    const CoreSettings& settings;
    sql::Database& db;
    const Clock& clock;
    IdGenerator& ids;
    obs::Metrics& metrics;
    const auth::JwtCodec& tokens;
    auth::SessionRevocations& revocations;  // checked by JwtCodec::Verify; account fills it
    auth::PasswordHasher& passwords;
    mail::MailQueue& mail_queue;  // how a service sends mail: durable, in its own database, retried
    mail::DevMailbox* dev_mailbox;  // null when real SMTP is configured
    boost::asio::io_context& io;
    http::IdempotencyKeys& idempotency;  // Idempotency-Key records in this service's database
    const Peers& peers;  // the services it declared it needs, in process or over HTTP
    http::Client& http_client;  // every outgoing HTTP call; services never make their own
};

/// The whole surface a module can touch while it registers.
class Registry {
public:
    virtual ~Registry() = default;
    virtual void AddRoute(http::RouteSpec spec, const http::Handler& handler) = 0;
    virtual void AddMigrations(std::span<const EmbeddedFile> migrations) = 0;
    virtual void AddMessages(std::span<const http::Message> messages) = 0;
    /// Consumes events of `type` published by any service, as the consumer "<service>:<type>" with its own
    /// inbox (one failing consumer holds back only itself); see bus::EventHandler.
    virtual void Subscribe(std::string type, bus::EventHandler handler) = 0;
    /// Typed: `r.Subscribe<account::UserRenamed>([](sql::Transaction& tx, const account::UserRenamed& e) {..})`
    /// for an event struct from a service's contract/ (with kType and FromJson).
    template <class Event, class Handler>
    void Subscribe(Handler handler) {
        Subscribe(std::string(Event::kType), [handler = std::move(handler)](sql::Transaction& tx, const bus::Envelope& e) {
            handler(tx, Event::FromJson(e.data));
        });
    }
    /// Runs `job` on its schedule on the event loop: periodically or at a time of day in a time zone, by one
    /// instance of the service per slot (or by every process, for work on process memory), catching up a
    /// missed slot if asked. A failing run is logged and the schedule continues. See JobSpec.
    virtual void AddJob(JobSpec spec, JobFunction job) = 0;
    /// A periodic job run by one instance per period.
    void AddJob(std::string name, std::chrono::milliseconds period, JobFunction job) {
        AddJob(JobSpec{.name = std::move(name), .schedule = JobSchedule::Every(period)}, std::move(job));
    }
    /// Checked by /readyz.
    virtual void AddReadinessCheck(std::string name, std::function<core::Task<bool>()> check) = 0;
};

class Module {
public:
    virtual ~Module() = default;
    /// Called once before the listener opens.
    virtual void Register(Registry& registry) = 0;
    /// Called after migrations, before the listener opens (load caches, seed data).
    virtual void Start() {}
};

using ModuleFactory = std::unique_ptr<Module> (*)(ServiceContext& context);

struct ModuleEntry {
    std::string_view name;
    ModuleFactory make;
    /// The services this one reads through the query client (ServiceContext::peers): each must run in the
    /// same process or be reachable at core.peers.<name>.
    std::span<const std::string_view> needs = {};
};

}  // namespace sikgu::runtime
