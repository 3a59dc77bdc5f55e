#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <boost/json/value.hpp>

#include "core/runtime/app.hpp"
#include "core/util/clock.hpp"
#include "support/http_client.hpp"

namespace sikgu::test {

/// A clock tests move by hand.
class FakeClock final : public Clock {
public:
    FakeClock() : now_(std::chrono::system_clock::now().time_since_epoch().count()) {}
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

/// The whole all-in-one server on 127.0.0.1 and a free port, with its own data folder, the dev mailbox
/// and cheap Argon2 settings. `extra_toml` adds or overrides configuration.
class TestServer {
public:
    explicit TestServer(std::string extra_toml = "", std::map<std::string, std::string> env = {});
    ~TestServer();

    std::uint16_t Port() const { return port_; }
    HttpClient Client() const { return HttpClient(port_); }
    runtime::App& App() { return *app_; }
    FakeClock& Clock() { return clock_; }
    const std::filesystem::path& DataDir() const { return dir_.Path(); }

    /// The newest mail in the dev mailbox sent to `to`, as "subject\nbody".
    std::string LastMailTo(const std::string& to);

private:
    TempDir dir_;
    FakeClock clock_;
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
