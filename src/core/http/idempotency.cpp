#include "core/http/idempotency.hpp"

#include <boost/json.hpp>

#include "core/http/route_options.hpp"
#include "core/sql/database.hpp"
#include "core/util/crypto.hpp"
#include "core/util/text.hpp"
#include "core/util/time.hpp"

namespace sikgu::http {
namespace {

// How long a claim stays locked while its request runs; a process that died holding it frees it then.
constexpr std::chrono::seconds kClaimLock{60};

// Keys are opaque to us but go into a database and logs: printable ASCII, like Stripe's (at most 255).
bool ValidKey(std::string_view key) {
    if (key.empty() || key.size() > 255) return false;
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e) return false;
    }
    return true;
}

std::string ProblemToJson(const ProblemInfo& p) {
    boost::json::array errors;
    for (const auto& e : p.errors) errors.push_back({{"field", e.field}, {"code", e.code}});
    boost::json::object o{{"code", p.code}, {"status", p.status}, {"errors", std::move(errors)}};
    if (p.detail) o["detail"] = *p.detail;
    return boost::json::serialize(o);
}

ProblemInfo ProblemFromJson(const std::string& text) {
    const auto o = boost::json::parse(text).as_object();
    ProblemInfo p;
    p.code = std::string(o.at("code").as_string());
    p.status = static_cast<int>(o.at("status").as_int64());
    for (const auto& e : o.at("errors").as_array()) {
        p.errors.push_back({std::string(e.at("field").as_string()), std::string(e.at("code").as_string())});
    }
    if (const auto* detail = o.if_contains("detail")) p.detail = std::string(detail->as_string());
    return p;
}

std::optional<std::string> LocationOf(const Response& response) {
    for (const auto& h : response.headers) {
        if (AsciiEqualsIgnoreCase(h.name, "location")) return h.value;
    }
    return std::nullopt;
}

}  // namespace

IdempotencyKeys::IdempotencyKeys(sql::Database& db, const Clock& clock, std::chrono::hours ttl)
    : db_(db), clock_(clock), ttl_(ttl) {}

core::Task<Response> IdempotencyKeys::Run(const Request& request, const Effect& effect) {
    co_return co_await Run(request, Check(), effect);
}

core::Task<Response> IdempotencyKeys::Run(const Request& request, const Check& check, const Effect& effect) {
    const Idempotency policy = request.Options().idempotency;
    const auto header = policy == Idempotency::kNone ? std::nullopt : request.GetHeader("idempotency-key");
    if (!header) {
        if (policy == Idempotency::kRequired) co_return Problem::BadRequest("idempotency.key_required");
        if (check) {
            if (auto refusal = co_await check()) co_return std::move(*refusal);
        }
        co_return co_await db_.Write([&](sql::Transaction& tx) { return effect(tx); });
    }
    if (!ValidKey(*header)) co_return Problem::BadRequest("idempotency.key_invalid");
    const std::string key(*header);
    auto begun = co_await Begin(request, key);
    if (auto* answer = std::get_if<Response>(&begun)) co_return std::move(*answer);
    const Claim claim = std::get<Claim>(std::move(begun));

    std::optional<Response> response;
    std::exception_ptr failure;
    try {
        if (check) response = co_await check();
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure || response) {
        co_await Release(claim);
        if (failure) std::rethrow_exception(failure);
        co_return std::move(*response);
    }
    try {
        response = co_await db_.Write([&](sql::Transaction& tx) {
            Response r = effect(tx);
            const std::optional<std::string> location = LocationOf(r);
            // Only our own claim completes: had it been taken over (its lock ran out), this effect is undone.
            const auto stored = tx.Execute(
                "UPDATE idempotency_keys SET state = 'done', response_status = ?, response_type = ?, response_body = ?, "
                "response_problem = ?, response_location = ?, locked_until = NULL "
                "WHERE scope = ? AND owner = ? AND idem_key = ? AND state = 'in_progress' AND request_hash = ?",
                {r.status, r.content_type, r.problem ? sql::Value() : sql::Value(r.body),
                 r.problem ? sql::Value(ProblemToJson(*r.problem)) : sql::Value(), location, claim.scope, claim.owner,
                 claim.key, claim.request_hash});
            if (stored != 1) throw std::runtime_error("idempotency claim lost while the request ran");
            return r;
        });
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure) {
        co_await Release(claim);
        std::rethrow_exception(failure);
    }
    co_return std::move(*response);
}

core::Task<std::variant<IdempotencyKeys::Claim, Response>> IdempotencyKeys::Begin(const Request& request,
                                                                                  const std::string& key) {
    using Result = std::variant<Claim, Response>;
    Claim claim;
    claim.scope = std::string(VerbName(request.verb)) + " " + request.route;
    claim.owner = request.user_id ? "user:" + std::to_string(*request.user_id) : "addr:" + request.remote_address;
    claim.key = key;
    // The same request: the same target and body (the path names the resource, the body what to do).
    claim.request_hash = Sha256Hex(request.path + "\n" + request.body);
    const auto attempt = [&](sql::Transaction& tx) -> Result {
        const std::int64_t now = ToUnixMillis(clock_.Now());
        const auto row = tx.QueryOne(
            "SELECT request_hash, state, locked_until, expires_at, response_status, response_type, response_body, "
            "response_problem, response_location FROM idempotency_keys WHERE scope = ? AND owner = ? AND idem_key = ?",
            {claim.scope, claim.owner, claim.key});
        if (row && (*row)[3].AsInt() <= now) {
            tx.Execute("DELETE FROM idempotency_keys WHERE scope = ? AND owner = ? AND idem_key = ?",
                       {claim.scope, claim.owner, claim.key});
        } else if (row) {
            if ((*row)[0].AsText() != claim.request_hash) return Problem::Make(422, "idempotency.key_reused");
            if ((*row)[1].AsText() == "done") {
                Response replay;
                replay.status = static_cast<int>((*row)[4].AsInt());
                if (!(*row)[7].IsNull()) {
                    replay.problem = ProblemFromJson((*row)[7].AsText());
                } else {
                    replay.content_type = (*row)[5].AsOptionalText().value_or("");
                    replay.body = (*row)[6].AsOptionalText().value_or("");
                }
                if (!(*row)[8].IsNull()) replay.SetHeader("Location", (*row)[8].AsText());
                replay.SetHeader("Idempotent-Replayed", "true");
                return replay;
            }
            if ((*row)[2].AsOptionalInt().value_or(0) > now) return Problem::Conflict("idempotency.in_progress");
            // Claimed by a request that never finished (its process died): this one takes it over.
            tx.Execute("UPDATE idempotency_keys SET locked_until = ? WHERE scope = ? AND owner = ? AND idem_key = ?",
                       {now + std::chrono::milliseconds(kClaimLock).count(), claim.scope, claim.owner, claim.key});
            return claim;
        }
        tx.Execute("INSERT INTO idempotency_keys (scope, owner, idem_key, request_hash, state, locked_until, created_at, "
                   "expires_at) VALUES (?, ?, ?, ?, 'in_progress', ?, ?, ?)",
                   {claim.scope, claim.owner, claim.key, claim.request_hash,
                    now + std::chrono::milliseconds(kClaimLock).count(), now,
                    now + std::chrono::duration_cast<std::chrono::milliseconds>(ttl_).count()});
        return claim;
    };
    std::optional<Result> result;
    try {
        result = co_await db_.Write(attempt);
    } catch (const sql::UniqueViolation&) {
        // A concurrent duplicate inserted the claim first (PostgreSQL): look again, it is there now.
    }
    if (!result) result = co_await db_.Write(attempt);
    co_return std::move(*result);
}

core::Task<void> IdempotencyKeys::Release(const Claim& claim) {
    try {
        co_await db_.Write([&](sql::Connection& c) {
            c.Execute("DELETE FROM idempotency_keys WHERE scope = ? AND owner = ? AND idem_key = ? AND state = 'in_progress'",
                      {claim.scope, claim.owner, claim.key});
        });
    } catch (const std::exception&) {
        // The claim's lock runs out by itself.
    }
}

core::Task<std::int64_t> IdempotencyKeys::PurgeExpired() {
    const std::int64_t now = ToUnixMillis(clock_.Now());
    const bool any = co_await db_.Read([&](sql::Connection& c) {
        return c.QueryOne("SELECT 1 FROM idempotency_keys WHERE expires_at <= ? LIMIT 1", {now}).has_value();
    });
    if (!any) co_return 0;
    co_return co_await db_.Write([&](sql::Connection& c) {
        return c.Execute("DELETE FROM idempotency_keys WHERE expires_at <= ?", {now});
    });
}

}  // namespace sikgu::http
