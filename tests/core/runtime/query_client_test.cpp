#include "core/runtime/query_client.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "core/auth/service_credentials.hpp"
#include "core/config/config.hpp"
#include "core/http/handler.hpp"
#include "core/runtime/module.hpp"
#include "services/plant/contract/plant_queries.hpp"
#include "support/service_process.hpp"
#include "support/test_server.hpp"

namespace sikgu::runtime {
namespace {
using namespace std::chrono_literals;

const std::string kServiceSecret(48, 'q');
const std::string kJwtSecret(48, 'j');

// A test module that reads the plant service through its contract, as the marketplace will.
class ShelfModule final : public Module, public http::Handler {
public:
    explicit ShelfModule(ServiceContext& context) : plants_(context.peers.Query("plant")) {}
    void Register(Registry& r) override {
        r.AddRoute({http::Verb::kGet, "/api/v1/test/shelf/{id:int}", http::Auth::kPublic}, *this);
    }
    core::Task<http::Response> Handle(http::Request& request) const override {
        const std::int64_t id = request.PathInt("id");
        const auto species = co_await plants_.FindSpecies(id);
        if (!species) co_return http::Problem::NotFound("plant.not_found");
        const std::vector<std::int64_t> pair{id, 1};  // 1 is no species: left out of the batch
        const auto batch = co_await plants_.FindSpeciesBatch(pair);
        boost::json::array names;
        for (const auto& s : batch) names.emplace_back(s.name_ko);
        co_return http::Json(boost::json::object{{"species", species->ToJson()}, {"batch", std::move(names)}});
    }

private:
    plant::PlantQueries plants_;
};

std::unique_ptr<Module> MakeShelf(ServiceContext& c) { return std::make_unique<ShelfModule>(c); }
constexpr std::string_view kShelfNeeds[] = {"plant"};
const std::vector<ModuleEntry> kShelf = {{"shelf", &MakeShelf, kShelfNeeds}};

const std::map<std::string, std::string> kSecrets = {{"core.auth.service_secret", kServiceSecret},
                                                     {"core.auth.jwt_secret", kJwtSecret}};

TEST(QueryClient, InternalRoutesTakeOnlyAServiceCredential) {
    test::TestServer server("", kSecrets);
    auto client = server.Client();
    EXPECT_EQ(client.Get("/internal/v1/plant/species/16449").Code(), "auth.service_credential_required");
    const auto login = test::CreateVerifiedUser(server, client, "internal_probe", "probe@example.com");
    EXPECT_EQ(client.Get("/internal/v1/plant/species/16449",
                         {"Authorization: Bearer " + std::string(login.at("access_token").as_string())})
                  .Code(),
              "auth.service_credential_required");
    auth::ServiceCredentials forged(std::string(48, 'x'), server.Clock());
    EXPECT_EQ(client.Get("/internal/v1/plant/species/16449", {"Authorization: Service " + forged.For("market")}).status, 401);
    auth::ServiceCredentials real(kServiceSecret, server.Clock());
    const auto species = client.Get("/internal/v1/plant/species/16449", {"Authorization: Service " + real.For("market")});
    ASSERT_EQ(species.status, 200) << species.body;
    EXPECT_EQ(species.Json().at("name_ko"), "몬스테라");
    EXPECT_EQ(client.Get("/internal/v1/plant/species?ids=x", {"Authorization: Service " + real.For("market")}).status, 422);
    EXPECT_EQ(client.Get("/internal/v1/nothing").status, 404);  // never the web app's index.html
}

// In one process the query goes through the plant service's pipeline: no socket, and it is counted as a
// call between services, not as outside traffic.
TEST(QueryClient, InProcessReadsAreNotOutsideTraffic) {
    test::TestServer server("", kSecrets, kShelf);
    auto client = server.Client();
    const auto shelf = client.Get("/api/v1/test/shelf/16449");
    ASSERT_EQ(shelf.status, 200) << shelf.body;
    EXPECT_EQ(shelf.Json().at("species").at("name_ko"), "몬스테라");
    EXPECT_EQ(shelf.Json().at("batch"), boost::json::array({"몬스테라"}));
    EXPECT_EQ(client.Get("/api/v1/test/shelf/1").Code(), "plant.not_found");
    const auto metrics = client.Get("/metrics").body;
    EXPECT_NE(metrics.find(R"(sikgu_query_requests_total{caller="shelf",outcome="ok",target="plant",transport="in-process"} 3)"),
              std::string::npos)
        << metrics;
    EXPECT_EQ(metrics.find("route=\"/internal/v1/plant/species"), std::string::npos);
}

// Two processes: the plant service in its own (the real binary), the reader in this one, over HTTP with a
// service credential. The answer is the same as all-in-one; with the owner gone it is a clear 503.
TEST(QueryClient, OverHttpTheSameAnswerAndA503WhenTheOwnerIsDown) {
    test::TestServer all_in_one("", kSecrets, kShelf);
    const auto expected = all_in_one.Client().Get("/api/v1/test/shelf/16449");
    ASSERT_EQ(expected.status, 200);

    test::ServiceProcess plant({"plant"}, kSecrets);
    auto env = kSecrets;
    env["core.peers.plant"] = plant.Url();
    test::TestServer reader(test::TestServer::Options{.env = env, .extra_modules = kShelf, .services = {"account", "shelf"}});
    auto client = reader.Client();
    const auto split = client.Get("/api/v1/test/shelf/16449");
    ASSERT_EQ(split.status, 200) << split.body;
    EXPECT_EQ(split.Json(), expected.Json());
    EXPECT_EQ(client.Get("/api/v1/test/shelf/1").Code(), "plant.not_found");
    const auto metrics = client.Get("/metrics").body;
    EXPECT_NE(metrics.find(R"(transport="http")"), std::string::npos);

    plant.Kill();
    const auto down = client.Get("/api/v1/test/shelf/16449");
    EXPECT_EQ(down.status, 503);
    EXPECT_EQ(down.Code(), "service.unavailable");
    EXPECT_FALSE(down.Header("retry-after").empty());
}

TEST(QueryClient, ANeedThatIsNeitherLocalNorConfiguredIsAStartUpError) {
    EXPECT_THROW(test::TestServer(test::TestServer::Options{.env = kSecrets, .extra_modules = kShelf, .services = {"shelf"}}),
                 config::ConfigError);
}

}  // namespace
}  // namespace sikgu::runtime
