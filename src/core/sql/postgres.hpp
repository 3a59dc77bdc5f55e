#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/sql/database.hpp"

namespace sikgu::sql {

/// Connects with a libpq connection string or URL ("postgresql://127.0.0.1:5432/sikgu_account").
std::unique_ptr<Connection> OpenPostgres(const std::string& url);

/// Rewrites `?` placeholders to `$1, $2, ...`, leaving quoted text and identifiers alone.
std::string ToPostgresPlaceholders(std::string_view sql);

}  // namespace sikgu::sql
