#include "core/sql/postgres.hpp"

#include <libpq-fe.h>

#include <fmt/format.h>

#include <charconv>
#include <cstring>
#include <map>

namespace sikgu::sql {
namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

class PostgresConnection final : public Connection {
public:
    explicit PostgresConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
            const std::string message = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
            PQfinish(conn_);
            throw SqlError("postgres connect: " + message);
        }
        ExecuteScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
    }

    ~PostgresConnection() override { PQfinish(conn_); }

    Rows Query(std::string_view sql, std::span<const Value> params) override {
        Result result = Run(sql, params);
        Rows rows;
        const int n = PQntuples(result.get());
        const int columns = PQnfields(result.get());
        rows.reserve(static_cast<std::size_t>(n));
        for (int r = 0; r < n; ++r) {
            Row row;
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result.get(), r, c)) {
                    row.emplace_back();
                    continue;
                }
                const char* text = PQgetvalue(result.get(), r, c);
                const int length = PQgetlength(result.get(), r, c);
                switch (PQftype(result.get(), c)) {
                    case kInt8Oid:
                    case kInt4Oid:
                    case kInt2Oid: {
                        std::int64_t v = 0;
                        std::from_chars(text, text + length, v);
                        row.emplace_back(v);
                        break;
                    }
                    case kBoolOid: row.emplace_back(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0)); break;
                    case kFloat4Oid:
                    case kFloat8Oid:
                    case kNumericOid: row.emplace_back(std::stod(std::string(text, static_cast<std::size_t>(length)))); break;
                    default: row.emplace_back(std::string(text, static_cast<std::size_t>(length)));
                }
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    std::int64_t Execute(std::string_view sql, std::span<const Value> params) override {
        Result result = Run(sql, params);
        const char* affected = PQcmdTuples(result.get());
        std::int64_t n = 0;
        if (affected != nullptr && *affected != '\0') std::from_chars(affected, affected + std::strlen(affected), n);
        return n;
    }

    void ExecuteScript(std::string_view sql) override {
        const std::string text(sql);
        Result result(PQexec(conn_, text.c_str()));
        Check(result.get());
    }

    Engine GetEngine() const override { return Engine::kPostgres; }

private:
    struct Clear {
        void operator()(PGresult* r) const { PQclear(r); }
    };
    using Result = std::unique_ptr<PGresult, Clear>;

    Result Run(std::string_view sql, std::span<const Value> params) {
        auto it = statements_.find(sql);
        if (it == statements_.end()) {
            const std::string name = fmt::format("s{}", statements_.size());
            const std::string converted = ToPostgresPlaceholders(sql);
            Result prepared(PQprepare(conn_, name.c_str(), converted.c_str(), 0, nullptr));
            Check(prepared.get());
            it = statements_.emplace(std::string(sql), name).first;
        }
        std::vector<std::string> storage;
        storage.reserve(params.size());
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const Value& v : params) {
            if (v.IsNull()) {
                values.push_back(nullptr);
                continue;
            }
            if (v.IsInt()) {
                storage.push_back(std::to_string(v.AsInt()));
            } else if (v.IsDouble()) {
                storage.push_back(fmt::format("{}", v.AsDouble()));
            } else {
                storage.push_back(v.AsText());
            }
            values.push_back(storage.back().c_str());
        }
        Result result(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                                     nullptr, 0));
        Check(result.get());
        return result;
    }

    void Check(PGresult* result) {
        const auto status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
        if (state != nullptr && std::string_view(state) == "23505") throw UniqueViolation("postgres: " + message);
        if (PQstatus(conn_) == CONNECTION_BAD) PQreset(conn_);  // next use gets a fresh session
        throw SqlError("postgres: " + message);
    }

    PGconn* conn_;
    std::map<std::string, std::string, std::less<>> statements_;
};

}  // namespace

std::string ToPostgresPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$';
            // "?3" names the third parameter (SQLite's ?NNN), so one value can be used twice; a bare "?" is
            // the next one. A statement uses one style or the other.
            if (i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') continue;
            out += std::to_string(++n);
        } else {
            out += c;
        }
    }
    return out;
}

std::unique_ptr<Connection> OpenPostgres(const std::string& url) { return std::make_unique<PostgresConnection>(url); }

}  // namespace sikgu::sql
