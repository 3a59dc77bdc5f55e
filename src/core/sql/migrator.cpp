#include "core/sql/migrator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/util/crypto.hpp"

namespace sikgu::sql {
namespace {
struct Parsed {
    int version;
    const EmbeddedFile* file;
};

int VersionOf(std::string_view name) {
    // "V012__create_x.sql" -> 12
    if (name.size() < 5 || name.front() != 'V' || name.find("__") == std::string_view::npos) {
        throw SqlError(fmt::format("migration {} is not named V<version>__<name>.sql", name));
    }
    int version = 0;
    const auto digits = name.substr(1, name.find("__") - 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
    if (ec != std::errc{} || end != digits.data() + digits.size()) {
        throw SqlError(fmt::format("migration {} has no version number", name));
    }
    return version;
}
// "V003__search.sqlite.sql" runs only on SQLite, "V003__search.postgres.sql" only on PostgreSQL: the two
// are one version, for the few things the engines spell differently (full-text indexes).
bool AppliesTo(std::string_view name, Engine engine) {
    const bool sqlite_only = name.ends_with(".sqlite.sql");
    const bool postgres_only = name.ends_with(".postgres.sql");
    if (sqlite_only) return engine == Engine::kSqlite;
    if (postgres_only) return engine == Engine::kPostgres;
    return true;
}
}  // namespace

int Migrate(Database& db, std::string_view service, std::span<const EmbeddedFile> migrations) {
    std::vector<Parsed> ordered;
    for (const auto& file : migrations) {
        if (AppliesTo(file.name, db.GetEngine())) ordered.push_back({VersionOf(file.name), &file});
    }
    std::sort(ordered.begin(), ordered.end(), [](const Parsed& a, const Parsed& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < ordered.size(); ++i) {
        if (ordered[i].version == ordered[i - 1].version) {
            throw SqlError(fmt::format("{}: two migrations with version {}", service, ordered[i].version));
        }
    }
    db.WriteNow([](Connection& c) {
        c.Execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (service TEXT NOT NULL, version INTEGER NOT NULL, "
            "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (service, version))");
    });
    int applied = 0;
    for (const auto& m : ordered) {
        const std::string checksum = Sha256Hex(m.file->content);
        applied += db.WriteNow([&](Connection& c) {
            const auto existing = c.QueryOne("SELECT checksum FROM schema_migrations WHERE service = ? AND version = ?",
                                             {service, m.version});
            if (existing) {
                if ((*existing)[0].AsText() != checksum) {
                    throw SqlError(fmt::format("{}: migration {} changed after it was applied", service, m.file->name));
                }
                return 0;
            }
            c.ExecuteScript(m.file->content);
            c.Execute("INSERT INTO schema_migrations (service, version, name, checksum, applied_at) "
                      "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
                      {service, m.version, m.file->name, checksum});
            return 1;
        });
    }
    return applied;
}

}  // namespace sikgu::sql
