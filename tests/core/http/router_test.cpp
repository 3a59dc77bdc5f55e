#include "core/http/router.hpp"

#include <gtest/gtest.h>

namespace sikgu::http {
namespace {

class NullHandler final : public Handler {
public:
    core::Task<Response> Handle(Request&) const override { co_return NoContent(); }
};

TEST(Router, MatchesLiteralAndTypedParameters) {
    NullHandler h;
    Router router;
    router.Add({Verb::kGet, "/api/v1/plants", Auth::kPublic}, h);
    router.Add({Verb::kGet, "/api/v1/plants/{id:int}", Auth::kPublic}, h);
    router.Add({Verb::kGet, "/api/v1/tags/{name}", Auth::kPublic}, h);

    auto m = router.Find(Verb::kGet, "/api/v1/plants/16449");
    ASSERT_EQ(m.outcome, Router::Outcome::kFound);
    EXPECT_EQ(m.route->spec.pattern, "/api/v1/plants/{id:int}");
    ASSERT_EQ(m.params.size(), 1U);
    EXPECT_EQ(m.params[0].second, "16449");

    EXPECT_EQ(router.Find(Verb::kGet, "/api/v1/plants/abc").outcome, Router::Outcome::kNotFound);
    EXPECT_EQ(router.Find(Verb::kGet, "/api/v1/plants/99999999999999999999").outcome, Router::Outcome::kNotFound);
    EXPECT_EQ(router.Find(Verb::kGet, "/api/v1/tags/몬스테라").outcome, Router::Outcome::kFound);
    EXPECT_EQ(router.Find(Verb::kGet, "/api/v1/tags/").outcome, Router::Outcome::kNotFound);
}

TEST(Router, ReportsAllowedMethods) {
    NullHandler h;
    Router router;
    router.Add({Verb::kGet, "/api/v1/me", Auth::kUser}, h);
    router.Add({Verb::kPatch, "/api/v1/me", Auth::kUser}, h);
    const auto m = router.Find(Verb::kPost, "/api/v1/me");
    EXPECT_EQ(m.outcome, Router::Outcome::kMethodNotAllowed);
    EXPECT_EQ(m.allowed.size(), 2U);
    EXPECT_EQ(router.Find(Verb::kHead, "/api/v1/me").outcome, Router::Outcome::kFound);
}

TEST(Router, RejectsDuplicateRoutes) {
    NullHandler h;
    Router router;
    router.Add({Verb::kGet, "/x", Auth::kPublic}, h);
    EXPECT_THROW(router.Add({Verb::kGet, "/x", Auth::kPublic}, h), std::logic_error);
}

}  // namespace
}  // namespace sikgu::http
