#include "services/media/domain/photo.hpp"

namespace sikgu::media {

std::vector<std::string> Photo::FileNames() const {
    return {original_name, std::string(kLargeRendition), std::string(kSmallRendition)};
}

std::string MediaPath(std::string_view content_key, std::string_view name) {
    return "/media/p/" + std::string(content_key) + "/" + std::string(name);
}

}  // namespace sikgu::media
