#include "services/media/media_test_support.hpp"

#include <boost/json.hpp>
#include <filesystem>
#include <thread>

#include "core/sql/database.hpp"

namespace sikgu::media::test_support {

User NewUser(test::TestServer& server, const std::string& name) {
    auto client = server.Client();
    const auto login = test::CreateVerifiedUser(server, client, name, name + "@example.com");
    return {std::stoll(std::string(login.at("user").at("id").as_string())),
            "Authorization: Bearer " + std::string(login.at("access_token").as_string())};
}

test::HttpResult Upload(test::HttpClient& client, const User& user,
                        const std::vector<std::pair<std::string, std::string>>& files) {
    const auto multipart = test_images::MultipartBody(files);
    return client.Request("POST", "/api/v1/photos", multipart.body, {user.bearer, multipart.content_type_header});
}

namespace {
StoredPhoto Read(const sql::Row& row) {
    return {row[0].AsInt(),      row[1].AsInt(),  row[2].AsText(), row[3].AsText(),
            row[4].AsInt() != 0, row[5].AsOptionalInt(), !row[6].IsNull(), row[7].AsOptionalInt()};
}
constexpr const char* kSelect =
    "SELECT id, owner_id, content_key, original_name, ready, post_id, released_at, room_id FROM photos";
}  // namespace

std::vector<StoredPhoto> AllPhotos(test::TestServer& server) {
    return server.App().DatabaseOf("media").ReadNow([](sql::Connection& c) {
        std::vector<StoredPhoto> out;
        for (const auto& row : c.Query(std::string(kSelect) + " ORDER BY id")) out.push_back(Read(row));
        return out;
    });
}

std::optional<StoredPhoto> FindPhoto(test::TestServer& server, std::int64_t id) {
    return server.App().DatabaseOf("media").ReadNow([&](sql::Connection& c) -> std::optional<StoredPhoto> {
        const auto row = c.QueryOne(std::string(kSelect) + " WHERE id = ?", {id});
        if (!row) return std::nullopt;
        return Read(*row);
    });
}

int LocalFileCount(test::TestServer& server) {
    const auto root = server.DataDir() / "media";
    if (!std::filesystem::exists(root)) return 0;
    int n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) n += entry.is_regular_file() ? 1 : 0;
    return n;
}

bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

std::int64_t Handled(test::TestServer& server, const std::string& type) {
    return server.App().DatabaseOf("media").ReadNow([&](sql::Connection& c) {
        return c.Query("SELECT COUNT(*) FROM event_inbox WHERE consumer = ? AND state = 'done'", {"media:" + type})[0][0]
            .AsInt();
    });
}

}  // namespace sikgu::media::test_support
