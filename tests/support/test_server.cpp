#include "support/test_server.hpp"

#include <boost/json.hpp>
#include <random>

#include "app/modules.hpp"
#include "core/config/config.hpp"

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

TestServer::TestServer(std::string extra_toml, std::map<std::string, std::string> env) {
    const std::string toml = "[core]\ndata_dir = \"" + dir_.Path().string() +
                             "\"\nio_threads = 2\n"
                             "[core.http]\nbind = \"127.0.0.1\"\nport = 0\nshutdown_grace_seconds = 2\n"
                             "web_root = \"" + SourcePath("web/dist").string() + "\"\n"
                             "openapi_path = \"" + SourcePath("docs/openapi.yaml").string() + "\"\n"
                             "[core.auth]\nargon2_memory_kib = 64\nargon2_iterations = 1\n"
                             "[core.log]\nlevel = \"warn\"\n" +
                             extra_toml;
    app_ = std::make_unique<runtime::App>(config::Config::FromString(toml, std::move(env)), app::AllModules(),
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

}  // namespace sikgu::test
