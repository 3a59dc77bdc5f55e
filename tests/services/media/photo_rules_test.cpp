#include "services/media/domain/photo_rules.hpp"

#include <gtest/gtest.h>

namespace sikgu::media {
namespace {

TEST(PhotoRules, OnlyRasterDecodersAreAccepted) {
    EXPECT_EQ(AcceptedFormat("VipsForeignLoadJpegBuffer"), ImageFormat::kJpeg);
    EXPECT_EQ(AcceptedFormat("VipsForeignLoadPngBuffer"), ImageFormat::kPng);
    EXPECT_EQ(AcceptedFormat("VipsForeignLoadNsgifBuffer"), ImageFormat::kGif);
    EXPECT_EQ(AcceptedFormat("VipsForeignLoadHeifBuffer"), ImageFormat::kHeif);
    EXPECT_FALSE(AcceptedFormat("VipsForeignLoadSvgBuffer"));
    EXPECT_FALSE(AcceptedFormat("VipsForeignLoadPdfBuffer"));
    EXPECT_FALSE(AcceptedFormat("VipsForeignLoadTiffBuffer"));
    EXPECT_FALSE(AcceptedFormat("VipsForeignLoadJpegXBuffer"));
}

TEST(PhotoRules, DimensionsAreCheckedBeforeDecoding) {
    const PixelLimits limits{.max_pixels = 1000, .max_side = 100};
    EXPECT_FALSE(CheckDimensions(100, 10, limits));
    EXPECT_EQ(CheckDimensions(101, 1, limits), "media.image_too_large");
    EXPECT_EQ(CheckDimensions(40, 30, limits), "media.image_too_large");
    EXPECT_EQ(CheckDimensions(30000, 30000, PixelLimits{}), "media.image_too_large");
    EXPECT_EQ(CheckDimensions(0, 10, limits), "media.invalid_image");
}

TEST(PhotoRules, RenditionsFitTheLongSideAndNeverUpscale) {
    EXPECT_EQ(FitWithin(4000, 3000, 1080), std::make_pair(1080, 810));
    EXPECT_EQ(FitWithin(800, 1200, 320), std::make_pair(213, 320));
    EXPECT_EQ(FitWithin(300, 200, 1080), std::make_pair(300, 200));
    EXPECT_EQ(FitWithin(10000, 1, 320), std::make_pair(320, 1));
}

TEST(PhotoRules, StoredNamesAndKeys) {
    EXPECT_EQ(StoredContentType("320.webp"), "image/webp");
    EXPECT_EQ(StoredContentType("original.png"), "image/png");
    EXPECT_FALSE(StoredContentType("../secrets.toml"));
    EXPECT_TRUE(IsContentKey(std::string(64, 'f')));
    EXPECT_FALSE(IsContentKey(std::string(64, 'F')));
    EXPECT_FALSE(IsContentKey(std::string(63, 'a') + "/"));
}

TEST(PhotoRules, AttachOnlyTheSellersOwnFreePhotos) {
    Photo p{.id = 1, .owner_id = 10};
    EXPECT_EQ(DecideAttach(p, Holder::Post(5), 10), AttachDecision::kAttach);
    EXPECT_EQ(DecideAttach(p, Holder::Room(5), 10), AttachDecision::kAttach);
    EXPECT_EQ(DecideAttach(p, Holder::Post(5), 11), AttachDecision::kNotOwner);
    EXPECT_EQ(DecideAttach(std::nullopt, Holder::Post(5), 10), AttachDecision::kUnknown);
    p.post_id = 5;
    EXPECT_EQ(DecideAttach(p, Holder::Post(5), 10), AttachDecision::kAlreadyAttached);
    EXPECT_EQ(DecideAttach(p, Holder::Post(6), 10), AttachDecision::kHeldElsewhere);
    EXPECT_EQ(DecideAttach(p, Holder::Room(5), 10), AttachDecision::kHeldElsewhere);  // room 5 is not post 5
    p.released_at = TimePoint{};
    EXPECT_EQ(DecideAttach(p, Holder::Post(5), 10), AttachDecision::kReleased);
}

TEST(PhotoRules, AChatRoomHoldsAPhotoLikeAListing) {
    Photo p{.id = 1, .owner_id = 10, .room_id = 7};
    EXPECT_EQ(DecideAttach(p, Holder::Room(7), 10), AttachDecision::kAlreadyAttached);
    EXPECT_EQ(DecideAttach(p, Holder::Room(8), 10), AttachDecision::kHeldElsewhere);
    EXPECT_EQ(DecideAttach(p, Holder::Post(7), 10), AttachDecision::kHeldElsewhere);
    const TimePoint t0 = TimePoint{} + std::chrono::hours(1000);
    Photo sent{.created_at = t0, .room_id = 7};
    EXPECT_FALSE(IsCollectable(sent, t0 + std::chrono::hours(24 * 365), std::chrono::hours(24)));
}

TEST(PhotoRules, CollectableAfterReleaseOrOrphanTimeout) {
    const TimePoint t0 = TimePoint{} + std::chrono::hours(1000);
    const std::chrono::seconds day{24 * 3600};
    Photo orphan{.created_at = t0};
    EXPECT_FALSE(IsCollectable(orphan, t0 + day - std::chrono::seconds(1), day));
    EXPECT_TRUE(IsCollectable(orphan, t0 + day, day));
    Photo held{.post_id = 3, .created_at = t0};
    EXPECT_FALSE(IsCollectable(held, t0 + 100 * day, day));
    held.released_at = t0;
    EXPECT_TRUE(IsCollectable(held, t0, day));
    EXPECT_EQ(NoLongerListed({Photo{.id = 1}, Photo{.id = 2}}, {2, 3}), std::vector<std::int64_t>{1});
}

}  // namespace
}  // namespace sikgu::media
