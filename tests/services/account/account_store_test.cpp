#include <gtest/gtest.h>

#include "core/auth/session_revocations.hpp"
#include "core/bus/event.hpp"
#include "core/mail/mailer.hpp"
#include "core/sql/database.hpp"
#include "core/sql/migrator.hpp"
#include "core/util/ids.hpp"
#include "services/account/store/account_store.hpp"
#include "support/store_test.hpp"

namespace sikgu::account {
std::span<const EmbeddedFile> Migrations();

namespace {

// The account store's use cases on SQLite, and on PostgreSQL when SIKGU_TEST_POSTGRES_URL names a
// server (ctest sql.postgres), with a clock moved by hand.
class AccountStoreTest : public ::testing::TestWithParam<sql::Engine> {
protected:
    void SetUp() override {
        db_ = test::OpenStoreTestDatabase(GetParam(), dir_, "account");
        SIKGU_REQUIRE_PREREQUISITE(db_ != nullptr, "a PostgreSQL server: run under tests/support/with_postgres.sh (ctest sql.postgres)");
        db_->SetServices({.clock = &clock_,
                          .ids = &ids_,
                          .publish = bus::AppendToOutbox,
                          .mail = [this](sql::Transaction& tx, const mail::Mail& m, TimePoint) {
                              tx.AfterCommit([this, m]() -> core::Task<void> {
                                  mails_.push_back(m);
                                  co_return;
                              });
                          }});
        sql::Migrate(*db_, "account.bus", bus::BusMigrations());
        sql::Migrate(*db_, "account", Migrations());
        store_ = std::make_unique<AccountStore>(*db_, ids_, clock_, AccountLimits{}, revocations_);
    }

    template <class T>
    T Run(core::Task<T> task) {
        return runner_.Run(std::move(task));
    }

    std::pair<OAuthOutcome, std::optional<User>> Login(const OAuthIdentity& identity,
                                                       const std::optional<std::int64_t>& link = std::nullopt) {
        return Run(store_->OAuthLogin(identity, link));
    }

    std::int64_t Count(const std::string& sql) {
        return db_->WriteNow([&](sql::Connection& c) { return c.QueryOne(sql)->at(0).AsInt(); });
    }

    test::TempDir dir_;
    test::FakeClock clock_;
    IdGenerator ids_{clock_, 1};
    auth::SessionRevocations revocations_{clock_, std::chrono::minutes(15)};
    std::vector<mail::Mail> mails_;  // queued by committed units of work
    std::unique_ptr<sql::Database> db_;
    std::unique_ptr<AccountStore> store_;
    test::TaskRunner runner_;
};

OAuthIdentity Kakao(const std::string& subject, const std::string& nickname, std::optional<std::string> email) {
    return {"kakao", subject, nickname, std::move(email), "카카오식구"};
}

TEST_P(AccountStoreTest, CreatesOnceThenLogsInAndPublishesUserCreated) {
    const auto [created, user] = Login(Kakao("1001", "초록손", "green@example.com"));
    ASSERT_EQ(created, OAuthOutcome::kCreated);
    EXPECT_EQ(user->username, "kakao_1001");
    EXPECT_EQ(user->nickname, "초록손");
    EXPECT_EQ(user->email, "green@example.com");
    EXPECT_TRUE(user->email_verified);
    EXPECT_FALSE(user->password_hash);
    EXPECT_EQ(user->providers, std::vector<std::string>{"kakao"});
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE type = 'user.created'"), 1);

    const auto [again, same] = Login(Kakao("1001", "새닉네임", "other@example.com"));
    EXPECT_EQ(again, OAuthOutcome::kLoggedIn);
    EXPECT_EQ(same->id, user->id);
    EXPECT_EQ(same->nickname, "초록손");  // a login changes nothing
    EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 1);
}

TEST_P(AccountStoreTest, NamesAreMadeUniqueAndTakenEmailsBecomePlaceholders) {
    const auto first = Login(Kakao("1001", "초록손", "shared@example.com")).second;
    const auto [outcome, second] = Login(Kakao("1002", "초록손", "SHARED@example.com"));
    ASSERT_EQ(outcome, OAuthOutcome::kCreated);
    EXPECT_EQ(second->nickname, "초록손1");
    EXPECT_EQ(second->email, "kakao-1002@users.sikgu.invalid");
    EXPECT_FALSE(second->email_verified);
    EXPECT_NE(second->id, first->id);
    const auto third = Login(Kakao("1003", "", std::nullopt)).second;
    EXPECT_EQ(third->nickname, "카카오식구");
    EXPECT_EQ(third->email, "kakao-1003@users.sikgu.invalid");
}

TEST_P(AccountStoreTest, LinksToTheGivenUserOnlyWhenTheIdentityIsFree) {
    const auto owner = Login(Kakao("2001", "주인", std::nullopt)).second;
    const auto other = Login(Kakao("2002", "다른사람", std::nullopt)).second;
    // Another user's identity cannot be linked.
    EXPECT_EQ(Login(Kakao("2002", "x", std::nullopt), owner->id).first, OAuthOutcome::kAlreadyLinked);
    // Re-linking one's own identity is a no-op.
    EXPECT_EQ(Login(Kakao("2001", "x", std::nullopt), owner->id).first, OAuthOutcome::kLinked);
    // A user with a Kakao account cannot add a second one.
    EXPECT_EQ(Login(Kakao("2003", "x", std::nullopt), owner->id).first, OAuthOutcome::kAlreadyLinked);
    EXPECT_EQ(Login(Kakao("2003", "x", std::nullopt), 424242).first, OAuthOutcome::kLinkUserGone);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM oauth_links"), 2);
    EXPECT_NE(owner->id, other->id);
}

TEST_P(AccountStoreTest, UsersWithoutAVerifiedEmailAreNeverTreatedAsStaleSignUps) {
    const auto user = Login(Kakao("3001", "오래된닉", std::nullopt)).second;
    ASSERT_FALSE(user->email_verified);
    clock_.Advance(std::chrono::hours(24 * 30));
    EXPECT_TRUE(Run(store_->IsTaken("nickname", "오래된닉")));
    EXPECT_TRUE(Run(store_->IsTaken("username", "kakao_3001")));
    const NewUser signup{"kakao_3001", "오래된닉", "new@example.com", "hash", "123456"};
    const auto created = Run(store_->CreateUser(signup));
    ASSERT_TRUE(std::holds_alternative<std::string>(created));
    EXPECT_EQ(std::get<std::string>(created), "account.username_taken");
    EXPECT_EQ(Login(Kakao("3001", "x", std::nullopt)).second->id, user->id);
    // No verification code can be requested for the placeholder address.
    int retry_after = 0;
    EXPECT_EQ(Run(store_->RenewVerification(user->email, "654321", retry_after)).first, RenewOutcome::kNotPending);
    EXPECT_TRUE(mails_.empty()) << "nothing is mailed when nothing was created";
}

TEST_P(AccountStoreTest, StatesAreSingleUseAndExpire) {
    const OAuthState pending{"verifier", "/me", std::int64_t{7}};
    Run(store_->SaveOAuthState("state-1", pending, clock_.Now() + std::chrono::minutes(10)));
    const auto taken = Run(store_->TakeOAuthState("state-1"));
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->code_verifier, "verifier");
    EXPECT_EQ(taken->return_to, "/me");
    EXPECT_EQ(taken->link_user_id, std::optional<std::int64_t>(7));
    EXPECT_FALSE(Run(store_->TakeOAuthState("state-1")));

    const OAuthState anonymous{"v2", "/", std::nullopt};
    Run(store_->SaveOAuthState("state-2", anonymous, clock_.Now() + std::chrono::minutes(10)));
    clock_.Advance(std::chrono::minutes(11));
    EXPECT_FALSE(Run(store_->TakeOAuthState("state-2")));
    // The state itself is never stored.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM oauth_states WHERE state_hash LIKE 'state%'"), 0);
}

TEST_P(AccountStoreTest, PurgeRemovesOnlyWhatCanNoLongerBeUsed) {
    const std::optional<std::int64_t> any_version;
    Run(store_->IssueRefresh(Login(Kakao("5001", "하나", std::nullopt)).second->id, any_version));
    const auto revoked = Run(store_->IssueRefresh(Login(Kakao("5002", "둘", std::nullopt)).second->id, any_version));
    ASSERT_TRUE(revoked.has_value());
    Run([&]() -> core::Task<int> {
        co_await store_->RevokeFamilyOf(revoked->second.token);
        co_return 0;
    }());
    EXPECT_EQ(Run(store_->PurgeExpired()), 0);  // revoked only just now: kept a day for reuse detection
    clock_.Advance(std::chrono::hours(25));
    EXPECT_EQ(Run(store_->PurgeExpired()), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM refresh_tokens"), 1);
    clock_.Advance(std::chrono::hours(24 * 30));
    EXPECT_EQ(Run(store_->PurgeExpired()), 1);  // the live one has expired by now
    EXPECT_EQ(Count("SELECT COUNT(*) FROM refresh_tokens"), 0);
}

TEST_P(AccountStoreTest, RevokedSessionVersionsSurviveARestart) {
    const auto user = Login(Kakao("4001", "재시작", std::nullopt)).second;
    EXPECT_EQ(user->session_version, 0);
    ASSERT_TRUE(Run(store_->ChangePassword(user->id, "new-hash", 0)).has_value());
    EXPECT_TRUE(revocations_.IsRevoked(user->id, 0));
    EXPECT_FALSE(revocations_.IsRevoked(user->id, 1));
    // A new process: the in-memory list is rebuilt from the users table.
    auth::SessionRevocations restarted{clock_, std::chrono::minutes(15)};
    AccountStore fresh(*db_, ids_, clock_, AccountLimits{}, restarted);
    fresh.RestoreRevocations(std::chrono::minutes(15));
    EXPECT_TRUE(restarted.IsRevoked(user->id, 0));
    EXPECT_EQ(Run(fresh.FindById(user->id))->session_version, 1);
    // Once every token of the old version has expired there is nothing left to refuse.
    clock_.Advance(std::chrono::minutes(16));
    auth::SessionRevocations later{clock_, std::chrono::minutes(15)};
    AccountStore after(*db_, ids_, clock_, AccountLimits{}, later);
    after.RestoreRevocations(std::chrono::minutes(15));
    EXPECT_FALSE(later.IsRevoked(user->id, 0));
}

TEST_P(AccountStoreTest, ADeletedAccountsTokensStayRefusedAfterARestart) {
    const auto user = Login(Kakao("4101", "떠난사람", std::nullopt)).second;
    Run(store_->Delete(user->id));
    EXPECT_TRUE(revocations_.IsRevoked(user->id, 0));
    auth::SessionRevocations restarted{clock_, std::chrono::minutes(15)};
    AccountStore fresh(*db_, ids_, clock_, AccountLimits{}, restarted);
    fresh.RestoreRevocations(std::chrono::minutes(15));
    EXPECT_TRUE(restarted.IsRevoked(user->id, 0));
    EXPECT_TRUE(restarted.IsRevoked(user->id, 1000));
}

TEST_P(AccountStoreTest, ALoginWhoseUserChangedPasswordMeanwhileGetsNoSession) {
    const auto user = Login(Kakao("4201", "느린로그인", std::nullopt)).second;
    const std::optional<std::int64_t> read_before_hashing = user->session_version;
    ASSERT_TRUE(Run(store_->ChangePassword(user->id, "changed-meanwhile", 0)).has_value());
    EXPECT_FALSE(Run(store_->IssueRefresh(user->id, read_before_hashing)).has_value());
    const auto started = Run(store_->IssueRefresh(user->id, read_before_hashing.value() + 1));
    ASSERT_TRUE(started.has_value());
    EXPECT_EQ(started->first.session_version, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountStoreTest, ::testing::Values(sql::Engine::kSqlite, sql::Engine::kPostgres),
                         [](const auto& info) { return test::EngineName(info.param); });

}  // namespace
}  // namespace sikgu::account
