#include "core/sql/sqlite.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <functional>
#include <string_view>
#include <unordered_map>

#include "core/sql/ngram_tokenizer.hpp"

namespace sikgu::sql {
namespace {

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(const SqliteOptions& options) {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(options.path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw SqlError(fmt::format("sqlite open {}: {}", options.path, message));
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, options.busy_timeout_ms);
        // Savepoints (a group commit's fallback) and sorts journal in memory, not in temp files.
        ExecuteScript("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA synchronous=" +
                      options.synchronous);
        RegisterNgramTokenizer(db_);
    }

    ~SqliteConnection() override {
        for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
        sqlite3_close(db_);
    }

    Rows Query(std::string_view sql, std::span<const Value> params) override {
        sqlite3_stmt* stmt = Prepare(sql, params);
        Rows rows;
        while (true) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) Fail(stmt, rc);
            const int columns = sqlite3_column_count(stmt);
            Row row;
            row.reserve(static_cast<std::size_t>(columns));
            for (int i = 0; i < columns; ++i) {
                switch (sqlite3_column_type(stmt, i)) {
                    case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i))); break;
                    case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt, i)); break;
                    case SQLITE_NULL: row.emplace_back(); break;
                    default:
                        row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                                                     static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
                }
            }
            rows.push_back(std::move(row));
        }
        sqlite3_reset(stmt);
        return rows;
    }

    std::int64_t Execute(std::string_view sql, std::span<const Value> params) override {
        sqlite3_stmt* stmt = Prepare(sql, params);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE) Fail(stmt, rc);
        sqlite3_reset(stmt);
        return sqlite3_changes64(db_);
    }

    void ExecuteScript(std::string_view sql) override {
        char* error = nullptr;
        const std::string text(sql);
        if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error != nullptr ? error : "unknown error";
            sqlite3_free(error);
            throw SqlError("sqlite: " + message);
        }
    }

    Engine GetEngine() const override { return Engine::kSqlite; }

private:
    sqlite3_stmt* Prepare(std::string_view sql, std::span<const Value> params) {
        auto it = statements_.find(sql);
        if (it == statements_.end()) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                   nullptr) != SQLITE_OK) {
                throw SqlError(fmt::format("sqlite prepare: {} in: {}", sqlite3_errmsg(db_), sql));
            }
            it = statements_.emplace(std::string(sql), stmt).first;
        }
        sqlite3_stmt* stmt = it->second;
        // Every parameter is bound below (the count is checked), so nothing of the last run is left.
        if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
            throw SqlError(fmt::format("sqlite: {} parameters given, {} expected in: {}", params.size(),
                                       sqlite3_bind_parameter_count(stmt), sql));
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            const Value& v = params[i];
            int rc = SQLITE_OK;
            if (v.IsNull()) {
                rc = sqlite3_bind_null(stmt, index);
            } else if (v.IsInt()) {
                rc = sqlite3_bind_int64(stmt, index, v.AsInt());
            } else if (v.IsDouble()) {
                rc = sqlite3_bind_double(stmt, index, v.AsDouble());
            } else {
                const std::string& text = v.AsText();
                rc = sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            }
            if (rc != SQLITE_OK) throw SqlError(fmt::format("sqlite bind: {}", sqlite3_errmsg(db_)));
        }
        return stmt;
    }

    [[noreturn]] void Fail(sqlite3_stmt* stmt, int rc) {
        const std::string message = sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
            throw UniqueViolation("sqlite: " + message);
        }
        throw SqlError(fmt::format("sqlite ({}): {}", rc, message));
    }

    sqlite3* db_ = nullptr;
    // Looked up by the statement's text on every call: hashed, and without building a std::string.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const SqliteOptions& options) {
    return std::make_unique<SqliteConnection>(options);
}

}  // namespace sikgu::sql
