#include <boost/json.hpp>

#include "core/http/idempotency.hpp"
#include "core/http/json_body.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/errors.hpp"
#include "core/util/text.hpp"
#include "core/util/time.hpp"
#include "services/market/api/market_api.hpp"
#include "services/market/contract/market_queries.hpp"

namespace sikgu::market {
namespace {

http::Response Refused(const Refusal& r) { return http::Problem::Make(r.status, r.code); }

// Line breaks and tabs belong in a description; other control characters (and bidirectional overrides,
// which can make a listing read differently than it is stored) do not.
bool HasForbiddenControls(std::string_view text, bool multiline) {
    for (const char32_t cp : DecodeUtf8(text)) {
        if (multiline && (cp == U'\n' || cp == U'\t' || cp == U'\r')) continue;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069)) {
            return true;
        }
    }
    return false;
}

// The fields of a create (every required one must be there) or an edit (only those sent change).
struct ListingFields {
    ListingPatch patch;
    std::optional<std::vector<std::int64_t>> photo_ids;
};

ListingFields ReadFields(http::JsonBody& body, bool create) {
    ListingFields f;
    auto& p = f.patch;
    const http::StringRule title{.min_chars = Limits::kTitleMin, .max_chars = Limits::kTitleMax};
    p.title = create ? std::optional(body.String("title", title)) : body.OptionalString("title", title);
    p.description = body.OptionalString("description", {.max_chars = Limits::kDescriptionMax});
    p.price = body.OptionalInt("price", 0, Limits::kPriceMax);
    if (create && !p.price && !body.HasError("price")) body.AddError("price", "validation.required");
    const auto category = body.OptionalString("category", {.max_chars = 16});
    if (category) {
        p.category = ParseCategory(*category);
        if (!p.category) body.AddError("category", "validation.invalid_value");
    } else if (create && !body.HasError("category")) {
        body.AddError("category", "validation.required");
    }
    if (body.IsNull("species_id")) {
        p.species_id = std::optional<std::int64_t>();
    } else if (auto species = body.OptionalId("species_id")) {
        p.species_id = species;
    }
    p.trade_area = body.OptionalString("trade_area", {.max_chars = Limits::kTradeAreaMax});
    f.photo_ids = body.OptionalIdList("photo_ids", Limits::kPhotosMin, Limits::kPhotosMax);
    if (create && !f.photo_ids && !body.HasError("photo_ids")) body.AddError("photo_ids", "validation.required");
    if (!create) p.hidden = body.OptionalBool("hidden");
    if (p.title && HasForbiddenControls(*p.title, false)) body.AddError("title", "validation.invalid_format");
    if (p.description && HasForbiddenControls(*p.description, true)) body.AddError("description", "validation.invalid_format");
    if (p.trade_area && HasForbiddenControls(*p.trade_area, false)) body.AddError("trade_area", "validation.invalid_format");
    return f;
}

// Photos must be the caller's own, processed uploads that nothing else holds (another listing, a chat room:
// they would go when it lets them go); species must exist in the encyclopedia. Both are asked of their owners
// (media, plant) before anything is written. `listing_id`: the listing being edited, whose photos it may keep.
core::Task<std::optional<http::Response>> ResolveReferences(const MarketDeps& deps, std::int64_t user,
                                                            std::optional<std::int64_t> listing_id, ListingFields& f) {
    std::vector<http::FieldError> errors;
    if (f.photo_ids) {
        const auto found = co_await deps.media.FindPhotos(*f.photo_ids);
        std::vector<Photo> photos;
        for (const std::int64_t id : *f.photo_ids) {
            const auto it = std::find_if(found.begin(), found.end(), [&](const media::PhotoInfo& p) { return p.id == id; });
            if (it == found.end() || it->owner_id != user) {
                errors.push_back({"photo_ids", "market.photo_not_found"});
                break;
            }
            if (!it->ready) {
                errors.push_back({"photo_ids", "market.photo_not_ready"});
                break;
            }
            if (it->HeldOtherThan(listing_id, std::nullopt)) {
                errors.push_back({"photo_ids", "market.photo_in_use"});
                break;
            }
            photos.push_back({it->id, it->thumbnail_url, it->large_url, it->width, it->height});
        }
        f.patch.photos = std::move(photos);
    }
    if (f.patch.species_id && *f.patch.species_id) {
        const auto species = co_await deps.plants.FindSpecies(**f.patch.species_id);
        if (!species) {
            errors.push_back({"species_id", "market.species_not_found"});
        } else {
            f.patch.species_name = species->name_ko;
        }
    }
    if (!errors.empty()) co_return http::Problem::Validation(std::move(errors));
    co_return std::nullopt;
}

std::int64_t SeoulDay(TimePoint now) {
    const auto local = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) + kSeoul.offset;
    return std::chrono::duration_cast<std::chrono::days>(local).count();
}

}  // namespace

core::Task<http::Response> CreateListingHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    ListingFields fields = ReadFields(body, true);
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const std::int64_t user = request.User();
    // Photos and species are checked once the Idempotency-Key is claimed: a retry of a listing already made
    // finds its photos held by that listing, and must get the listing back, not a refusal.
    const http::IdempotencyKeys::Check check = [&]() { return ResolveReferences(deps_, user, std::nullopt, fields); };
    http::Response response = co_await deps_.idempotency.Run(request, check, [&](sql::Transaction& tx) {
        const ListingPatch& p = fields.patch;
        const NewListing listing{.seller_id = user,
                                 .title = *p.title,
                                 .description = p.description.value_or(""),
                                 .price = *p.price,
                                 .category = *p.category,
                                 .species_id = p.species_id.value_or(std::nullopt),
                                 .species_name = p.species_name,
                                 .trade_area = p.trade_area.value_or(""),
                                 .photos = *p.photos};
        const ListingView view = MarketStore::CreateIn(tx, listing);
        http::Response created = http::Json(201, DetailJson(view, user, false));
        created.headers.push_back({"Location", "/api/v1/market/listings/" + std::to_string(view.listing.id)});
        return created;
    });
    deps_.store.NoteListingChanged();
    co_return response;
}

core::Task<http::Response> GetListingHandler::Handle(http::Request& request) const {
    const std::int64_t id = request.PathInt("id");
    auto view = co_await deps_.store.Find(id);
    const std::optional<std::int64_t> viewer = request.user_id;
    const bool owner = view && viewer == view->listing.seller_id;
    // Deleted and hidden listings are the owner's alone; to others they do not exist.
    if (!view || (!owner && !view->listing.IsPublic())) {
        co_return http::Problem::NotFound("market.listing_not_found");
    }
    if (!owner && !request.internal && view->listing.IsPublic()) {
        // One view per viewer per day: a signed-in user by id, anyone else by a keyed hash of their address
        // and browser (never stored in the clear).
        const std::string viewer_key =
            viewer ? "u" + std::to_string(*viewer)
                   : "a" + Base64UrlEncode(HmacSha256(deps_.view_salt, request.remote_address + "\n" +
                                                                           std::string(request.GetHeader("User-Agent").value_or(""))))
                               .substr(0, 22);
        const bool counted = co_await deps_.store.RecordView(id, viewer_key, SeoulDay(deps_.clock.Now()));
        if (counted) ++view->listing.view_count;
    }
    bool wished = false;
    if (viewer) wished = co_await deps_.store.IsWished(id, *viewer);
    boost::json::object json = DetailJson(*view, viewer, wished);
    json["species_card"] = nullptr;
    if (view->listing.species_id) {
        // The care card is the encyclopedia's: shown when plant answers, left out (not an error) when it does not.
        try {
            const auto species = co_await deps_.plants.FindSpecies(*view->listing.species_id);
            if (species) json["species_card"] = species->ToJson();
        } catch (const PeerUnavailable&) {
        }
    }
    co_return http::Json(json);
}

core::Task<http::Response> UpdateListingHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    ListingFields fields = ReadFields(body, false);
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const std::int64_t user = request.User();
    // Ownership first: someone else's listing is refused before its photos or species are looked at.
    const auto current = co_await deps_.store.Find(request.PathInt("id"));
    if (!current || current->listing.deleted) co_return http::Problem::NotFound("market.listing_not_found");
    if (current->listing.seller_id != user) co_return http::Problem::Forbidden("market.not_owner");
    if (auto problem = co_await ResolveReferences(deps_, user, current->listing.id, fields)) co_return std::move(*problem);
    const auto updated = co_await deps_.store.Update(request.PathInt("id"), user, fields.patch);
    if (const auto* refusal = std::get_if<Refusal>(&updated)) co_return Refused(*refusal);
    const bool wished = co_await deps_.store.IsWished(request.PathInt("id"), user);
    co_return http::Json(DetailJson(std::get<ListingView>(updated), user, wished));
}

core::Task<http::Response> DeleteListingHandler::Handle(http::Request& request) const {
    const auto deleted = co_await deps_.store.Delete(request.PathInt("id"), request.User());
    if (const auto* refusal = std::get_if<Refusal>(&deleted)) co_return Refused(*refusal);
    co_return http::NoContent();
}

core::Task<http::Response> ChangeStateHandler::Handle(http::Request& request) const {
    http::JsonBody body(request);
    const std::string name = body.String("state", {.max_chars = 16});
    const auto buyer = body.OptionalId("buyer_id");
    const auto state = ParseState(name);
    if (!name.empty() && !state) body.AddError("state", "validation.invalid_value");
    if (state == State::kSold && !buyer && !body.HasError("buyer_id")) body.AddError("buyer_id", "validation.required");
    if (auto problem = body.Finish()) co_return std::move(*problem);
    const auto changed = co_await deps_.store.ChangeState(request.PathInt("id"), request.User(), *state,
                                                          state == State::kSold ? buyer : std::nullopt);
    if (const auto* refusal = std::get_if<Refusal>(&changed)) co_return Refused(*refusal);
    const bool wished = co_await deps_.store.IsWished(request.PathInt("id"), request.User());
    co_return http::Json(DetailJson(std::get<ListingView>(changed), request.User(), wished));
}

core::Task<http::Response> BumpHandler::Handle(http::Request& request) const {
    const auto bumped = co_await deps_.store.Bump(request.PathInt("id"), request.User());
    if (const auto* refusal = std::get_if<Refusal>(&bumped)) co_return Refused(*refusal);
    const bool wished = co_await deps_.store.IsWished(request.PathInt("id"), request.User());
    co_return http::Json(DetailJson(std::get<ListingView>(bumped), request.User(), wished));
}

core::Task<http::Response> ChatPartnersHandler::Handle(http::Request& request) const {
    const auto partners = co_await deps_.store.ChatPartners(request.PathInt("id"), request.User());
    if (const auto* refusal = std::get_if<Refusal>(&partners)) co_return Refused(*refusal);
    boost::json::array items;
    for (const auto& p : std::get<std::vector<ChatPartner>>(partners)) {
        items.push_back({{"user_id", std::to_string(p.user_id)},
                         {"nickname", p.nickname},
                         {"room_id", std::to_string(p.room_id)},
                         {"since", FormatRfc3339(FromUnixMillis(p.since))}});
    }
    co_return http::Json(boost::json::object{{"items", std::move(items)}});
}

core::Task<http::Response> WishHandler::Handle(http::Request& request) const {
    const std::int64_t user = request.User();
    const auto result = co_await deps_.store.SetWish(request.PathInt("id"), user, wished_);
    if (const auto* refusal = std::get_if<Refusal>(&result)) co_return Refused(*refusal);
    const Listing& l = std::get<ListingView>(result).listing;
    co_return http::Json(boost::json::object{{"listing_id", std::to_string(l.id)}, {"wished", wished_}, {"wish_count", l.wish_count}});
}

core::Task<http::Response> ListingInfoHandler::Handle(http::Request& request) const {
    const auto view = co_await deps_.store.Find(request.PathInt("id"));
    if (!view || view->listing.deleted) co_return http::Problem::NotFound("market.listing_not_found");
    const Listing& l = view->listing;
    const ListingInfo info{.id = l.id,
                           .seller_id = l.seller_id,
                           .title = l.title,
                           .price = l.price,
                           .state = std::string(StateName(l.state)),
                           .thumbnail_url = l.photos.empty() ? std::string() : l.photos.front().thumbnail_url,
                           .open = l.IsPublic()};
    co_return http::Json(info.ToJson());
}

}  // namespace sikgu::market
