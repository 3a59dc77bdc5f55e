#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace toml {
inline namespace v3 {
class table;
}
}  // namespace toml

namespace sikgu::config {

/// A configuration file or environment value that cannot be used. Start-up fails with its message.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Section;

/// The merged configuration: a TOML file plus `SIKGU_<SECTION>__<KEY>` environment overrides
/// (`SIKGU_CORE__HTTP__PORT=9090` sets `[core.http] port`). Environment values win.
class Config {
public:
    /// `path` may be empty (built-in defaults only). `environ` is the process environment.
    static Config Load(const std::string& path, char** environ);
    static Config FromString(std::string_view toml_text, std::map<std::string, std::string> env = {});

    Config(Config&&) noexcept;
    Config& operator=(Config&&) noexcept;
    ~Config();

    /// A dotted section path such as "core.http" or "account".
    Section Get(std::string_view path) const;

    /// Top-level tables other than the known ones are a start-up error (catches typos like [acount]).
    void CheckTopLevel(const std::set<std::string, std::less<>>& known) const;

    /// Renders the effective configuration for `sikgu config print`.
    std::string Dump() const;

private:
    Config();
    std::unique_ptr<toml::table> root_;
    std::map<std::string, std::string> env_;  // dotted lower-case key -> raw value
    friend class Section;
};

/// One table of the configuration, read into a typed struct by the owning module's Parse function.
/// Every key read is recorded; Finish() rejects the keys nobody asked for.
class Section {
public:
    Section(const Config& config, std::string path);

    std::string GetString(std::string_view key, std::string_view fallback) const;
    std::int64_t GetInt(std::string_view key, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
    bool GetBool(std::string_view key, bool fallback) const;
    std::vector<std::string> GetStringList(std::string_view key, std::vector<std::string> fallback) const;
    /// A string constrained to one of `allowed`.
    std::string GetChoice(std::string_view key, std::string_view fallback,
                          const std::vector<std::string_view>& allowed) const;

    /// Throws ConfigError naming every key in this table that was never read, and every sub-table not
    /// in `children` (sub-tables are read by their own Section).
    void Finish(const std::vector<std::string_view>& children = {}) const;

    const std::string& Path() const { return path_; }

private:
    const void* Node(std::string_view key) const;
    const std::string* Env(std::string_view key) const;
    [[noreturn]] void Fail(std::string_view key, std::string_view problem) const;

    const Config& config_;
    std::string path_;
    const toml::table* table_;
    mutable std::set<std::string, std::less<>> read_;
};

}  // namespace sikgu::config
