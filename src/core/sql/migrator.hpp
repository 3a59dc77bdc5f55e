#pragma once

#include <span>
#include <string>

#include "core/sql/database.hpp"
#include "core/util/embedded_file.hpp"

namespace sikgu::sql {

/// Applies a service's Flyway-named migrations (V001__create_users.sql, ...) in version order, each in its
/// own transaction, recording them in `schema_migrations`. An applied migration whose text changed is an error.
/// A migration named V<n>__<name>.sqlite.sql or .postgres.sql applies to that engine only (one of each
/// with the same version, where the engines need different SQL). Returns the number applied.
int Migrate(Database& db, std::string_view service, std::span<const EmbeddedFile> migrations);

}  // namespace sikgu::sql
