#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/runtime/app.hpp"
#include "core/util/clock.hpp"
#include "support/http_client.hpp"

namespace sikgu::test {

/// A clock tests move by hand.
class FakeClock final : public Clock {
public:
    FakeClock() : now_(std::chrono::system_clock::now().time_since_epoch().count()) {}
    explicit FakeClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
    TimePoint Now() const override { return TimePoint(std::chrono::system_clock::duration(now_.load())); }
    void Advance(std::chrono::seconds by) { now_.fetch_add(std::chrono::system_clock::duration(by).count()); }

private:
    std::atomic<std::chrono::system_clock::rep> now_;
};

/// A private temporary folder, removed on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& Path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Fresh PostgreSQL databases, one per service (as in the split shape), on the server named by
/// SIKGU_TEST_POSTGRES_URL; dropped on destruction.
class PostgresDatabases {
public:
    explicit PostgresDatabases(std::span<const runtime::ModuleEntry> modules);
    ~PostgresDatabases();
    PostgresDatabases(const PostgresDatabases&) = delete;
    PostgresDatabases& operator=(const PostgresDatabases&) = delete;
    /// The `core.sql.postgres_url` template (with "{service}") that names them.
    const std::string& UrlTemplate() const { return url_template_; }

private:
    std::string admin_url_;
    std::string url_template_;
    std::vector<std::string> names_;
};

/// Every module of the binary, then `extra` (test-only modules).
std::vector<runtime::ModuleEntry> AllModulesAnd(const std::vector<runtime::ModuleEntry>& extra);

/// Whether component tests run against PostgreSQL (SIKGU_TEST_ENGINE=postgres; ctest component.postgres).
bool ComponentTestsOnPostgres();

/// True when running under CI=true, where a missing prerequisite fails a test instead of skipping it.
bool InContinuousIntegration();

/// Skips the test when `missing` names a prerequisite that is not there; under CI=true fails it instead.
#define SIKGU_REQUIRE_PREREQUISITE(present, what)                                            \
    do {                                                                                      \
        if (!(present)) {                                                                     \
            if (::sikgu::test::InContinuousIntegration()) FAIL() << "missing under CI: " << (what); \
            GTEST_SKIP() << "missing: " << (what);                                            \
        }                                                                                     \
    } while (false)

/// The whole all-in-one server on 127.0.0.1 and a free port, with its own data folder, the dev mailbox
/// and cheap Argon2 settings. `extra_toml` adds or overrides configuration. Under SIKGU_TEST_ENGINE=postgres
/// every service gets a fresh PostgreSQL database instead of a SQLite file (unless `env` chooses the
/// engine itself). Test-only modules come after the real ones (`extra_modules`).
class TestServer {
public:
    struct Options {
        std::string toml;                                 // added to (or overriding) the test configuration
        std::map<std::string, std::string> env;           // config overrides by dotted key
        std::vector<runtime::ModuleEntry> extra_modules;  // test-only modules, after the real ones
        std::optional<TimePoint> start_at;                // the clock before start (jobs look at it at start)
        std::vector<std::string> services;                // --services; empty: all
    };
    explicit TestServer(Options options);
    explicit TestServer(std::string extra_toml = "", std::map<std::string, std::string> env = {},
                        std::vector<runtime::ModuleEntry> extra_modules = {},
                        std::optional<TimePoint> start_at = std::nullopt)
        : TestServer(Options{std::move(extra_toml), std::move(env), std::move(extra_modules), start_at, {}}) {}
    ~TestServer();

    std::uint16_t Port() const { return port_; }
    HttpClient Client() const { return HttpClient(port_); }
    runtime::App& App() { return *app_; }
    FakeClock& Clock() { return clock_; }
    const std::filesystem::path& DataDir() const { return dir_.Path(); }

    /// The newest mail in the dev mailbox sent to `to`, as "subject\nbody".
    std::string LastMailTo(const std::string& to);

    /// "sqlite" or "postgres": the engine this server's services run on.
    const std::string& Engine() const { return engine_; }
    /// Settings that make another TestServer use this one's databases (two instances of the services).
    std::map<std::string, std::string> SharedDatabases() const;

private:
    TempDir dir_;
    FakeClock clock_;
    std::vector<runtime::ModuleEntry> modules_;
    std::unique_ptr<PostgresDatabases> postgres_;
    std::string engine_ = "sqlite";
    std::map<std::string, std::string> sql_settings_;
    std::unique_ptr<runtime::App> app_;
    std::uint16_t port_ = 0;
};

/// The 6-digit verification code in a mail ("" when there is none).
std::string VerificationCode(const std::string& mail);

/// Signs up through the API, verifies with the mailed code and logs in ("session":"token").
/// Returns the login response body (access_token, refresh_token, user).
boost::json::value CreateVerifiedUser(TestServer& server, HttpClient& client, const std::string& username,
                                      const std::string& email, const std::string& nickname = "");

/// Path of a file in the repository (tests run from the build tree).
std::filesystem::path SourcePath(const std::string& relative);

}  // namespace sikgu::test
