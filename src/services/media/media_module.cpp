#include "services/media/media_module.hpp"

#include <atomic>

#include "core/bus/event.hpp"
#include "core/config/config.hpp"
#include "core/sql/database.hpp"
#include "core/obs/log.hpp"
#include "core/obs/metrics.hpp"
#include "core/runtime/settings.hpp"
#include "services/chat/contract/events.hpp"
#include "services/market/contract/events.hpp"
#include "services/media/api/messages.hpp"
#include "services/media/api/photo_handlers.hpp"
#include "services/media/image/image_pool.hpp"
#include "services/media/media_config.hpp"
#include "services/media/storage/local_blob_store.hpp"
#include "services/media/storage/photo_library.hpp"
#include "services/media/storage/s3_blob_store.hpp"
#include "services/media/store/media_store.hpp"

namespace sikgu::media {

std::span<const EmbeddedFile> Migrations();

namespace {

std::unique_ptr<BlobStore> MakeBlobStore(const MediaConfig& config, runtime::ServiceContext& context) {
    if (config.storage == "s3") return std::make_unique<S3BlobStore>(config.s3, context.http_client);
    return std::make_unique<LocalBlobStore>(config.local_dir);
}

const MediaConfig& Initialised(const MediaConfig& config) {
    InitImageLibrary(config.library);
    return config;
}

class MediaModule final : public runtime::Module {
public:
    explicit MediaModule(runtime::ServiceContext& context)
        : context_(context),
          config_(ParseMediaConfig(context.config.Get("media"), context.settings.data_dir)),
          pool_(Initialised(config_).pool, config_.image),
          blobs_(MakeBlobStore(config_, context)),
          library_(context.db, *blobs_, context.clock, context.ids),
          upload_(config_, pool_, library_),
          delete_(context.db, library_),
          serve_(*blobs_),
          find_(context.db) {}

    void Register(runtime::Registry& r) override {
        using http::Auth;
        using http::Verb;
        r.AddMigrations(Migrations());
        r.AddMessages(kMessages);
        r.AddRoute({Verb::kPost, "/api/v1/photos", Auth::kUser,
                    {.max_body_bytes = config_.max_request_bytes + (64U << 10),  // multipart framing on top
                     .spool_above_bytes = 256U << 10,
                     .rate_limit = {config_.uploads_per_minute, std::chrono::seconds(60)}}},
                   upload_);
        r.AddRoute({Verb::kDelete, "/api/v1/photos/{id:int}", Auth::kUser}, delete_);
        r.AddRoute({Verb::kGet, "/media/p/{key}/{name}", Auth::kPublic}, serve_);
        // For other services (contract/media_queries.hpp).
        r.AddRoute({Verb::kGet, "/internal/v1/media/photos", Auth::kService}, find_);

        // A post's photo list decides which photos it holds; replays, stale events and foreign ids change
        // nothing. The envelope's id orders one post's events across the three types.
        r.Subscribe(std::string(market::PostCreated::kType), [](sql::Transaction& tx, const bus::Envelope& e) {
            const auto post = market::PostCreated::FromJson(e.data);
            if (!MediaStore::AdvancePost(tx.Sql(), post.post_id, e.id)) return;
            MediaStore::ApplyListing(tx, post.post_id, post.seller_id, post.photo_ids, false);
        });
        r.Subscribe(std::string(market::PostUpdated::kType), [](sql::Transaction& tx, const bus::Envelope& e) {
            const auto post = market::PostUpdated::FromJson(e.data);
            if (!MediaStore::AdvancePost(tx.Sql(), post.post_id, e.id)) return;
            MediaStore::ApplyListing(tx, post.post_id, post.seller_id, post.photo_ids, true);
        });
        r.Subscribe(std::string(market::PostDeleted::kType), [](sql::Transaction& tx, const bus::Envelope& e) {
            const auto post = market::PostDeleted::FromJson(e.data);
            if (!MediaStore::AdvancePost(tx.Sql(), post.post_id, e.id)) return;
            MediaStore::ReleasePost(tx, post.post_id);
        });
        // A room holds the photos sent in it until its history is purged (a retention after it closed).
        r.Subscribe<chat::ChatPhotoSent>([](sql::Transaction& tx, const chat::ChatPhotoSent& e) {
            MediaStore::ApplyRoomPhoto(tx, e.room_id, e.sender_id, e.photo_id);
        });
        r.Subscribe<chat::ChatRoomPurged>(
            [](sql::Transaction& tx, const chat::ChatRoomPurged& e) { MediaStore::ReleaseRoom(tx, e.room_id); });

        r.AddJob("media.collect-photos", config_.gc_period, [this]() -> core::Task<void> {
            const CollectOutcome outcome = co_await library_.Collect(config_.orphan_ttl);
            collected_.fetch_add(static_cast<std::uint64_t>(outcome.photos));
            if (outcome.photos > 0 || outcome.failures > 0) {
                obs::Log(outcome.failures > 0 ? obs::Level::kWarn : obs::Level::kInfo, "media_collected",
                         {{"photos", outcome.photos}, {"content_keys", outcome.content_keys}, {"failures", outcome.failures}});
            }
        });
        context_.metrics.AddCollectHook([this](obs::Metrics& m) { ExportMetrics(m); });
    }

private:
    void ExportMetrics(obs::Metrics& m) const {
        const ImagePoolStats pool = pool_.Stats();
        m.SetGauge("sikgu_media_pool_running", "Images being decoded and encoded", {}, static_cast<double>(pool.running));
        m.SetGauge("sikgu_media_pool_queued", "Images waiting for an image worker", {}, static_cast<double>(pool.queued));
        m.SetGauge("sikgu_media_pool_capacity", "Image workers plus queue places", {},
                   static_cast<double>(pool_.Options().workers + pool_.Options().max_queued));
        const char* help = "Uploaded images by outcome";
        m.SetCounter("sikgu_media_images_total", help, {{"outcome", "processed"}}, static_cast<double>(pool.processed));
        m.SetCounter("sikgu_media_images_total", help, {{"outcome", "refused"}}, static_cast<double>(pool.refused));
        m.SetCounter("sikgu_media_images_total", help, {{"outcome", "overloaded"}}, static_cast<double>(pool.overloaded));
        const StorageStats storage = blobs_->Stats();
        const std::string backend(blobs_->Kind());
        const char* ops = "Photo storage operations that succeeded";
        m.SetCounter("sikgu_media_storage_operations_total", ops, {{"backend", backend}, {"operation", "write"}},
                     static_cast<double>(storage.writes));
        m.SetCounter("sikgu_media_storage_operations_total", ops, {{"backend", backend}, {"operation", "read"}},
                     static_cast<double>(storage.reads));
        m.SetCounter("sikgu_media_storage_operations_total", ops, {{"backend", backend}, {"operation", "delete"}},
                     static_cast<double>(storage.deletes));
        m.SetCounter("sikgu_media_storage_errors_total", "Photo storage operations that failed", {{"backend", backend}},
                     static_cast<double>(storage.errors));
        m.SetCounter("sikgu_media_collected_photos_total", "Photos deleted by the collection job", {},
                     static_cast<double>(collected_.load()));
    }

    runtime::ServiceContext& context_;
    MediaConfig config_;
    ImagePool pool_;
    std::unique_ptr<BlobStore> blobs_;
    PhotoLibrary library_;
    UploadPhotosHandler upload_;
    DeletePhotoHandler delete_;
    ServeMediaHandler serve_;
    FindPhotosHandler find_;
    std::atomic<std::uint64_t> collected_{0};
};

}  // namespace

std::unique_ptr<runtime::Module> MakeModule(runtime::ServiceContext& context) {
    return std::make_unique<MediaModule>(context);
}

}  // namespace sikgu::media
