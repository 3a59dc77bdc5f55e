#include "services/account/store/account_store.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <limits>

#include "core/auth/session_revocations.hpp"
#include "core/mail/mailer.hpp"
#include "core/sql/database.hpp"
#include "core/util/crypto.hpp"
#include "core/util/ids.hpp"
#include "core/util/time.hpp"
#include "services/account/contract/events.hpp"
#include "services/account/domain/account_mails.hpp"
#include "services/account/domain/account_rules.hpp"
#include "services/account/domain/oauth_rules.hpp"

namespace sikgu::account {
namespace {

constexpr const char* kUserColumns =
    "id, username, nickname, email, email_verified, created_at, password_hash, session_version";

User ReadUser(sql::Connection& c, const sql::Row& row) {
    User u;
    u.id = row[0].AsInt();
    u.username = row[1].AsText();
    u.nickname = row[2].AsText();
    u.email = row[3].AsText();
    u.email_verified = row[4].AsInt() != 0;
    u.created_at_ms = row[5].AsInt();
    u.password_hash = row[6].AsOptionalText();
    u.session_version = row[7].AsInt();
    for (const auto& link : c.Query("SELECT provider FROM oauth_links WHERE user_id = ? ORDER BY provider", {u.id})) {
        u.providers.push_back(link[0].AsText());
    }
    return u;
}

std::optional<User> SelectUser(sql::Connection& c, std::string_view where_column, const sql::Value& value) {
    const std::string sql = std::string("SELECT ") + kUserColumns + " FROM users WHERE " + std::string(where_column) + " = ?";
    auto row = c.QueryOne(sql, {value});
    if (!row) return std::nullopt;
    return ReadUser(c, *row);
}

std::string CodeHash(std::int64_t user_id, std::string_view code) {
    return Sha256Hex(std::to_string(user_id) + ":" + std::string(code));
}

// "<id>.<secret>" -> id and secret.
std::optional<std::pair<std::int64_t, std::string>> SplitToken(std::string_view token) {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || token.size() > 200) return std::nullopt;
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + dot, id);
    if (ec != std::errc{} || end != token.data() + dot) return std::nullopt;
    return std::pair{id, std::string(token.substr(dot + 1))};
}

// Issues a refresh token: the first of a new family (`parent` 0), or the successor of `parent`.
IssuedRefresh InsertRefresh(sql::Connection& c, IdGenerator& ids, std::int64_t user_id, std::int64_t family_id,
                            std::int64_t parent, TimePoint now, std::chrono::seconds ttl) {
    const std::int64_t id = ids.Next();
    if (family_id == 0) family_id = id;
    const std::string secret = RandomToken(32);
    const TimePoint expires = now + ttl;
    c.Execute("INSERT INTO refresh_tokens (id, user_id, family_id, parent_id, token_hash, expires_at, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)",
              {id, user_id, family_id, parent == 0 ? sql::Value() : sql::Value(parent), Sha256Hex(secret),
               ToUnixMillis(expires), ToUnixMillis(now)});
    return {std::to_string(id) + "." + secret, family_id, expires};
}

// Ends the access tokens issued to the user so far; returns the version the next tokens carry.
std::int64_t RaiseSessionVersion(sql::Connection& c, std::int64_t user_id, std::int64_t now_ms) {
    c.Execute("UPDATE users SET session_version = session_version + 1, sessions_revoked_at = ? WHERE id = ?",
              {now_ms, user_id});
    const auto row = c.QueryOne("SELECT session_version FROM users WHERE id = ?", {user_id});
    return row ? (*row)[0].AsInt() : 0;
}

// Rotations, replays and revocations of one user's sessions take this row lock first. On PostgreSQL (read
// committed) that makes them see each other's effects; SQLite serializes writers anyway.
void LockUserSessions(sql::Connection& c, std::int64_t user_id) {
    c.Execute("UPDATE users SET updated_at = updated_at WHERE id = ?", {user_id});
}

void RevokeFamily(sql::Connection& c, std::int64_t family_id, std::int64_t now_ms) {
    c.Execute("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
              {now_ms, family_id});
}

/// Successors one spent token may have before a further replay counts as theft: a few tabs racing, not a
/// script minting sessions.
constexpr int kMaxGraceSiblings = 4;

/// Whether replaying the spent token `id` is a benign race: it was spent within the grace window, none of
/// its successors has been used yet, and it has few of them.
bool IsGracefulReplay(sql::Connection& c, std::int64_t id, std::int64_t used_at_ms, std::int64_t now_ms,
                      std::chrono::seconds grace) {
    if (now_ms - used_at_ms >= std::chrono::duration_cast<std::chrono::milliseconds>(grace).count()) return false;
    const auto children =
        c.QueryOne("SELECT COUNT(*), COUNT(used_at) FROM refresh_tokens WHERE parent_id = ? AND revoked_at IS NULL", {id});
    return children && (*children)[1].AsInt() == 0 && (*children)[0].AsInt() < kMaxGraceSiblings;
}

/// Whether a sibling of `id` (another successor of the same token, made by a graced replay) has been used:
/// the session went on along that branch, so this one is a copy in someone else's hands.
bool SiblingWentOn(sql::Connection& c, std::int64_t id, const sql::Value& parent) {
    if (parent.IsNull()) return false;
    return c.QueryOne("SELECT 1 FROM refresh_tokens WHERE parent_id = ? AND id <> ? AND used_at IS NOT NULL",
                      {parent, id})
        .has_value();
}

}  // namespace

void AccountStore::QueueVerificationMail(sql::Transaction& tx, const User& user, const std::string& code,
                                         TimePoint now) const {
    // The code exists exactly when its mail does: both in this transaction.
    MailText text = VerificationMail(user.nickname, code, static_cast<int>(limits_.verification_ttl.count() / 60));
    tx.Mail(mail::Mail{user.email, std::move(text.subject), std::move(text.body)}, now + limits_.verification_ttl);
}

AccountStore::AccountStore(sql::Database& db, IdGenerator& ids, const Clock& clock, AccountLimits limits,
                           auth::SessionRevocations& revocations)
    : db_(db), ids_(ids), clock_(clock), limits_(limits), revocations_(revocations) {}

void AccountStore::RestoreRevocations(std::chrono::seconds token_ttl) {
    const auto since = ToUnixMillis(clock_.Now() - token_ttl);
    const auto [raised, deleted] = db_.WriteNow([&](sql::Connection& c) {
        return std::pair{c.Query("SELECT id, session_version FROM users WHERE sessions_revoked_at > ?", {since}),
                         c.Query("SELECT user_id FROM deleted_users WHERE deleted_at > ?", {since})};
    });
    for (const auto& row : raised) revocations_.Revoke(row[0].AsInt(), row[1].AsInt());
    for (const auto& row : deleted) revocations_.Revoke(row[0].AsInt(), std::numeric_limits<std::int64_t>::max());
}

core::Task<std::variant<User, std::string>> AccountStore::CreateUser(const NewUser& n) {
    const auto now = clock_.Now();
    const std::int64_t now_ms = ToUnixMillis(now);
    const std::int64_t stale_before = ToUnixMillis(now - limits_.unverified_hold);
    const std::string username_key = UsernameKey(n.username);
    const std::string nickname_key = NicknameKey(n.nickname);
    const std::string email_key = EmailKey(n.email);
    // GCC 12 mis-destroys coroutine frames that co_return from inside a try block: keep the result outside.
    std::optional<std::variant<User, std::string>> result;
    try {
        result = co_await db_.Write([&](sql::Transaction& tx) -> std::variant<User, std::string> {
            sql::Connection& c = tx.Sql();
            // A sign-up that was never verified does not hold its names forever. Users made by an OAuth
            // login have no password and may have no verified e-mail, but they are never pending.
            const auto stale = c.Query(
                "SELECT id FROM users WHERE email_verified = 0 AND password_hash IS NOT NULL AND created_at < ? AND "
                "(username_key = ? OR nickname_key = ? OR email_key = ?)",
                {stale_before, username_key, nickname_key, email_key});
            for (const auto& row : stale) {
                c.Execute("DELETE FROM email_verifications WHERE user_id = ?", {row[0]});
                c.Execute("DELETE FROM users WHERE id = ?", {row[0]});
            }
            if (c.QueryOne("SELECT 1 FROM users WHERE username_key = ?", {username_key})) {
                return std::string("account.username_taken");
            }
            if (c.QueryOne("SELECT 1 FROM users WHERE email_key = ?", {email_key})) {
                return std::string("account.email_taken");
            }
            if (c.QueryOne("SELECT 1 FROM users WHERE nickname_key = ?", {nickname_key})) {
                return std::string("account.nickname_taken");
            }
            const std::int64_t id = ids_.Next();
            c.Execute(
                "INSERT INTO users (id, username, username_key, nickname, nickname_key, email, email_key, "
                "password_hash, email_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                {id, username_key, username_key, n.nickname, nickname_key, n.email, email_key, n.password_hash, now_ms,
                 now_ms});
            c.Execute("INSERT INTO email_verifications (user_id, code_hash, expires_at, attempts, sent_at) "
                      "VALUES (?, ?, ?, 0, ?)",
                      {id, CodeHash(id, n.code), ToUnixMillis(now + limits_.verification_ttl), now_ms});
            User user = *SelectUser(c, "id", id);
            QueueVerificationMail(tx, user, n.code, now);
            return user;
        });
    } catch (const sql::UniqueViolation&) {
        // Lost a race with a concurrent sign-up for the same name: report which one.
    }
    if (result) co_return std::move(*result);
    if (co_await IsTaken("username", n.username)) co_return std::string("account.username_taken");
    if (co_await IsTaken("email", n.email)) co_return std::string("account.email_taken");
    co_return std::string("account.nickname_taken");
}

core::Task<std::optional<User>> AccountStore::FindById(std::int64_t id) {
    co_return co_await db_.Read([&](sql::Connection& c) { return SelectUser(c, "id", id); });
}

core::Task<std::optional<User>> AccountStore::FindByUsername(const std::string& username) {
    const std::string key = UsernameKey(username);
    co_return co_await db_.Read([&](sql::Connection& c) { return SelectUser(c, "username_key", key); });
}

core::Task<std::optional<User>> AccountStore::FindByEmail(const std::string& email) {
    const std::string key = EmailKey(email);
    co_return co_await db_.Read([&](sql::Connection& c) { return SelectUser(c, "email_key", key); });
}

core::Task<bool> AccountStore::IsTaken(const std::string& field, const std::string& value) {
    std::string column;
    std::string key;
    if (field == "username") {
        column = "username_key", key = UsernameKey(value);
    } else if (field == "nickname") {
        column = "nickname_key", key = NicknameKey(value);
    } else {
        column = "email_key", key = EmailKey(value);
    }
    const std::int64_t stale_before = ToUnixMillis(clock_.Now() - limits_.unverified_hold);
    co_return co_await db_.Read([&](sql::Connection& c) {
        return c.QueryOne("SELECT 1 FROM users WHERE " + column +
                              " = ? AND (email_verified = 1 OR password_hash IS NULL OR created_at >= ?)",
                          {key, stale_before})
            .has_value();
    });
}

core::Task<std::pair<VerifyOutcome, std::optional<User>>> AccountStore::VerifyEmail(const std::string& email,
                                                                                     const std::string& code) {
    const std::string key = EmailKey(email);
    const auto now = clock_.Now();
    co_return co_await db_.Write([&](sql::Transaction& tx) -> std::pair<VerifyOutcome, std::optional<User>> {
        sql::Connection& c = tx.Sql();
        auto user = SelectUser(c, "email_key", key);
        if (!user) return {VerifyOutcome::kInvalid, std::nullopt};
        if (user->email_verified) return {VerifyOutcome::kAlreadyVerified, std::nullopt};
        const auto row = c.QueryOne("SELECT code_hash, expires_at, attempts FROM email_verifications WHERE user_id = ?",
                                    {user->id});
        if (!row) return {VerifyOutcome::kInvalid, std::nullopt};
        if ((*row)[2].AsInt() >= limits_.verification_attempts) return {VerifyOutcome::kAttemptsExceeded, std::nullopt};
        if (ToUnixMillis(now) >= (*row)[1].AsInt()) return {VerifyOutcome::kExpired, std::nullopt};
        if (!ConstantTimeEquals((*row)[0].AsText(), CodeHash(user->id, code))) {
            // The failed attempt is committed: the transaction returns normally.
            c.Execute("UPDATE email_verifications SET attempts = attempts + 1 WHERE user_id = ?", {user->id});
            return {VerifyOutcome::kInvalid, std::nullopt};
        }
        c.Execute("UPDATE users SET email_verified = 1, updated_at = ? WHERE id = ?", {ToUnixMillis(now), user->id});
        c.Execute("DELETE FROM email_verifications WHERE user_id = ?", {user->id});
        user->email_verified = true;
        tx.Publish(UserCreated{user->id, user->nickname});
        return {VerifyOutcome::kVerified, std::move(user)};
    });
}

core::Task<std::pair<RenewOutcome, std::optional<User>>> AccountStore::RenewVerification(const std::string& email,
                                                                                         const std::string& code,
                                                                                         int& retry_after) {
    const std::string key = EmailKey(email);
    const auto now = clock_.Now();
    co_return co_await db_.Write([&](sql::Transaction& tx) -> std::pair<RenewOutcome, std::optional<User>> {
        sql::Connection& c = tx.Sql();
        auto user = SelectUser(c, "email_key", key);
        if (!user || user->email_verified || !user->password_hash) return {RenewOutcome::kNotPending, std::nullopt};
        const auto row = c.QueryOne("SELECT sent_at FROM email_verifications WHERE user_id = ?", {user->id});
        if (row) {
            const auto next = FromUnixMillis((*row)[0].AsInt()) + limits_.resend_interval;
            if (now < next) {
                retry_after = static_cast<int>(std::chrono::ceil<std::chrono::seconds>(next - now).count());
                return {RenewOutcome::kTooSoon, std::nullopt};
            }
        }
        c.Execute("DELETE FROM email_verifications WHERE user_id = ?", {user->id});
        c.Execute("INSERT INTO email_verifications (user_id, code_hash, expires_at, attempts, sent_at) "
                  "VALUES (?, ?, ?, 0, ?)",
                  {user->id, CodeHash(user->id, code), ToUnixMillis(now + limits_.verification_ttl), ToUnixMillis(now)});
        QueueVerificationMail(tx, *user, code, now);
        return {RenewOutcome::kRenewed, std::move(user)};
    });
}

core::Task<std::optional<std::pair<User, IssuedRefresh>>> AccountStore::IssueRefresh(
    std::int64_t user_id, const std::optional<std::int64_t>& expected_version) {
    const auto now = clock_.Now();
    co_return co_await db_.Write([&](sql::Connection& c) -> std::optional<std::pair<User, IssuedRefresh>> {
        LockUserSessions(c, user_id);
        auto user = SelectUser(c, "id", user_id);
        if (!user || (expected_version && user->session_version != *expected_version)) return std::nullopt;
        auto refresh = InsertRefresh(c, ids_, user_id, 0, 0, now, limits_.refresh_ttl);
        return std::pair{std::move(*user), std::move(refresh)};
    });
}

core::Task<std::pair<RotateOutcome, std::optional<std::pair<User, IssuedRefresh>>>> AccountStore::RotateRefresh(
    const std::string& token) {
    using Result = std::pair<RotateOutcome, std::optional<std::pair<User, IssuedRefresh>>>;
    const auto parts = SplitToken(token);
    if (!parts) co_return Result{RotateOutcome::kInvalid, std::nullopt};
    const auto now = clock_.Now();
    const std::int64_t now_ms = ToUnixMillis(now);
    std::optional<std::pair<std::int64_t, std::int64_t>> raised;  // user, new session version
    Result result = co_await db_.Write([&](sql::Connection& c) -> Result {
        const std::int64_t id = parts->first;
        const auto owner = c.QueryOne("SELECT user_id, token_hash FROM refresh_tokens WHERE id = ?", {id});
        if (!owner || !ConstantTimeEquals((*owner)[1].AsText(), Sha256Hex(parts->second))) {
            return {RotateOutcome::kInvalid, std::nullopt};
        }
        const std::int64_t user_id = (*owner)[0].AsInt();
        LockUserSessions(c, user_id);
        // Read again under the lock: a concurrent rotation or logout has finished by now.
        const auto row = c.QueryOne(
            "SELECT family_id, parent_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE id = ?", {id});
        if (!row || !(*row)[4].IsNull()) return {RotateOutcome::kInvalid, std::nullopt};
        const std::int64_t family = (*row)[0].AsInt();
        const bool expired = now_ms >= (*row)[2].AsInt();
        bool reused = false;
        if (!(*row)[3].IsNull()) {
            // Spent already: two tabs racing within the grace window, or someone replaying it.
            reused = expired || !IsGracefulReplay(c, id, (*row)[3].AsInt(), now_ms, limits_.refresh_reuse_grace);
        } else if (expired) {
            return {RotateOutcome::kInvalid, std::nullopt};
        } else {
            reused = SiblingWentOn(c, id, (*row)[1]);
            if (!reused) c.Execute("UPDATE refresh_tokens SET used_at = ? WHERE id = ?", {now_ms, id});
        }
        if (reused) {
            // Whoever holds the family now may be an attacker: end the whole session, and the access
            // tokens it may already have taken.
            RevokeFamily(c, family, now_ms);
            raised = std::pair{user_id, RaiseSessionVersion(c, user_id, now_ms)};
            return {RotateOutcome::kReused, std::nullopt};
        }
        auto user = SelectUser(c, "id", user_id);
        if (!user) return {RotateOutcome::kInvalid, std::nullopt};
        auto next = InsertRefresh(c, ids_, user_id, family, id, now, limits_.refresh_ttl);
        return {RotateOutcome::kRotated, std::pair{std::move(*user), std::move(next)}};
    });
    if (raised) revocations_.Revoke(raised->first, raised->second);
    co_return result;
}

core::Task<void> AccountStore::RevokeFamilyOf(const std::string& token) {
    const auto parts = SplitToken(token);
    if (!parts) co_return;
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    co_await db_.Write([&](sql::Connection& c) {
        const auto row =
            c.QueryOne("SELECT family_id, token_hash, user_id FROM refresh_tokens WHERE id = ?", {parts->first});
        if (row && ConstantTimeEquals((*row)[1].AsText(), Sha256Hex(parts->second))) {
            LockUserSessions(c, (*row)[2].AsInt());  // a racing rotation cannot add a token after this
            RevokeFamily(c, (*row)[0].AsInt(), now_ms);
        }
    });
}

core::Task<std::optional<std::pair<User, IssuedRefresh>>> AccountStore::ChangePassword(
    std::int64_t user_id, const std::string& hash, std::int64_t expected_version) {
    const auto now = clock_.Now();
    const std::int64_t now_ms = ToUnixMillis(now);
    std::int64_t version = 0;
    auto started = co_await db_.Write([&](sql::Connection& c) -> std::optional<std::pair<User, IssuedRefresh>> {
        LockUserSessions(c, user_id);
        const auto row = c.QueryOne("SELECT session_version FROM users WHERE id = ?", {user_id});
        if (!row || (*row)[0].AsInt() != expected_version) return std::nullopt;
        c.Execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", {hash, now_ms, user_id});
        c.Execute("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                  {now_ms, user_id});
        version = RaiseSessionVersion(c, user_id, now_ms);
        auto refresh = InsertRefresh(c, ids_, user_id, 0, 0, now, limits_.refresh_ttl);
        return std::pair{*SelectUser(c, "id", user_id), std::move(refresh)};
    });
    if (started) revocations_.Revoke(user_id, version);
    co_return started;
}

core::Task<std::optional<User>> AccountStore::CreatePasswordReset(const std::string& email, const std::string& token,
                                                                  const std::string& link) {
    const std::string key = EmailKey(email);
    const auto now = clock_.Now();
    co_return co_await db_.Write([&](sql::Transaction& tx) -> std::optional<User> {
        auto user = SelectUser(tx.Sql(), "email_key", key);
        if (!user || !user->email_verified) return std::nullopt;
        tx.Execute("INSERT INTO password_resets (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
                   {Sha256Hex(token), user->id, ToUnixMillis(now + limits_.reset_ttl), ToUnixMillis(now)});
        // The link exists exactly when its mail does.
        MailText text = PasswordResetMail(user->nickname, link, static_cast<int>(limits_.reset_ttl.count() / 60));
        tx.Mail(mail::Mail{user->email, std::move(text.subject), std::move(text.body)}, now + limits_.reset_ttl);
        return user;
    });
}

core::Task<bool> AccountStore::IsPasswordResetLive(const std::string& token) {
    const auto now_ms = ToUnixMillis(clock_.Now());
    const std::string hash = Sha256Hex(token);
    co_return co_await db_.Read([&](sql::Connection& c) {
        return c.QueryOne("SELECT 1 FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                          {hash, now_ms})
            .has_value();
    });
}

core::Task<bool> AccountStore::ConsumePasswordReset(const std::string& token, const std::string& new_hash) {
    const auto now_ms = ToUnixMillis(clock_.Now());
    const std::string hash = Sha256Hex(token);
    const auto raised = co_await db_.Write([&](sql::Connection& c) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
        const auto row = c.QueryOne(
            "SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
            {hash, now_ms});
        if (!row) return std::nullopt;
        const std::int64_t user_id = (*row)[0].AsInt();
        LockUserSessions(c, user_id);
        c.Execute("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL", {now_ms, user_id});
        c.Execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", {new_hash, now_ms, user_id});
        c.Execute("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                  {now_ms, user_id});
        return std::pair{user_id, RaiseSessionVersion(c, user_id, now_ms)};
    });
    if (!raised) co_return false;
    revocations_.Revoke(raised->first, raised->second);
    co_return true;
}

core::Task<std::variant<User, std::string>> AccountStore::Rename(std::int64_t user_id, const std::string& nickname) {
    const auto now = clock_.Now();
    const std::string key = NicknameKey(nickname);
    std::optional<std::variant<User, std::string>> result;
    try {
        result = co_await db_.Write([&](sql::Transaction& tx) -> std::variant<User, std::string> {
            sql::Connection& c = tx.Sql();
            const auto holder = c.QueryOne("SELECT id FROM users WHERE nickname_key = ?", {key});
            if (holder && (*holder)[0].AsInt() != user_id) return std::string("account.nickname_taken");
            if (c.Execute("UPDATE users SET nickname = ?, nickname_key = ?, updated_at = ? WHERE id = ?",
                          {nickname, key, ToUnixMillis(now), user_id}) != 1) {
                return std::string("auth.unauthenticated");  // deleted while its access token lives on
            }
            tx.Publish(UserRenamed{user_id, nickname});
            return *SelectUser(c, "id", user_id);
        });
    } catch (const sql::UniqueViolation&) {
    }
    if (result) co_return std::move(*result);
    co_return std::string("account.nickname_taken");
}

core::Task<void> AccountStore::SaveOAuthState(const std::string& state, const OAuthState& pending,
                                              const TimePoint& expires_at) {
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    const std::string hash = Sha256Hex(state);
    co_await db_.Write([&](sql::Connection& c) {
        c.Execute("DELETE FROM oauth_states WHERE expires_at <= ?", {now_ms});
        c.Execute("INSERT INTO oauth_states (state_hash, code_verifier, return_to, link_user_id, expires_at) "
                  "VALUES (?, ?, ?, ?, ?)",
                  {hash, pending.code_verifier, pending.return_to, pending.link_user_id, ToUnixMillis(expires_at)});
    });
}

core::Task<std::optional<OAuthState>> AccountStore::TakeOAuthState(const std::string& state) {
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    const std::string hash = Sha256Hex(state);
    co_return co_await db_.Write([&](sql::Connection& c) -> std::optional<OAuthState> {
        const auto row = c.QueryOne(
            "SELECT code_verifier, return_to, link_user_id, expires_at FROM oauth_states WHERE state_hash = ?", {hash});
        if (!row) return std::nullopt;
        if (c.Execute("DELETE FROM oauth_states WHERE state_hash = ?", {hash}) != 1) return std::nullopt;
        if (now_ms >= (*row)[3].AsInt()) return std::nullopt;
        OAuthState out{(*row)[0].AsText(), (*row)[1].AsText(), std::nullopt};
        if (!(*row)[2].IsNull()) out.link_user_id = (*row)[2].AsInt();
        return out;
    });
}

core::Task<std::optional<std::int64_t>> AccountStore::UserOfRefresh(const std::string& token) {
    const auto parts = SplitToken(token);
    if (!parts) co_return std::nullopt;
    const std::int64_t now_ms = ToUnixMillis(clock_.Now());
    co_return co_await db_.Read([&](sql::Connection& c) -> std::optional<std::int64_t> {
        const auto row = c.QueryOne(
            "SELECT user_id, token_hash FROM refresh_tokens WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL "
            "AND expires_at > ?",
            {parts->first, now_ms});
        if (!row || !ConstantTimeEquals((*row)[1].AsText(), Sha256Hex(parts->second))) return std::nullopt;
        return (*row)[0].AsInt();
    });
}

core::Task<std::pair<OAuthOutcome, std::optional<User>>> AccountStore::OAuthLogin(
    const OAuthIdentity& identity, const std::optional<std::int64_t>& link_user_id) {
    const auto now = clock_.Now();
    const std::int64_t now_ms = ToUnixMillis(now);
    using Result = std::pair<OAuthOutcome, std::optional<User>>;
    auto transaction = [&](sql::Transaction& tx) -> Result {
        sql::Connection& c = tx.Sql();
        const auto linked = c.QueryOne("SELECT user_id FROM oauth_links WHERE provider = ? AND subject = ?",
                                       {identity.provider, identity.subject});
        if (link_user_id) {
            // Linking from my page: the identity must be free or already this user's.
            if (linked && (*linked)[0].AsInt() != *link_user_id) return {OAuthOutcome::kAlreadyLinked, std::nullopt};
            auto user = SelectUser(c, "id", *link_user_id);
            if (!user) return {OAuthOutcome::kLinkUserGone, std::nullopt};
            if (!linked) {
                // One account per provider and user: a second one would be a second way in nobody asked for.
                if (c.QueryOne("SELECT 1 FROM oauth_links WHERE provider = ? AND user_id = ?",
                               {identity.provider, user->id})) {
                    return {OAuthOutcome::kAlreadyLinked, std::nullopt};
                }
                c.Execute("INSERT INTO oauth_links (provider, subject, user_id, created_at) VALUES (?, ?, ?, ?)",
                          {identity.provider, identity.subject, user->id, now_ms});
                user = SelectUser(c, "id", user->id);
            }
            return {OAuthOutcome::kLinked, std::move(user)};
        }
        if (linked) {
            auto user = SelectUser(c, "id", (*linked)[0].AsInt());
            if (user) return {OAuthOutcome::kLoggedIn, std::move(user)};
            c.Execute("DELETE FROM oauth_links WHERE provider = ? AND subject = ?", {identity.provider, identity.subject});
        }

        // A new user. Names held by stale unverified sign-ups count as taken here: this path never deletes.
        auto taken = [&](const char* column, const std::string& key) {
            return c.QueryOne(std::string("SELECT 1 FROM users WHERE ") + column + " = ?", {key}).has_value();
        };
        std::string username;
        for (int attempt = 0; username.empty() || taken("username_key", UsernameKey(username)); ++attempt) {
            username = OAuthUsername(identity.provider, identity.subject, attempt);
        }
        std::string nickname;
        for (int attempt = 0; nickname.empty() || taken("nickname_key", NicknameKey(nickname)); ++attempt) {
            nickname = OAuthNickname(identity.nickname, identity.fallback_nickname, attempt);
        }
        // The provider's verified e-mail is kept only when no other account uses it (a pending, stale sign-up
        // included): an e-mail match never hands over an existing account.
        std::string email;
        bool verified = false;
        if (identity.email && !taken("email_key", EmailKey(*identity.email))) {
            email = *identity.email;
            verified = true;
        } else {
            email = OAuthPlaceholderEmail(identity.provider, identity.subject);
            if (taken("email_key", EmailKey(email))) {
                email = OAuthPlaceholderEmail(identity.provider, Sha256Hex(identity.subject + ":" + RandomToken(8)));
            }
        }
        const std::int64_t id = ids_.Next();
        c.Execute(
            "INSERT INTO users (id, username, username_key, nickname, nickname_key, email, email_key, "
            "password_hash, email_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            {id, UsernameKey(username), UsernameKey(username), nickname, NicknameKey(nickname), email, EmailKey(email),
             verified ? 1 : 0, now_ms, now_ms});
        c.Execute("INSERT INTO oauth_links (provider, subject, user_id, created_at) VALUES (?, ?, ?, ?)",
                  {identity.provider, identity.subject, id, now_ms});
        tx.Publish(UserCreated{id, nickname});
        return {OAuthOutcome::kCreated, SelectUser(c, "id", id)};
    };
    // Two first logins of one identity at once: the loser hits the link's key and, run again, logs in.
    std::optional<Result> result;
    try {
        result = co_await db_.Write(transaction);
    } catch (const sql::UniqueViolation&) {
    }
    if (!result) result = co_await db_.Write(transaction);
    co_return std::move(*result);
}

core::Task<void> AccountStore::Delete(std::int64_t user_id) {
    const auto now = clock_.Now();
    co_await db_.Write([&](sql::Transaction& tx) {
        sql::Connection& c = tx.Sql();
        for (const char* table : {"email_verifications", "refresh_tokens", "password_resets", "oauth_links"}) {
            c.Execute(std::string("DELETE FROM ") + table + " WHERE user_id = ?", {user_id});
        }
        c.Execute("DELETE FROM users WHERE id = ?", {user_id});
        c.Execute("INSERT INTO deleted_users (user_id, deleted_at) VALUES (?, ?)", {user_id, ToUnixMillis(now)});
        tx.Publish(UserDeleted{user_id});
    });
    revocations_.Revoke(user_id, std::numeric_limits<std::int64_t>::max());
}

core::Task<std::int64_t> AccountStore::PurgeExpired() {
    const auto now = clock_.Now();
    const std::int64_t now_ms = ToUnixMillis(now);
    const std::int64_t day_ago = ToUnixMillis(now - std::chrono::hours(24));
    co_return co_await db_.Write([&](sql::Connection& c) {
        return c.Execute("DELETE FROM refresh_tokens WHERE expires_at <= ? OR revoked_at <= ?", {now_ms, day_ago}) +
               c.Execute("DELETE FROM password_resets WHERE expires_at <= ? OR used_at <= ?", {now_ms, day_ago}) +
               c.Execute("DELETE FROM oauth_states WHERE expires_at <= ?", {now_ms}) +
               // Longer than any access token lives (core.auth.access_ttl_seconds is at most a day).
               c.Execute("DELETE FROM deleted_users WHERE deleted_at <= ?", {ToUnixMillis(now - std::chrono::hours(48))});
    });
}

}  // namespace sikgu::account
