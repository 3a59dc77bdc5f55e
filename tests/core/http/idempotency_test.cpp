#include "core/http/idempotency.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "core/http/json_body.hpp"
#include "core/runtime/module.hpp"
#include "core/sql/database.hpp"
#include "support/test_server.hpp"

namespace sikgu::http {
namespace {

std::atomic<int> g_explosions{0};
std::atomic<int> g_checks{0};
std::atomic<bool> g_in_stock{true};

// POST /api/v1/test/orders {"item": "..."} creates an order, once per Idempotency-Key.
class OrdersModule final : public runtime::Module, public Handler {
public:
    explicit OrdersModule(runtime::ServiceContext& context) : context_(context) {}
    void Register(runtime::Registry& r) override {
        static constexpr EmbeddedFile kMigrations[] = {
            {"V001__create_orders.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, item TEXT NOT NULL)"}};
        r.AddMigrations(kMigrations);
        r.AddRoute({Verb::kPost, "/api/v1/test/orders", Auth::kUser, {.idempotency = Idempotency::kRequired}}, *this);
    }
    core::Task<Response> Handle(Request& request) const override {
        JsonBody body(request);
        const std::string item = body.String("item", {.max_chars = 20});
        if (auto problem = body.Finish()) co_return std::move(*problem);
        const std::int64_t user = request.User();
        // Stands for asking another service before the effect (is the item in stock?).
        const IdempotencyKeys::Check check = [&]() -> core::Task<std::optional<Response>> {
            ++g_checks;
            if (item == "seasonal" && !g_in_stock) co_return Problem::Conflict("route.not_found");
            co_return std::nullopt;
        };
        co_return co_await context_.idempotency.Run(request, check, [&](sql::Transaction& tx) {
            if (item == "explode" && g_explosions++ == 0) throw std::runtime_error("first attempt fails");
            if (item == "sold-out") return Problem::Conflict("route.not_found");  // any refusal, stored like a success
            const std::int64_t id = tx.NextId();
            tx.Execute("INSERT INTO orders (id, user_id, item) VALUES (?, ?, ?)", {id, user, item});
            Response created = Json(201, boost::json::object{{"id", std::to_string(id)}, {"item", item}});
            created.SetHeader("Location", "/api/v1/test/orders/" + std::to_string(id));
            return created;
        });
    }

private:
    runtime::ServiceContext& context_;
};

std::unique_ptr<runtime::Module> MakeOrders(runtime::ServiceContext& c) { return std::make_unique<OrdersModule>(c); }
const std::vector<runtime::ModuleEntry> kOrders = {{"orders", &MakeOrders}};

class Idempotency : public ::testing::Test {
protected:
    test::HttpResult Order(test::HttpClient& client, const boost::json::value& login, const std::string& key,
                           const std::string& item) {
        std::vector<std::string> headers{"Authorization: Bearer " + std::string(login.at("access_token").as_string())};
        if (!key.empty()) headers.push_back("Idempotency-Key: " + key);
        return client.PostJson("/api/v1/test/orders", R"({"item":")" + item + "\"}", headers);
    }
    std::int64_t Orders() {
        return server_.App().DatabaseOf("orders").ReadNow(
            [](sql::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM orders")->at(0).AsInt(); });
    }

    test::TestServer server_{"", {}, kOrders};
    test::HttpClient client_ = server_.Client();
    boost::json::value alice_ = test::CreateVerifiedUser(server_, client_, "alice_idem", "alice@example.com");
};

TEST_F(Idempotency, TheSameKeyAndBodyGetTheStoredResponseAndOneEffect) {
    const auto first = Order(client_, alice_, "key-1", "monstera");
    ASSERT_EQ(first.status, 201) << first.body;
    const auto again = Order(client_, alice_, "key-1", "monstera");
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.Header("location"), first.Header("location"));
    EXPECT_EQ(again.Header("idempotent-replayed"), "true");
    EXPECT_EQ(Orders(), 1);
    // Another body under the same key is refused, and changes nothing.
    EXPECT_EQ(Order(client_, alice_, "key-1", "pothos").Code(), "idempotency.key_reused");
    EXPECT_EQ(Orders(), 1);
    // Another key is another order; another user's key of the same name is theirs.
    EXPECT_EQ(Order(client_, alice_, "key-2", "monstera").status, 201);
    const auto bob = test::CreateVerifiedUser(server_, client_, "bob_idem", "bob@example.com");
    EXPECT_EQ(Order(client_, bob, "key-1", "monstera").status, 201);
    EXPECT_EQ(Orders(), 3);
}

TEST_F(Idempotency, KeysAreRequiredAndChecked) {
    EXPECT_EQ(Order(client_, alice_, "", "monstera").Code(), "idempotency.key_required");
    EXPECT_EQ(Order(client_, alice_, std::string(256, 'k'), "monstera").Code(), "idempotency.key_invalid");
    EXPECT_EQ(Order(client_, alice_, "has space", "monstera").Code(), "idempotency.key_invalid");
    EXPECT_EQ(Orders(), 0);
}

TEST_F(Idempotency, ARefusalIsStoredAndAFailureFreesTheKey) {
    const auto refused = Order(client_, alice_, "refused", "sold-out");
    EXPECT_EQ(refused.status, 409);
    const auto replayed = client_.PostJson("/api/v1/test/orders", R"({"item":"sold-out"})",
                                           {"Authorization: Bearer " + std::string(alice_.at("access_token").as_string()),
                                            "Idempotency-Key: refused", "Accept-Language: en"});
    EXPECT_EQ(replayed.status, 409);
    EXPECT_EQ(replayed.Code(), "route.not_found");
    EXPECT_EQ(replayed.Header("content-language"), "en");  // rendered again for this caller
    g_explosions = 0;
    EXPECT_EQ(Order(client_, alice_, "flaky", "explode").status, 500);
    EXPECT_EQ(Orders(), 0);
    EXPECT_EQ(Order(client_, alice_, "flaky", "explode").status, 201);  // the key was released
    EXPECT_EQ(Orders(), 1);
}

TEST_F(Idempotency, TheCheckRunsUnderTheClaimAndItsRefusalIsNotStored) {
    g_checks = 0;
    ASSERT_EQ(Order(client_, alice_, "checked", "monstera").status, 201);
    EXPECT_EQ(Order(client_, alice_, "checked", "monstera").Header("idempotent-replayed"), "true");
    EXPECT_EQ(g_checks, 1) << "a replay does not check again";
    g_in_stock = false;
    EXPECT_EQ(Order(client_, alice_, "season", "seasonal").status, 409);
    EXPECT_EQ(Orders(), 1);
    g_in_stock = true;
    const auto later = Order(client_, alice_, "season", "seasonal");
    EXPECT_EQ(later.status, 201) << "the check's refusal freed the key";
    EXPECT_TRUE(later.Header("idempotent-replayed").empty());
    EXPECT_EQ(Orders(), 2);
    EXPECT_EQ(Order(client_, alice_, "", "monstera").status, 400);
}

// 1,000 copies of one request at once: one order; every answer is that order or "still in progress".
TEST_F(Idempotency, AThousandConcurrentDuplicatesMakeOneOrder) {
    std::atomic<int> next{0};
    std::mutex mutex;
    std::map<long, int> statuses;
    std::set<std::string> bodies;
    std::vector<std::thread> threads;
    for (int t = 0; t < 32; ++t) {
        threads.emplace_back([&] {
            test::HttpClient client(server_.Port());
            while (next++ < 1000) {
                const auto r = Order(client, alice_, "the-one", "fern");
                std::lock_guard lock(mutex);
                ++statuses[r.status];
                if (r.status == 201) bodies.insert(r.body);
                if (r.status == 409) {
                    EXPECT_EQ(r.Code(), "idempotency.in_progress");
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(Orders(), 1);
    EXPECT_GE(statuses[201], 1);
    EXPECT_EQ(statuses[201] + statuses[409], 1000) << "only 201 or 409";
    EXPECT_EQ(bodies.size(), 1U) << "every 201 is the same order";
    // Afterwards every copy gets the stored order.
    EXPECT_EQ(Order(client_, alice_, "the-one", "fern").body, *bodies.begin());
}

}  // namespace
}  // namespace sikgu::http
