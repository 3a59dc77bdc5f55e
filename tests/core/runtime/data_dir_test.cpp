#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/test_server.hpp"

namespace sikgu {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 0777;
}

// Everything the server creates on first start is owner-only: the data folder, every database and its
// WAL, the generated secret, the dev mailbox and each mail in it (codes and reset links).
TEST(DataDir, EverythingCreatedIsPrivate) {
    test::TempDir root;
    const auto data = root.Path() / "fresh" / "data";
    const mode_t previous = ::umask(022);
    {
        test::TestServer server("", {{"core.data_dir", data.string()}, {"core.sql.engine", "sqlite"}});
        auto client = server.Client();
        test::CreateVerifiedUser(server, client, "private_user", "private@example.com");
        EXPECT_EQ(ModeOf(data), 0700U);
        EXPECT_EQ(ModeOf(data / "secrets.toml"), 0600U);
        EXPECT_EQ(ModeOf(data / "mailbox"), 0700U);
        int mails = 0;
        for (const auto& entry : std::filesystem::directory_iterator(data / "mailbox")) {
            EXPECT_EQ(ModeOf(entry.path()), 0600U) << entry.path();
            ++mails;
        }
        EXPECT_GE(mails, 1);
        for (const char* file : {"account.db", "account.db-wal", "account.db-shm", "plant.db", "plant.db-wal"}) {
            EXPECT_EQ(ModeOf(data / file), 0600U) << file;
        }
    }
    ::umask(previous);
}

}  // namespace
}  // namespace sikgu
