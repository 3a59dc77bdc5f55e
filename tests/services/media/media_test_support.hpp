#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "services/media/media_images.hpp"
#include "support/test_server.hpp"

// What the media component tests share: a user with a token, uploads, and reads of the stored state.
namespace sikgu::media::test_support {

struct User {
    std::int64_t id = 0;
    std::string bearer;  // "Authorization: Bearer ..."
};
User NewUser(test::TestServer& server, const std::string& name);

test::HttpResult Upload(test::HttpClient& client, const User& user,
                        const std::vector<std::pair<std::string, std::string>>& files);

struct StoredPhoto {
    std::int64_t id = 0;
    std::int64_t owner_id = 0;
    std::string content_key;
    std::string original_name;
    bool ready = false;
    std::optional<std::int64_t> post_id;
    bool released = false;
    std::optional<std::int64_t> room_id;
};
std::vector<StoredPhoto> AllPhotos(test::TestServer& server);
std::optional<StoredPhoto> FindPhoto(test::TestServer& server, std::int64_t id);
/// Files under the local storage folder (every backend's object count, for the local one).
int LocalFileCount(test::TestServer& server);

/// Polls `done` until it holds or `timeout` passes.
bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(10));

/// Events handled by the consumer `media:<type>`.
std::int64_t Handled(test::TestServer& server, const std::string& type);

}  // namespace sikgu::media::test_support
