#include "services/media/domain/photo_rules.hpp"

#include <algorithm>
#include <cmath>

namespace sikgu::media {

std::optional<ImageFormat> AcceptedFormat(std::string_view loader) {
    // Buffer, source and file variants of one decoder share the prefix.
    constexpr std::pair<std::string_view, ImageFormat> kLoaders[] = {
        {"VipsForeignLoadJpeg", ImageFormat::kJpeg}, {"VipsForeignLoadPng", ImageFormat::kPng},
        {"VipsForeignLoadWebp", ImageFormat::kWebp}, {"VipsForeignLoadNsgif", ImageFormat::kGif},
        {"VipsForeignLoadHeif", ImageFormat::kHeif},
    };
    for (const auto& [prefix, format] : kLoaders) {
        if (loader.starts_with(prefix)) {
            const std::string_view rest = loader.substr(prefix.size());
            if (rest.empty() || rest == "Buffer" || rest == "Source" || rest == "File") return format;
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> CheckDimensions(std::int64_t width, std::int64_t height, const PixelLimits& limits) {
    if (width <= 0 || height <= 0) return "media.invalid_image";
    if (width > limits.max_side || height > limits.max_side || width * height > limits.max_pixels) {
        return "media.image_too_large";
    }
    return std::nullopt;
}

std::pair<int, int> FitWithin(int width, int height, int long_side) {
    const int longer = std::max(width, height);
    if (longer <= long_side) return {width, height};
    const double scale = static_cast<double>(long_side) / longer;
    const auto fit = [&](int side) { return std::max(1, static_cast<int>(std::lround(side * scale))); };
    return width >= height ? std::pair{long_side, fit(height)} : std::pair{fit(width), long_side};
}

std::optional<std::string_view> StoredContentType(std::string_view name) {
    if (name == kSmallRendition || name == kLargeRendition) return "image/webp";
    if (name == "original.jpg") return "image/jpeg";
    if (name == "original.png") return "image/png";
    return std::nullopt;
}

bool IsContentKey(std::string_view key) {
    return key.size() == 64 &&
           std::all_of(key.begin(), key.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

AttachDecision DecideAttach(const std::optional<Photo>& photo, Holder holder, std::int64_t owner_id) {
    if (!photo) return AttachDecision::kUnknown;
    if (photo->owner_id != owner_id) return AttachDecision::kNotOwner;
    if (photo->released_at) return AttachDecision::kReleased;
    const auto current = holder.kind == Holder::Kind::kPost ? photo->post_id : photo->room_id;
    if (current == holder.id) return AttachDecision::kAlreadyAttached;
    if (photo->Held()) return AttachDecision::kHeldElsewhere;
    return AttachDecision::kAttach;
}

std::string_view AttachDecisionName(AttachDecision decision) {
    switch (decision) {
        case AttachDecision::kAttach: return "attach";
        case AttachDecision::kAlreadyAttached: return "already_attached";
        case AttachDecision::kUnknown: return "unknown_photo";
        case AttachDecision::kNotOwner: return "not_owner";
        case AttachDecision::kReleased: return "released";
        case AttachDecision::kHeldElsewhere: return "held_elsewhere";
    }
    return "unknown";
}

std::vector<std::int64_t> NoLongerListed(const std::vector<Photo>& held, const std::vector<std::int64_t>& listed) {
    std::vector<std::int64_t> out;
    for (const Photo& p : held) {
        if (std::find(listed.begin(), listed.end(), p.id) == listed.end()) out.push_back(p.id);
    }
    return out;
}

bool IsCollectable(const Photo& photo, TimePoint now, std::chrono::seconds orphan_ttl) {
    if (photo.released_at) return true;
    return !photo.Held() && photo.created_at + orphan_ttl <= now;
}

}  // namespace sikgu::media
