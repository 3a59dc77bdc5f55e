#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <variant>

#include "core/async/task.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/util/clock.hpp"
#include "core/util/embedded_file.hpp"

namespace sikgu::sql {
class Database;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::http {

/// `Idempotency-Key` for requests that create something (Stripe's semantics), kept in the owning service's
/// database: the same key with the same request gets the stored response again; the same key with another
/// request gets 422 `idempotency.key_reused`; a duplicate arriving while the first is still being handled
/// gets 409 `idempotency.in_progress`. The response is stored in the same unit of work as the effect, so a
/// key is "done" exactly when its effect is. A key is scoped to the route and the caller (user, or client
/// address for anonymous callers) and kept for `ttl`.
class IdempotencyKeys {
public:
    IdempotencyKeys(sql::Database& db, const Clock& clock, std::chrono::hours ttl = std::chrono::hours(24));

    /// The effect: runs in one unit of work with the key's completion; its response is stored (problems
    /// included, so a refused request is refused the same way again).
    using Effect = std::function<Response(sql::Transaction&)>;

    /// Runs `effect` at most once per key, on routes whose options say kOptional or kRequired (on kNone the
    /// header is ignored). Without a key it runs plainly, unless the route's options say
    /// Idempotency::kRequired (then 400 `idempotency.key_required`; the pipeline refuses such a request before
    /// its body is read anyway). If the effect throws, the key is released and the exception propagates (a
    /// retry with the same key may try again).
    core::Task<Response> Run(const Request& request, const Effect& effect);

    /// A check an effect needs before its unit of work (asking other services whether what the request names
    /// exists); a response it returns is the request's refusal.
    using Check = std::function<core::Task<std::optional<Response>>()>;

    /// The same, with `check` run once the key is claimed: a replay answers without checking again (what was
    /// checked may have changed because of the first request's effect), and a refusal by the check is not
    /// stored, so a retry with the same key checks afresh.
    core::Task<Response> Run(const Request& request, const Check& check, const Effect& effect);

    /// Deletes expired keys (a read first, so an idle database is not written to); for a periodic job.
    core::Task<std::int64_t> PurgeExpired();

private:
    struct Claim {
        std::string scope;  // "POST /api/v1/..." (the route pattern)
        std::string owner;  // "user:<id>" or "addr:<client address>"
        std::string key;
        std::string request_hash;
    };
    core::Task<std::variant<Claim, Response>> Begin(const Request& request, const std::string& key);
    core::Task<void> Release(const Claim& claim);

    sql::Database& db_;
    const Clock& clock_;
    std::chrono::hours ttl_;
};

/// The idempotency_keys table, applied to every service database.
std::span<const EmbeddedFile> IdempotencyMigrations();

}  // namespace sikgu::http
