#include "support/test_server.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <atomic>
#include <cstdlib>
#include <random>
#include <regex>
#include <stdexcept>

#include "app/modules.hpp"
#include "core/config/config.hpp"
#include "core/sql/postgres.hpp"

#ifndef SIKGU_SOURCE_DIR
#error "SIKGU_SOURCE_DIR must be defined by the build"
#endif

namespace sikgu::test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("sikgu-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path SourcePath(const std::string& relative) {
    return std::filesystem::path(SIKGU_SOURCE_DIR) / relative;
}

bool InContinuousIntegration() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && (std::string_view(ci) == "true" || std::string_view(ci) == "1");
}

bool ComponentTestsOnPostgres() {
    const char* engine = std::getenv("SIKGU_TEST_ENGINE");
    return engine != nullptr && std::string_view(engine) == "postgres";
}

PostgresDatabases::PostgresDatabases(std::span<const runtime::ModuleEntry> modules) {
    const char* url = std::getenv("SIKGU_TEST_POSTGRES_URL");
    if (url == nullptr) {
        throw std::runtime_error("SIKGU_TEST_ENGINE=postgres needs SIKGU_TEST_POSTGRES_URL (tests/support/with_postgres.sh)");
    }
    admin_url_ = url;
    static std::atomic<int> counter{0};
    const std::string prefix = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_";
    const auto slash = admin_url_.rfind('/');
    url_template_ = admin_url_.substr(0, slash + 1) + prefix + "{service}";
    auto admin = sql::OpenPostgres(admin_url_);
    for (const auto& entry : modules) {
        names_.push_back(prefix + std::string(entry.name));
        admin->ExecuteScript("CREATE DATABASE " + names_.back());
    }
}

PostgresDatabases::~PostgresDatabases() {
    try {
        auto admin = sql::OpenPostgres(admin_url_);
        for (const auto& name : names_) admin->ExecuteScript("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The throwaway cluster is removed after the run anyway.
    }
}

TestServer::TestServer(std::string extra_toml, std::map<std::string, std::string> env,
                       std::span<const runtime::ModuleEntry> modules) {
    if (modules.empty()) modules = app::AllModules();
    if (ComponentTestsOnPostgres() && !env.contains("core.sql.engine")) {
        postgres_ = std::make_unique<PostgresDatabases>(modules);
        env.emplace("core.sql.engine", "postgres");
        env.emplace("core.sql.postgres_url", postgres_->UrlTemplate());
    }
    if (const auto it = env.find("core.sql.engine"); it != env.end()) engine_ = it->second;
    const std::string toml = "[core]\ndata_dir = \"" + dir_.Path().string() +
                             "\"\nio_threads = 2\n"
                             "[core.http]\nbind = \"127.0.0.1\"\nport = 0\nshutdown_grace_seconds = 2\n"
                             "web_root = \"" + SourcePath("web/dist").string() + "\"\n"
                             "openapi_path = \"" + SourcePath("docs/openapi.yaml").string() + "\"\n"
                             "[core.auth]\nargon2_memory_kib = 64\nargon2_iterations = 1\n"
                             "[core.log]\nlevel = \"warn\"\n" +
                             extra_toml;
    app_ = std::make_unique<runtime::App>(config::Config::FromString(toml, std::move(env)), modules,
                                          std::vector<std::string>{}, clock_);
    port_ = app_->Start();
}

TestServer::~TestServer() { app_->Stop(); }

std::string TestServer::LastMailTo(const std::string& to) {
    auto client = Client();
    const auto mailbox = client.Get("/api/v1/dev/mailbox").Json();
    for (const auto& item : mailbox.at("items").as_array()) {
        if (item.at("to").as_string() == to) {
            return std::string(item.at("subject").as_string()) + "\n" + std::string(item.at("body").as_string());
        }
    }
    return "";
}

std::string VerificationCode(const std::string& mail) {
    std::smatch m;
    if (!std::regex_search(mail, m, std::regex("\\b(\\d{6})\\b"))) return "";
    return m[1];
}

boost::json::value CreateVerifiedUser(TestServer& server, HttpClient& client, const std::string& username,
                                      const std::string& email, const std::string& nickname) {
    const std::string nick = nickname.empty() ? "닉" + username.substr(0, 10) : nickname;
    const auto signup = client.PostJson(
        "/api/v1/auth/signup",
        boost::json::serialize(boost::json::object{
            {"username", username}, {"nickname", nick}, {"email", email}, {"password", "garden123"}}));
    if (signup.status != 201) throw std::runtime_error("sign-up failed: " + signup.body);
    const std::string code = VerificationCode(server.LastMailTo(email));
    const auto verify = client.PostJson(
        "/api/v1/auth/verify-email", boost::json::serialize(boost::json::object{{"email", email}, {"code", code}}));
    if (verify.status != 200) throw std::runtime_error("verification failed: " + verify.body);
    const auto login = client.PostJson(
        "/api/v1/auth/login",
        boost::json::serialize(boost::json::object{{"username", username}, {"password", "garden123"}}));
    if (login.status != 200) throw std::runtime_error("login failed: " + login.body);
    return login.Json();
}

}  // namespace sikgu::test
