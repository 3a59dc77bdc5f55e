#include <boost/json.hpp>

#include <algorithm>

#include "core/http/json_body.hpp"
#include "core/http/query_params.hpp"
#include "services/notify/api/notify_api.hpp"

namespace sikgu::notify {
namespace {

boost::json::object UnreadJson(std::int64_t unread) { return {{"unread", unread}}; }

}  // namespace

core::Task<http::Response> ListHandler::Handle(http::Request& request) const {
    std::vector<http::FieldError> errors;
    const std::int64_t limit = http::IntQuery(request, "limit", 1, Limits::kPageMax, errors).value_or(Limits::kPageDefault);
    std::optional<std::int64_t> before;
    if (const auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
        before = ParseEventId(*cursor);
        if (!before) errors.push_back({"cursor", "validation.invalid_value"});
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));

    const std::int64_t user = request.User();
    const std::vector<Notification> page = co_await deps_.store.Page(user, before, limit + 1);
    const std::int64_t unread = co_await deps_.store.Unread(user);
    const bool more = static_cast<std::int64_t>(page.size()) > limit;
    const http::Language language = request.GetLanguage();
    boost::json::array items;
    for (std::size_t i = 0; i < page.size() && static_cast<std::int64_t>(i) < limit; ++i) {
        items.push_back(NotificationJson(page[i], language));
    }
    boost::json::object json{{"items", std::move(items)}, {"unread", unread}};
    json["next_cursor"] = more ? boost::json::value(std::to_string(page[limit - 1].seq)) : boost::json::value(nullptr);
    co_return http::Json(json);
}

core::Task<http::Response> UnreadCountHandler::Handle(http::Request& request) const {
    const std::int64_t unread = co_await deps_.store.Unread(request.User());
    co_return http::Json(UnreadJson(unread));
}

core::Task<http::Response> MarkReadHandler::Handle(http::Request& request) const {
    const std::int64_t user = request.User();
    const auto unread = co_await deps_.store.MarkRead(user, request.PathInt("id"));
    if (!unread) co_return http::Problem::NotFound("notify.not_found");
    deps_.hub.UnreadChanged(user, *unread);
    co_return http::Json(UnreadJson(*unread));
}

core::Task<http::Response> MarkAllReadHandler::Handle(http::Request& request) const {
    // `up_to`: the newest notification the reader has seen, so one that arrives meanwhile stays unread.
    std::optional<std::int64_t> up_to;
    if (!request.body.empty()) {
        http::JsonBody body(request);
        up_to = body.OptionalId("up_to");
        if (auto problem = body.Finish()) co_return std::move(*problem);
    }
    const std::int64_t user = request.User();
    const std::int64_t unread = co_await deps_.store.MarkAllRead(user, up_to);
    deps_.hub.UnreadChanged(user, unread);
    co_return http::Json(UnreadJson(unread));
}

core::Task<http::Response> RemoveHandler::Handle(http::Request& request) const {
    const std::int64_t user = request.User();
    const auto unread = co_await deps_.store.Remove(user, request.PathInt("id"));
    if (!unread) co_return http::Problem::NotFound("notify.not_found");
    deps_.hub.UnreadChanged(user, *unread);
    co_return http::NoContent();
}

namespace {

boost::json::object SettingsJson(const std::vector<Kind>& muted) {
    boost::json::array types;
    for (const Kind kind : kKinds) types.emplace_back(KindName(kind));
    boost::json::array names;
    for (const Kind kind : muted) names.emplace_back(KindName(kind));
    return {{"types", std::move(types)}, {"muted", std::move(names)}};
}

}  // namespace

core::Task<http::Response> SettingsHandler::Handle(http::Request& request) const {
    const std::vector<Kind> muted = co_await deps_.store.Mutes(request.User());
    co_return http::Json(SettingsJson(muted));
}

core::Task<http::Response> SetSettingsHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    std::vector<Kind> muted;
    const auto names = body.OptionalStringList("muted", kKinds.size(), 20);
    if (!names && !body.HasError("muted")) body.AddError("muted", "validation.required");
    for (const std::string& name : names.value_or(std::vector<std::string>{})) {
        const auto kind = ParseKind(name);
        if (!kind) {
            body.AddError("muted", "validation.invalid_value");
            break;
        }
        muted.push_back(*kind);
    }
    if (auto problem = body.Finish()) co_return std::move(*problem);
    std::sort(muted.begin(), muted.end());
    const std::int64_t user = request.User();
    co_await deps_.store.SetMutes(user, muted);
    co_return http::Json(SettingsJson(muted));
}

}  // namespace sikgu::notify
