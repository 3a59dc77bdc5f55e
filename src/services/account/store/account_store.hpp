#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/async/task.hpp"
#include "core/util/clock.hpp"

namespace sikgu {
class IdGenerator;
}
namespace sikgu::auth {
class SessionRevocations;
}
namespace sikgu::sql {
class Connection;
class Database;
class Transaction;
}  // namespace sikgu::sql

namespace sikgu::account {

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string nickname;
    std::string email;
    bool email_verified = false;
    std::int64_t created_at_ms = 0;
    std::optional<std::string> password_hash;
    std::vector<std::string> providers;
    std::int64_t session_version = 0;  // carried by access tokens; raised to refuse the ones issued so far
};

struct NewUser {
    std::string username;
    std::string nickname;
    std::string email;
    std::string password_hash;
    std::string code;  // the e-mail verification code, stored hashed
};

/// A refresh token handed to a client: "<row id>.<secret>"; only the secret's hash is stored.
struct IssuedRefresh {
    std::string token;
    std::int64_t family_id = 0;
    TimePoint expires_at;
};

/// A pending OAuth login (the state value itself is only ever stored hashed).
struct OAuthState {
    std::string code_verifier;
    std::string return_to;
    std::optional<std::int64_t> link_user_id;
};

/// The identity an OAuth provider vouched for, as the store needs it.
struct OAuthIdentity {
    std::string provider;  // "kakao"
    std::string subject;
    std::string nickname;              // as the provider sent it; made valid and unique on creation
    std::optional<std::string> email;  // verified by the provider, or nullopt
    std::string fallback_nickname;     // used when the provider's nickname is unusable
};

enum class OAuthOutcome { kLoggedIn, kCreated, kLinked, kAlreadyLinked, kLinkUserGone };

enum class VerifyOutcome { kVerified, kAlreadyVerified, kInvalid, kExpired, kAttemptsExceeded };
enum class RenewOutcome { kRenewed, kTooSoon, kNotPending };
enum class RotateOutcome { kRotated, kInvalid, kReused };

struct AccountLimits {
    std::chrono::seconds verification_ttl{600};
    int verification_attempts = 5;
    std::chrono::seconds resend_interval{60};
    std::chrono::seconds refresh_ttl{30 * 24 * 3600};
    // A spent refresh token presented again this soon after its rotation is taken as two tabs (or a
    // retry) racing, not theft, as long as nobody has moved on past it: it gets a sibling successor.
    std::chrono::seconds refresh_reuse_grace{10};
    std::chrono::seconds reset_ttl{1800};
    std::chrono::seconds unverified_hold{24 * 3600};  // how long an unverified sign-up keeps its names
};

/// The account database. Each method is one transaction; expected outcomes are values, not exceptions.
class AccountStore {
public:
    /// `revocations` learns of every raised session version once its transaction has committed.
    AccountStore(sql::Database& db, IdGenerator& ids, const Clock& clock, AccountLimits limits,
                 auth::SessionRevocations& revocations);

    /// At start: refuses again the tokens revoked within the last token lifetime (the list is in memory).
    void RestoreRevocations(std::chrono::seconds token_ttl);

    /// Creates an unverified user with a verification code and queues the code's mail with it. On a taken
    /// name returns its problem code (account.username_taken / nickname_taken / email_taken) instead.
    core::Task<std::variant<User, std::string>> CreateUser(const NewUser& user);
    core::Task<std::optional<User>> FindById(std::int64_t id);
    core::Task<std::optional<User>> FindByUsername(const std::string& username);
    core::Task<std::optional<User>> FindByEmail(const std::string& email);
    /// field: username | nickname | email.
    core::Task<bool> IsTaken(const std::string& field, const std::string& value);

    core::Task<std::pair<VerifyOutcome, std::optional<User>>> VerifyEmail(const std::string& email, const std::string& code);
    /// Replaces the pending code and queues its mail; `retry_after` is set when the last mail was sent too
    /// recently.
    core::Task<std::pair<RenewOutcome, std::optional<User>>> RenewVerification(const std::string& email,
                                                                                const std::string& code,
                                                                                int& retry_after);

    /// Starts a session: a new refresh family, and the user as of now for the access token. With
    /// `expected_version` (a password login), nullopt when the user's session version moved since the
    /// caller read it: the password was changed or reset while it was being checked.
    core::Task<std::optional<std::pair<User, IssuedRefresh>>> IssueRefresh(
        std::int64_t user_id, const std::optional<std::int64_t>& expected_version);
    /// Spends `token` and issues its successor in the same family. A token spent twice revokes the family,
    /// unless the second spend is a race within `refresh_reuse_grace` (see kMaxGraceSiblings).
    core::Task<std::pair<RotateOutcome, std::optional<std::pair<User, IssuedRefresh>>>> RotateRefresh(
        const std::string& token);
    /// Revokes the token's family (logout). Unknown tokens are ignored.
    core::Task<void> RevokeFamilyOf(const std::string& token);
    /// Sets the new password hash and, in the same transaction, ends every session of the user (the asking
    /// device's refresh family too: a copy of one of its tokens may be in other hands) and every access
    /// token issued so far, then starts a new session for the asking device. nullopt when the user is gone
    /// or its session version moved since the caller read `expected_version` (a concurrent change or reset).
    core::Task<std::optional<std::pair<User, IssuedRefresh>>> ChangePassword(std::int64_t user_id,
                                                                            const std::string& hash,
                                                                            std::int64_t expected_version);

    /// Stores the reset `token` (hashed) for the verified user with that e-mail and queues the mail with
    /// `link`; returns the user, or nullopt when there is none (then nothing is stored or sent).
    core::Task<std::optional<User>> CreatePasswordReset(const std::string& email, const std::string& token,
                                                        const std::string& link);
    /// Whether `token` is a reset token that is neither used nor expired (a read; Consume decides).
    core::Task<bool> IsPasswordResetLive(const std::string& token);
    /// Sets the new hash and revokes every session; false when the token is unknown, used or expired.
    core::Task<bool> ConsumePasswordReset(const std::string& token, const std::string& new_hash);

    /// Changes the nickname and publishes user.renamed. Returns account.nickname_taken on a clash, or
    /// auth.unauthenticated when the user no longer exists.
    core::Task<std::variant<User, std::string>> Rename(std::int64_t user_id, const std::string& nickname);
    /// Stores a pending OAuth login under the hash of its state; expired ones are swept on the way.
    core::Task<void> SaveOAuthState(const std::string& state, const OAuthState& pending, const TimePoint& expires_at);
    /// Takes (deletes) the pending login of `state`: nullopt when unknown or expired. Single use.
    core::Task<std::optional<OAuthState>> TakeOAuthState(const std::string& state);
    /// The user of a valid, unspent refresh token, or nullopt.
    core::Task<std::optional<std::int64_t>> UserOfRefresh(const std::string& token);
    /// In one transaction: logs in the user linked to (provider, subject); or links it to `link_user_id`
    /// (kAlreadyLinked when another user has it or that user already has an account of this provider);
    /// or creates a verified user for it (never matched to an existing account by e-mail) and publishes
    /// user.created. The user is set for kLoggedIn, kCreated and kLinked.
    core::Task<std::pair<OAuthOutcome, std::optional<User>>> OAuthLogin(
        const OAuthIdentity& identity, const std::optional<std::int64_t>& link_user_id);

    /// Removes the user and everything keyed by it, and publishes user.deleted.
    core::Task<void> Delete(std::int64_t user_id);
    /// Deletes refresh tokens past expiry or revoked a day ago, spent or expired reset tokens, and expired
    /// OAuth states. Returns the number of rows removed.
    core::Task<std::int64_t> PurgeExpired();

private:
    void QueueVerificationMail(sql::Transaction& tx, const User& user, const std::string& code, TimePoint now) const;

    sql::Database& db_;
    IdGenerator& ids_;
    const Clock& clock_;
    AccountLimits limits_;
    auth::SessionRevocations& revocations_;
};

}  // namespace sikgu::account
