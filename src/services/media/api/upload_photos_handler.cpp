#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <variant>

#include "core/http/multipart.hpp"
#include "services/media/api/photo_dto.hpp"
#include "services/media/api/photo_handlers.hpp"
#include "services/media/image/image_pool.hpp"
#include "services/media/storage/blob_store.hpp"
#include "services/media/storage/photo_library.hpp"

namespace sikgu::media {
namespace {

// A spooled upload mapped read-only, so its parts are views into the page cache rather than copies on the heap.
class MappedFile {
public:
    explicit MappedFile(const http::SpooledBody& body) : size_(body.size) {
        const int fd = ::open(body.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw std::runtime_error("cannot open the spooled upload");
        if (size_ > 0) data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        if (data_ == MAP_FAILED) throw std::runtime_error("cannot map the spooled upload");
    }
    ~MappedFile() {
        if (data_ != nullptr && data_ != MAP_FAILED) ::munmap(data_, size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view View() const { return size_ == 0 ? std::string_view{} : std::string_view(static_cast<const char*>(data_), size_); }

private:
    std::size_t size_;
    void* data_ = nullptr;
};

}  // namespace

core::Task<http::Response> UploadPhotosHandler::Handle(http::Request& request) const {
    const std::int64_t owner = request.User();
    std::optional<MappedFile> mapped;
    std::string_view body = request.body;
    if (request.body_file) {
        mapped.emplace(*request.body_file);
        body = mapped->View();
    }
    const auto parts = http::ParseMultipart(request.GetHeader("Content-Type").value_or(""), body,
                                            {.max_parts = config_.max_files * 2 + 8});
    if (!parts) co_return http::Problem::BadRequest("media.malformed_upload");
    std::vector<std::string_view> files;
    for (const auto& part : *parts) {
        if (part.filename) files.push_back(part.data);
    }
    if (files.empty()) co_return http::Problem::Make(422, "media.no_file");
    if (files.size() > config_.max_files) co_return http::Problem::Make(422, "media.too_many_files");
    for (const auto file : files) {
        if (file.size() > config_.max_file_bytes) co_return http::Problem::Make(413, "media.file_too_large");
    }

    // Every file is checked before any is stored, so a refused upload leaves nothing behind.
    std::vector<ProcessedImage> images;
    for (const auto file : files) {
        auto outcome = co_await pool_.Process(file);
        if (const auto* refusal = std::get_if<ImageRefusal>(&outcome)) {
            co_return http::Problem::Make(refusal->status, refusal->code);
        }
        images.push_back(std::move(std::get<ProcessedImage>(outcome)));
    }

    std::vector<Photo> stored;
    bool failed = false;
    try {
        for (const auto& image : images) stored.push_back(co_await library_.Store(owner, image));
    } catch (const StorageError&) {
        failed = true;
    }
    if (failed) {
        for (const Photo& photo : stored) co_await library_.DeleteUnattached(photo.id, owner);
        co_return http::Problem::Make(503, "media.storage_unavailable").SetHeader("Retry-After", "5");
    }
    boost::json::array items;
    for (const Photo& photo : stored) items.push_back(ToJson(photo));
    co_return http::Json(201, boost::json::object{{"items", std::move(items)}});
}

}  // namespace sikgu::media
