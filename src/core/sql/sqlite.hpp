#pragma once

#include <memory>
#include <string>

#include "core/sql/database.hpp"

namespace sikgu::sql {

struct SqliteOptions {
    std::string path;                    // a file, or ":memory:" for a private in-memory database
    std::string synchronous = "normal";  // "normal" survives kill -9 in WAL mode; "full" also power loss
    int busy_timeout_ms = 5000;
};

std::unique_ptr<Connection> OpenSqlite(const SqliteOptions& options);

}  // namespace sikgu::sql
