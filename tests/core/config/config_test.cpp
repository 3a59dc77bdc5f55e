#include "core/config/config.hpp"

#include <gtest/gtest.h>

#include "core/runtime/settings.hpp"

namespace sikgu::config {
namespace {

TEST(Config, DefaultsWorkWithoutAFile) {
    const auto settings = runtime::ParseCoreSettings(Config::FromString(""));
    EXPECT_EQ(settings.http.port, 8080);
    EXPECT_EQ(settings.http.bind, "127.0.0.1");
    EXPECT_EQ(settings.sql_engine, "sqlite");
    EXPECT_TRUE(settings.ListensOnLoopbackOnly());
}

TEST(Config, UnknownKeysAreRejected) {
    const auto config = Config::FromString("[core.http]\nprot = 9090\n");
    EXPECT_THROW(runtime::ParseCoreSettings(config), ConfigError);
}

TEST(Config, MisspelledCoreSubTablesAreRejected) {
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("[core.htp]\nport = 1\n")), ConfigError);
}

TEST(Config, UnknownSectionsAreRejected) {
    const auto config = Config::FromString("[acount]\nx = 1\n");
    EXPECT_THROW(config.CheckTopLevel({"core", "account"}), ConfigError);
}

TEST(Config, EnvironmentOverridesTheFile) {
    const auto config = Config::FromString("[core.http]\nport = 9090\n", {{"core.http.port", "9191"}});
    EXPECT_EQ(runtime::ParseCoreSettings(config).http.port, 9191);
}

TEST(Config, ValuesAreTypeAndRangeChecked) {
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("[core.http]\nport = \"x\"\n")), ConfigError);
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("[core.http]\nport = 70000\n")), ConfigError);
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("[core.sql]\nengine = \"mysql\"\n")), ConfigError);
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("", {{"core.http.port", "80a"}})), ConfigError);
}

TEST(Config, OutgoingClientSettingsAreReadAndChecked) {
    const auto defaults = runtime::ParseCoreSettings(Config::FromString(""));
    EXPECT_EQ(defaults.http_client.max_connections, 64U);
    EXPECT_EQ(defaults.http_client.max_queued, 256U);
    EXPECT_EQ(defaults.http_client.default_timeout, std::chrono::seconds(30));
    const auto set = runtime::ParseCoreSettings(Config::FromString(
        "[core.http_client]\nmax_connections = 8\nmax_queued = 0\ndefault_timeout_seconds = 3\n"
        "connect_timeout_seconds = 2\nmax_response_bytes = 2048\n"));
    EXPECT_EQ(set.http_client.max_connections, 8U);
    EXPECT_EQ(set.http_client.max_queued, 0U);
    EXPECT_EQ(set.http_client.default_timeout, std::chrono::seconds(3));
    EXPECT_EQ(set.http_client.connect_timeout, std::chrono::seconds(2));
    EXPECT_EQ(set.http_client.max_response_bytes, 2048U);
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("[core.http_client]\nmax_conections = 8\n")),
                 ConfigError);
    EXPECT_THROW(runtime::ParseCoreSettings(Config::FromString("[core.http_client]\nmax_connections = 0\n")),
                 ConfigError);
}

TEST(Config, SyntaxErrorsNameTheLine) {
    try {
        Config::FromString("[core]\nx = = 1\n");
        FAIL() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
}

TEST(Config, DumpMasksSecrets) {
    const auto config = Config::FromString("[core.auth]\njwt_secret = \"do-not-print-me-0123456789abcdef\"\n",
                                           {{"core.mail.smtp_password", "hunter2"}});
    const std::string dump = config.Dump();
    EXPECT_EQ(dump.find("do-not-print-me"), std::string::npos);
    EXPECT_EQ(dump.find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::config
