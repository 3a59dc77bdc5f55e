#include <boost/json.hpp>

#include <charconv>

#include "core/http/json_body.hpp"
#include "core/http/query_params.hpp"
#include "services/chat/api/chat_api.hpp"

namespace sikgu::chat {
namespace {

// A room list cursor: "<last_at>.<id>" of the last room shown.
std::optional<std::pair<std::int64_t, std::int64_t>> DecodeRoomCursor(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::int64_t at = 0;
    std::int64_t id = 0;
    const auto a = std::from_chars(text.data(), text.data() + dot, at);
    const auto b = std::from_chars(text.data() + dot + 1, text.data() + text.size(), id);
    if (a.ec != std::errc{} || a.ptr != text.data() + dot || b.ec != std::errc{} || b.ptr != text.data() + text.size() ||
        at < 0 || id <= 0) {
        return std::nullopt;
    }
    return std::pair{at, id};
}

http::Response Refused(const Refusal& r) { return http::Problem::Make(r.status, r.code); }

}  // namespace

core::Task<http::Response> OpenRoomHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const auto listing_id = body.OptionalId("listing_id");
    if (!listing_id && !body.HasError("listing_id")) body.AddError("listing_id", "validation.required");
    if (auto problem = body.Finish()) co_return std::move(*problem);

    const std::int64_t buyer = request.User();
    const auto listing = co_await deps_.market.FindListing(*listing_id);
    if (!listing || (!listing->open && listing->seller_id != buyer)) co_return http::Problem::NotFound("chat.listing_not_found");
    if (listing->seller_id == buyer) co_return http::Problem::Make(422, "chat.own_listing");
    const auto existing = co_await deps_.store.FindRoomOf(listing->id, buyer);
    if (!existing && listing->state == "sold") co_return http::Problem::Make(409, "chat.listing_sold");
    const OpenedRoom opened = co_await deps_.store.OpenRoom(*listing, buyer);
    const auto summary = co_await deps_.store.Summary(buyer, opened.room.id);
    co_return http::Json(opened.created ? 201 : 200, RoomJson(*summary, buyer));
}

core::Task<http::Response> ListRoomsHandler::Handle(http::Request& request) const {
    std::vector<http::FieldError> errors;
    const std::int64_t limit = http::IntQuery(request, "limit", 1, Limits::kRoomsMax, errors).value_or(Limits::kRoomsDefault);
    const auto listing = http::IntQuery(request, "listing_id", 1, INT64_MAX, errors);
    std::optional<std::pair<std::int64_t, std::int64_t>> before;
    if (const auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
        before = DecodeRoomCursor(*cursor);
        if (!before) errors.push_back({"cursor", "validation.invalid_value"});
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));

    const std::int64_t user = request.User();
    const std::vector<RoomSummary> rooms = co_await deps_.store.Rooms(user, listing, before, limit + 1);
    boost::json::array items;
    const std::size_t shown = std::min<std::size_t>(rooms.size(), static_cast<std::size_t>(limit));
    for (std::size_t i = 0; i < shown; ++i) items.push_back(RoomJson(rooms[i], user));
    boost::json::object json{{"items", std::move(items)}};
    json["next_cursor"] = nullptr;
    if (rooms.size() > shown) {
        const RoomSummary& last = rooms[shown - 1];
        const std::int64_t last_at = last.last_message ? last.last_message->created_at : last.room.created_at;
        json["next_cursor"] = std::to_string(last_at) + "." + std::to_string(last.room.id);
    }
    co_return http::Json(json);
}

core::Task<http::Response> GetRoomHandler::Handle(http::Request& request) const {
    const std::int64_t user = request.User();
    const auto summary = co_await deps_.store.Summary(user, request.PathInt("id"));
    if (!summary) co_return http::Problem::NotFound("chat.room_not_found");
    boost::json::object json = RoomJson(*summary, user);
    boost::json::array present;
    for (const std::int64_t who : deps_.hub.PresentIn(summary->room.id)) present.emplace_back(std::to_string(who));
    json["present"] = std::move(present);
    co_return http::Json(json);
}

core::Task<http::Response> HistoryHandler::Handle(http::Request& request) const {
    std::vector<http::FieldError> errors;
    const std::int64_t limit =
        http::IntQuery(request, "limit", 1, Limits::kHistoryMax, errors).value_or(Limits::kHistoryDefault);
    const auto after = http::IntQuery(request, "after", 0, INT64_MAX, errors);
    const auto before = http::IntQuery(request, "before", 1, INT64_MAX, errors);
    if (after && before) errors.push_back({"before", "validation.invalid_value"});
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));

    const std::int64_t room_id = request.PathInt("id");
    const auto room = co_await deps_.store.FindRoom(room_id);
    if (!room || !room->IsMember(request.User())) co_return http::Problem::NotFound("chat.room_not_found");
    const std::vector<Message> page = co_await deps_.store.History(room_id, after, before, limit + 1);
    const bool more = static_cast<std::int64_t>(page.size()) > limit;
    boost::json::array items;
    for (std::size_t i = 0; i < page.size() && static_cast<std::int64_t>(i) < limit; ++i) items.push_back(MessageJson(page[i]));
    co_return http::Json(boost::json::object{{"items", std::move(items)}, {"more", more}, {"last_seq", room->last_seq}});
}

core::Task<http::Response> PostMessageHandler::Handle(http::Request& request) const {
    // A text or a photo (a media id), exactly one of them.
    http::JsonBody body(request);
    const auto text = body.OptionalString("text", {.min_chars = 1, .max_chars = Limits::kTextMaxChars});
    const auto photo_id = body.OptionalId("photo_id");
    const std::string client_id = body.String("client_id", {.min_chars = 1, .max_chars = Limits::kClientIdMaxBytes});
    std::optional<std::string> clean;
    if (text) {
        clean = CleanText(*text);
        if (!clean) body.AddError("text", "validation.invalid_format");
    }
    if (text && photo_id) body.AddError("photo_id", "chat.text_or_photo");
    if (!text && !photo_id && !body.HasError("text") && !body.HasError("photo_id")) body.AddError("text", "validation.required");
    if (!body.HasError("client_id") && !IsValidClientId(client_id)) body.AddError("client_id", "validation.invalid_format");
    if (auto problem = body.Finish()) co_return std::move(*problem);

    const auto sent =
        co_await deps_.actions.SendTextOrPhoto(request.PathInt("id"), request.User(), std::move(clean), photo_id, client_id);
    if (const auto* refusal = std::get_if<Refusal>(&sent)) co_return Refused(*refusal);
    const Appended& a = std::get<Appended>(sent);
    co_return http::Json(a.duplicate ? 200 : 201, MessageJson(a.message));
}

core::Task<http::Response> ReadHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const auto seq = body.OptionalInt("seq", 0, INT64_MAX);
    if (!seq && !body.HasError("seq")) body.AddError("seq", "validation.required");
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const auto mark = co_await deps_.actions.Read(request.PathInt("id"), request.User(), *seq);
    if (!mark) co_return http::Problem::NotFound("chat.room_not_found");
    co_return http::Json(boost::json::object{{"read_seq", mark->read_seq}, {"unread", mark->unread}});
}

}  // namespace sikgu::chat
