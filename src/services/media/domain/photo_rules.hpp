#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "services/media/domain/photo.hpp"

namespace sikgu::media {

/// The raster formats accepted for upload, named after the decoder that recognised the bytes.
enum class ImageFormat { kJpeg, kPng, kWebp, kGif, kHeif };

/// The format of a decoder (libvips loader class name), or nullopt for any other (SVG, PDF, TIFF, ...).
std::optional<ImageFormat> AcceptedFormat(std::string_view loader);

struct PixelLimits {
    std::int64_t max_pixels = 50'000'000;
    int max_side = 20'000;
};

/// Whether an image of these header dimensions may be decoded at all (decompression bombs are refused
/// before a pixel is decoded): nullopt, or the problem code.
std::optional<std::string_view> CheckDimensions(std::int64_t width, std::int64_t height, const PixelLimits& limits);

/// The size that fits `long_side` on the longer side, keeping the aspect ratio; never larger than the input.
std::pair<int, int> FitWithin(int width, int height, int long_side);

/// Content-Type of a stored file name, or nullopt when the name is not one sikgu stores.
std::optional<std::string_view> StoredContentType(std::string_view name);

/// 64 lower-case hex digits.
bool IsContentKey(std::string_view key);

/// What can hold a photo: a listing (market) or a chat room (chat).
struct Holder {
    enum class Kind { kPost, kRoom };
    Kind kind;
    std::int64_t id;

    static Holder Post(std::int64_t id) { return {Kind::kPost, id}; }
    static Holder Room(std::int64_t id) { return {Kind::kRoom, id}; }
};

/// What an event that names a photo under a holder does to it.
enum class AttachDecision {
    kAttach,
    kAlreadyAttached,  // replay: nothing to do
    kUnknown,          // no such photo (deleted, or never existed)
    kNotOwner,         // someone else's photo: never attached
    kReleased,         // let go earlier and waiting to be collected
    kHeldElsewhere,    // attached to another post or room
};
AttachDecision DecideAttach(const std::optional<Photo>& photo, Holder holder, std::int64_t owner_id);
std::string_view AttachDecisionName(AttachDecision decision);

/// The photos a post held that its new list no longer names.
std::vector<std::int64_t> NoLongerListed(const std::vector<Photo>& held, const std::vector<std::int64_t>& listed);

/// Released photos, and photos never attached within `orphan_ttl` of their upload, are collected.
bool IsCollectable(const Photo& photo, TimePoint now, std::chrono::seconds orphan_ttl);

}  // namespace sikgu::media
