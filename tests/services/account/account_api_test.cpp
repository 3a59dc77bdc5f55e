#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "core/sql/database.hpp"
#include "core/util/crypto.hpp"
#include "support/test_server.hpp"

namespace sikgu::account {
namespace {

class AccountApi : public ::testing::Test {
protected:
    test::HttpResult SignUp(const std::string& username, const std::string& email,
                            const std::string& nickname = "") {
        const std::string nick = nickname.empty() ? "닉" + username.substr(0, 10) : nickname;
        return client_.PostJson("/api/v1/auth/signup",
                                boost::json::serialize(boost::json::object{{"username", username},
                                                                           {"nickname", nick},
                                                                           {"email", email},
                                                                           {"password", "garden123"}}));
    }
    test::HttpResult Verify(const std::string& email, const std::string& code) {
        return client_.PostJson("/api/v1/auth/verify-email",
                                boost::json::serialize(boost::json::object{{"email", email}, {"code", code}}));
    }
    boost::json::value Ready(const std::string& username, const std::string& email) {
        return test::CreateVerifiedUser(server_, client_, username, email);
    }
    static std::string Bearer(const boost::json::value& login) {
        return "Authorization: Bearer " + std::string(login.at("access_token").as_string());
    }

    test::TestServer server_;
    test::HttpClient client_ = server_.Client();
};

TEST_F(AccountApi, SignUpVerifyLoginMe) {
    const auto signup = SignUp("Plant_Lover", "Lover@Example.com", "초록이");
    ASSERT_EQ(signup.status, 201) << signup.body;
    EXPECT_EQ(signup.Json().at("user").at("username"), "plant_lover");
    EXPECT_EQ(signup.Json().at("user").at("email_verified"), false);

    const auto unverified = client_.PostJson("/api/v1/auth/login", R"({"username":"plant_lover","password":"garden123"})");
    EXPECT_EQ(unverified.Code(), "account.email_unverified");

    const std::string code = test::VerificationCode(server_.LastMailTo("Lover@Example.com"));
    ASSERT_EQ(code.size(), 6U);
    EXPECT_EQ(Verify("lover@example.com", code == "000000" ? "111111" : "000000").Code(), "account.code_invalid");
    const auto verified = Verify("lover@example.com", code);
    ASSERT_EQ(verified.status, 200);
    EXPECT_EQ(Verify("lover@example.com", code).Code(), "account.already_verified");

    const auto login = client_.PostJson("/api/v1/auth/login", R"({"username":"PLANT_LOVER","password":"garden123"})");
    ASSERT_EQ(login.status, 200);
    const auto me = client_.Get("/api/v1/me", {Bearer(login.Json())});
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.Json().at("nickname"), "초록이");
}

TEST_F(AccountApi, NamesAreUniqueIgnoringCase) {
    ASSERT_EQ(SignUp("first_user", "one@example.com", "Green").status, 201);
    EXPECT_EQ(SignUp("FIRST_USER", "two@example.com", "Other").Code(), "account.username_taken");
    EXPECT_EQ(SignUp("second_user", "ONE@example.com", "Other").Code(), "account.email_taken");
    EXPECT_EQ(SignUp("second_user", "two@example.com", "green").Code(), "account.nickname_taken");
    const auto available = client_.Get("/api/v1/auth/availability?field=username&value=First_User").Json();
    EXPECT_EQ(available.at("available"), false);
    EXPECT_EQ(client_.Get("/api/v1/auth/availability?field=username&value=free_name").Json().at("available"), true);
    EXPECT_EQ(client_.Get("/api/v1/auth/availability?field=password&value=x").status, 422);
}

TEST_F(AccountApi, VerificationCodesExpireAndLimitAttempts) {
    ASSERT_EQ(SignUp("slow_user", "slow@example.com").status, 201);
    const std::string code = test::VerificationCode(server_.LastMailTo("slow@example.com"));
    server_.Clock().Advance(std::chrono::seconds(601));
    EXPECT_EQ(Verify("slow@example.com", code).Code(), "account.code_expired");

    // A resend issues a fresh code (and is throttled to one a minute).
    EXPECT_EQ(client_.PostJson("/api/v1/auth/verify-email/resend", R"({"email":"slow@example.com"})").status, 202);
    const auto throttled = client_.PostJson("/api/v1/auth/verify-email/resend", R"({"email":"slow@example.com"})");
    EXPECT_EQ(throttled.status, 429);
    EXPECT_FALSE(throttled.Header("retry-after").empty());
    const std::string fresh = test::VerificationCode(server_.LastMailTo("slow@example.com"));
    const std::string wrong = fresh == "123456" ? "654321" : "123456";
    for (int i = 0; i < 5; ++i) EXPECT_EQ(Verify("slow@example.com", wrong).Code(), "account.code_invalid");
    EXPECT_EQ(Verify("slow@example.com", fresh).Code(), "account.code_attempts_exceeded");
}

TEST_F(AccountApi, BadBodiesChangeNothing) {
    struct Case {
        std::string body;
        std::vector<std::string> headers;
        long status;
        std::string code;
    };
    const std::vector<Case> cases = {
        {"{not json", {"Content-Type: application/json"}, 400, "request.malformed_json"},
        {"[1,2]", {"Content-Type: application/json"}, 400, "request.malformed_json"},
        {"{\"username\":\"a\xff\"}", {"Content-Type: application/json"}, 400, "request.invalid_utf8"},
        {R"({"username":"x"})", {"Content-Type: text/plain"}, 415, "request.unsupported_media_type"},
        {R"({"username":"good_name","nickname":"닉네임","email":"g@example.com","password":"garden123","is_admin":true})",
         {"Content-Type: application/json"}, 400, "request.unknown_field"},
        {R"({"username":7,"nickname":["x"],"email":null,"password":true})", {"Content-Type: application/json"}, 422,
         "validation.failed"},
    };
    for (const auto& c : cases) {
        const auto r = client_.Request("POST", "/api/v1/auth/signup", c.body, c.headers);
        EXPECT_EQ(r.status, c.status) << c.body;
        EXPECT_EQ(r.Code(), c.code) << c.body;
        EXPECT_EQ(r.Header("content-type"), "application/problem+json");
    }
    EXPECT_EQ(server_.LastMailTo("g@example.com"), "");
    EXPECT_EQ(client_.Get("/api/v1/auth/availability?field=username&value=good_name").Json().at("available"), true);
}

TEST_F(AccountApi, ValidationListsEveryBadField) {
    const auto r = client_.PostJson("/api/v1/auth/signup",
                                    R"({"username":"ab","nickname":"x","email":"nope","password":"short"})",
                                    {"Accept-Language: en"});
    ASSERT_EQ(r.status, 422);
    EXPECT_EQ(r.Header("content-language"), "en");
    EXPECT_EQ(r.Json().at("errors").as_array().size(), 4U);
}

TEST_F(AccountApi, AccessTokensAreCheckedStrictly) {
    const auto login = Ready("token_user", "token@example.com");
    const std::string token(login.at("access_token").as_string());
    const auto payload = token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1);
    const std::string none = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
    EXPECT_EQ(client_.Get("/api/v1/me", {"Authorization: Bearer " + none}).Code(), "auth.token_invalid");
    EXPECT_EQ(client_.Get("/api/v1/me", {"Authorization: Bearer " + token + "x"}).Code(), "auth.token_invalid");
    EXPECT_EQ(client_.Get("/api/v1/me").Code(), "auth.unauthenticated");
    server_.Clock().Advance(std::chrono::seconds(901));
    EXPECT_EQ(client_.Get("/api/v1/me", {"Authorization: Bearer " + token}).Code(), "auth.token_expired");
}

TEST_F(AccountApi, RefreshRotatesAndReuseRevokesTheFamily) {
    const auto login = Ready("rotate_user", "rotate@example.com");
    const std::string first(login.at("refresh_token").as_string());
    const auto second = client_.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + first + "\"}");
    ASSERT_EQ(second.status, 200);
    const std::string next(second.Json().at("refresh_token").as_string());
    EXPECT_NE(next, first);
    // Past the grace window, replaying the spent token ends the whole session, including its successor.
    server_.Clock().Advance(std::chrono::seconds(11));
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + first + "\"}").Code(),
              "auth.refresh_reused");
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" + next + "\"}").Code(),
              "auth.refresh_invalid");
    // The access tokens handed out so far end too: one of them may be the thief's.
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(second.Json())}).Code(), "auth.token_revoked");
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(login)}).Code(), "auth.token_revoked");
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", R"({"refresh_token":"1.forged"})").Code(),
              "auth.refresh_invalid");
}

TEST_F(AccountApi, ARefreshRaceWithinTheGraceWindowKeepsTheSession) {
    const auto login = Ready("tabs_user", "tabs@example.com");
    const std::string body = R"({"refresh_token":")" + std::string(login.at("refresh_token").as_string()) + "\"}";
    const auto refresh_with = [&](const test::HttpResult& r) {
        return client_.PostJson("/api/v1/auth/refresh",
                                R"({"refresh_token":")" + std::string(r.Json().at("refresh_token").as_string()) + "\"}");
    };
    const auto first_tab = client_.PostJson("/api/v1/auth/refresh", body);
    ASSERT_EQ(first_tab.status, 200);
    server_.Clock().Advance(std::chrono::seconds(9));
    // The second tab sent the same cookie a moment later: it gets a sibling instead of ending the session.
    const auto second_tab = client_.PostJson("/api/v1/auth/refresh", body);
    ASSERT_EQ(second_tab.status, 200) << second_tab.body;
    // The browser keeps one of the two cookies and goes on with it.
    const auto next = refresh_with(second_tab);
    ASSERT_EQ(next.status, 200);
    ASSERT_EQ(refresh_with(next).status, 200);
    // The other sibling, used after the session went on without it, is a copy in someone else's hands.
    EXPECT_EQ(refresh_with(first_tab).Code(), "auth.refresh_reused");
    EXPECT_EQ(refresh_with(next).Code(), "auth.refresh_invalid");
}

TEST_F(AccountApi, AReplayAfterTheSuccessorWasUsedEndsTheSessionEvenInsideTheGraceWindow) {
    const auto login = Ready("quick_user", "quick@example.com");
    const std::string body = R"({"refresh_token":")" + std::string(login.at("refresh_token").as_string()) + "\"}";
    const auto second = client_.PostJson("/api/v1/auth/refresh", body);
    ASSERT_EQ(second.status, 200);
    const std::string next_body = R"({"refresh_token":")" + std::string(second.Json().at("refresh_token").as_string()) + "\"}";
    const auto third = client_.PostJson("/api/v1/auth/refresh", next_body);
    ASSERT_EQ(third.status, 200);
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", body).Code(), "auth.refresh_reused");
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh",
                               R"({"refresh_token":")" + std::string(third.Json().at("refresh_token").as_string()) + "\"}")
                  .Code(),
              "auth.refresh_invalid");
}

TEST_F(AccountApi, CookieSessionsNeedTheCsrfHeaderAndLogoutRevokes) {
    Ready("cookie_user", "cookie@example.com");
    const auto login = client_.PostJson("/api/v1/auth/login",
                                        R"({"username":"cookie_user","password":"garden123","session":"cookie"})");
    ASSERT_EQ(login.status, 200);
    EXPECT_FALSE(login.Json().as_object().contains("refresh_token"));
    const auto cookie = login.Header("set-cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(client_.Request("POST", "/api/v1/auth/refresh").Code(), "request.csrf_header_missing");
    EXPECT_EQ(client_.Request("POST", "/api/v1/auth/refresh", "", {"X-Sikgu-Csrf: 1"}).status, 200);
    EXPECT_EQ(client_.Request("POST", "/api/v1/auth/logout", "{}", {"X-Sikgu-Csrf: 1", "Content-Type: application/json"})
                  .status,
              204);
    EXPECT_EQ(client_.Request("POST", "/api/v1/auth/refresh", "", {"X-Sikgu-Csrf: 1"}).status, 401);
}

TEST_F(AccountApi, FailedLoginsAreThrottled) {
    Ready("target_user", "target@example.com");
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(client_.PostJson("/api/v1/auth/login", R"({"username":"target_user","password":"wrong1234"})").Code(),
                  "auth.invalid_credentials");
    }
    const auto blocked = client_.PostJson("/api/v1/auth/login", R"({"username":"target_user","password":"garden123"})");
    EXPECT_EQ(blocked.status, 429);
    EXPECT_FALSE(blocked.Header("retry-after").empty());
    server_.Clock().Advance(std::chrono::seconds(15 * 60 + 1));
    EXPECT_EQ(client_.PostJson("/api/v1/auth/login", R"({"username":"target_user","password":"garden123"})").status,
              200);
}

TEST(AccountThrottle, BehindATrustedProxyEachClientHasItsOwnBudget) {
    test::TestServer server("", {{"core.http.trusted_proxies", "127.0.0.1"}});
    auto client = server.Client();
    const auto fail = [&](const std::string& forwarded, int i) {
        return client.PostJson("/api/v1/auth/login",
                               R"({"username":"nobody_)" + std::to_string(i) + R"(","password":"wrong1234"})",
                               {"X-Forwarded-For: " + forwarded});
    };
    for (int i = 0; i < 20; ++i) EXPECT_EQ(fail("203.0.113.7", i).status, 401);
    EXPECT_EQ(fail("203.0.113.7", 99).status, 429);
    EXPECT_EQ(fail("198.51.100.1", 99).status, 401);  // another client is not blocked
    // A spoofed left-most entry does not help: the proxy appends the real peer.
    EXPECT_EQ(fail("198.51.100.9, 203.0.113.7", 100).status, 429);
}

TEST(AccountThrottle, ForwardedForIsIgnoredFromUntrustedPeers) {
    test::TestServer server;
    auto client = server.Client();
    for (int i = 0; i < 20; ++i) {
        client.PostJson("/api/v1/auth/login", R"({"username":"x_)" + std::to_string(i) + R"(","password":"wrong1234"})",
                        {"X-Forwarded-For: 203.0.113." + std::to_string(i)});
    }
    EXPECT_EQ(client.PostJson("/api/v1/auth/login", R"({"username":"y_1","password":"wrong1234"})",
                              {"X-Forwarded-For: 192.0.2.1"})
                  .status,
              429);
}

TEST_F(AccountApi, RecoveryDoesNotRevealAccountsAndResetsOnce) {
    Ready("forgetful", "forget@example.com");
    EXPECT_EQ(client_.PostJson("/api/v1/auth/find-username", R"({"email":"nobody@example.com"})").status, 202);
    EXPECT_EQ(client_.PostJson("/api/v1/auth/find-username", R"({"email":"forget@example.com"})").status, 202);
    EXPECT_NE(server_.LastMailTo("forget@example.com").find("forgetful"), std::string::npos);

    EXPECT_EQ(client_.PostJson("/api/v1/auth/password-reset", R"({"email":"forget@example.com"})").status, 202);
    const std::string mail = server_.LastMailTo("forget@example.com");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(mail, m, std::regex("token=([A-Za-z0-9_-]+)")));
    const std::string token = m[1];
    const std::string body = R"({"token":")" + token + R"(","new_password":"newgarden1"})";
    EXPECT_EQ(client_.PostJson("/api/v1/auth/password-reset/confirm", body).status, 204);
    EXPECT_EQ(client_.PostJson("/api/v1/auth/password-reset/confirm", body).Code(), "account.reset_token_invalid");
    EXPECT_EQ(client_.PostJson("/api/v1/auth/login", R"({"username":"forgetful","password":"garden123"})").status, 401);
    EXPECT_EQ(client_.PostJson("/api/v1/auth/login", R"({"username":"forgetful","password":"newgarden1"})").status, 200);
}

TEST_F(AccountApi, MyPageRenamesChangesPasswordAndDeletes) {
    const auto login = Ready("mypage_user", "mypage@example.com");
    Ready("other_user", "other@example.com");
    const auto renamed = client_.Request("PATCH", "/api/v1/me", R"({"nickname":"새싹"})",
                                         {Bearer(login), "Content-Type: application/json"});
    ASSERT_EQ(renamed.status, 200);
    EXPECT_EQ(renamed.Json().at("nickname"), "새싹");
    const auto clash = client_.Request("PATCH", "/api/v1/me", R"({"nickname":"닉other_user"})",
                                       {Bearer(login), "Content-Type: application/json"});
    EXPECT_EQ(clash.Code(), "account.nickname_taken");

    const auto other_device =
        client_.PostJson("/api/v1/auth/login", R"({"username":"mypage_user","password":"garden123"})").Json();
    EXPECT_EQ(client_.PostJson("/api/v1/me/password", R"({"current_password":"wrong","new_password":"garden456"})",
                               {Bearer(login)})
                  .status,
              401);
    const auto changed = client_.PostJson(
        "/api/v1/me/password", R"({"current_password":"garden123","new_password":"garden456"})", {Bearer(login)});
    ASSERT_EQ(changed.status, 200);
    // Every session ends with a password change: refresh tokens and live access tokens, the asking
    // session's own included; the asking device carries on with the session in the response.
    const auto refresh_body = [](const boost::json::value& session) {
        return R"({"refresh_token":")" + std::string(session.at("refresh_token").as_string()) + "\"}";
    };
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", refresh_body(other_device)).status, 401);
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(other_device)}).Code(), "auth.token_revoked");
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(login)}).Code(), "auth.token_revoked");
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", refresh_body(login)).status, 401);
    const auto fresh = changed.Json();
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(fresh)}).status, 200);
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", refresh_body(fresh)).status, 200);
    EXPECT_EQ(client_.PostJson("/api/v1/auth/login", R"({"username":"mypage_user","password":"garden456"})").status,
              200);

    // An account with a password cannot skip it with the confirmation meant for Kakao-only accounts.
    const auto confirm_only = client_.Request("DELETE", "/api/v1/me", R"({"confirm":"delete"})",
                                              {Bearer(fresh), "Content-Type: application/json"});
    EXPECT_EQ(confirm_only.status, 422);
    EXPECT_EQ(confirm_only.Json().at("errors").at(0).at("field"), "password");
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/me", R"({"password":"garden123","confirm":"delete"})",
                              {Bearer(fresh), "Content-Type: application/json"})
                  .Code(),
              "auth.invalid_credentials");
    EXPECT_EQ(client_.Request("DELETE", "/api/v1/me", R"({"password":"garden456"})",
                              {Bearer(fresh), "Content-Type: application/json"})
                  .status,
              204);
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(fresh)}).Code(), "auth.token_revoked");
    EXPECT_EQ(client_.Get("/api/v1/auth/availability?field=username&value=mypage_user").Json().at("available"), true);
}

// A thief who copied a refresh token of the asking device and refreshed it holds a token of the same family:
// the password change must log that copy out too.
TEST_F(AccountApi, APasswordChangeEndsAStolenCopyOfTheAskingSession) {
    const auto victim = Ready("stolen_user", "stolen@example.com");
    const auto thief = client_.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" +
                                                                    std::string(victim.at("refresh_token").as_string()) +
                                                                    "\"}");
    ASSERT_EQ(thief.status, 200);
    const auto changed = client_.PostJson("/api/v1/me/password",
                                          R"({"current_password":"garden123","new_password":"garden789","session":"cookie"})",
                                          {Bearer(victim)});
    ASSERT_EQ(changed.status, 200) << changed.body;
    // The asking device carries on with a new session: a new access token, and the refresh cookie.
    EXPECT_FALSE(changed.Json().as_object().contains("refresh_token"));
    EXPECT_NE(changed.Header("set-cookie").find("sikgu_refresh="), std::string::npos);
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(changed.Json())}).status, 200);
    // The thief's copy of the old family is dead, and so is its access token.
    EXPECT_EQ(client_.PostJson("/api/v1/auth/refresh", R"({"refresh_token":")" +
                                                           std::string(thief.Json().at("refresh_token").as_string()) +
                                                           "\"}")
                  .status,
              401);
    EXPECT_EQ(client_.Get("/api/v1/me", {Bearer(thief.Json())}).Code(), "auth.token_revoked");
    auto& db = server_.App().DatabaseOf("account");
    const auto live = db.WriteNow([](sql::Connection& c) {
        return c.Query("SELECT family_id FROM refresh_tokens WHERE revoked_at IS NULL AND used_at IS NULL");
    });
    ASSERT_EQ(live.size(), 1U);  // only the new session's token
}

// Guessing the current password with a stolen access token is throttled like logging in.
TEST_F(AccountApi, PasswordChangeGuessesShareTheLoginBudget) {
    const auto login = Ready("guessed_user", "guessed@example.com");
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(client_.PostJson("/api/v1/me/password", R"({"current_password":"wrong)" + std::to_string(i) +
                                                                 R"(","new_password":"garden456"})",
                                   {Bearer(login)})
                      .Code(),
                  "auth.invalid_credentials");
    }
    EXPECT_EQ(client_.PostJson("/api/v1/me/password", R"({"current_password":"garden123","new_password":"garden456"})",
                               {Bearer(login)})
                  .status,
              429);
}

TEST_F(AccountApi, NoResponseEverContainsAPasswordHash) {
    const auto login = Ready("hash_user", "hash@example.com");
    for (const auto& body : {client_.Get("/api/v1/me", {Bearer(login)}).body, boost::json::serialize(login)}) {
        EXPECT_EQ(body.find("argon2"), std::string::npos);
        EXPECT_EQ(body.find("password"), std::string::npos);
    }
}

TEST_F(AccountApi, RenamesArePublishedThroughTheOutbox) {
    const auto login = Ready("event_user", "event@example.com");
    client_.Request("PATCH", "/api/v1/me", R"({"nickname":"이벤트"})", {Bearer(login), "Content-Type: application/json"});
    auto& db = server_.App().DatabaseOf("account");
    const auto rows = db.WriteNow([](sql::Connection& c) { return c.Query("SELECT type, data FROM outbox ORDER BY id"); });
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0][0].AsText(), "user.created");
    EXPECT_EQ(rows[1][0].AsText(), "user.renamed");
    EXPECT_NE(rows[1][1].AsText().find("이벤트"), std::string::npos);
}

}  // namespace
}  // namespace sikgu::account
