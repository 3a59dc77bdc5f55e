#include "services/market/photo_stub.hpp"

#include <boost/json.hpp>

#include <sstream>

namespace sikgu::market::stub {

void PhotoRegistry::Add(std::int64_t id, std::int64_t owner, bool ready) {
    std::lock_guard lock(mutex_);
    photos_[id] = {id, owner, ready, 800, 600, "/media/p/" + std::to_string(id) + "/320.webp",
                   "/media/p/" + std::to_string(id) + "/1080.webp"};
}

std::map<std::int64_t, media::PhotoInfo> PhotoRegistry::Snapshot() const {
    std::lock_guard lock(mutex_);
    return photos_;
}

PhotoRegistry& Photos() {
    static PhotoRegistry registry;
    return registry;
}

namespace {

class LookupHandler final : public http::Handler {
public:
    core::Task<http::Response> Handle(http::Request& request) const override {
        const auto photos = Photos().Snapshot();
        boost::json::array items;
        std::stringstream ids(std::string(request.Query("ids").value_or("")));
        for (std::string id; std::getline(ids, id, ',');) {
            if (const auto it = photos.find(std::stoll(id)); it != photos.end()) items.push_back(it->second.ToJson());
        }
        co_return http::Json(boost::json::object{{"items", std::move(items)}});
    }
};

class PhotoStubModule final : public runtime::Module {
public:
    void Register(runtime::Registry& r) override {
        r.AddRoute({http::Verb::kGet, "/internal/v1/media/photos", http::Auth::kService}, lookup_);
    }

private:
    LookupHandler lookup_;
};

}  // namespace

runtime::ModuleEntry PhotoStubEntry() {
    return {"media", [](runtime::ServiceContext&) -> std::unique_ptr<runtime::Module> {
                return std::make_unique<PhotoStubModule>();
            }};
}

}  // namespace sikgu::market::stub
