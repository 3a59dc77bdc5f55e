#include "core/util/private_files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/test_server.hpp"

namespace sikgu {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 0777;
}

// The modes are explicit, not left to the umask: with a umask of 0 they are still owner-only.
class PrivateFiles : public ::testing::Test {
protected:
    void SetUp() override { previous_ = ::umask(0); }
    void TearDown() override { ::umask(previous_); }
    mode_t previous_ = 0;
    test::TempDir dir_;
};

TEST_F(PrivateFiles, DirectoriesAndTheirMissingParentsAre0700) {
    const auto leaf = dir_.Path() / "a" / "b" / "c";
    CreatePrivateDirectories(leaf);
    EXPECT_EQ(ModeOf(dir_.Path() / "a"), 0700U);
    EXPECT_EQ(ModeOf(leaf), 0700U);
    CreatePrivateDirectories(leaf);  // already there: fine
}

TEST_F(PrivateFiles, FilesAre0600AndExistingOnesAreKept) {
    const auto path = dir_.Path() / "x.db";
    CreatePrivateFile(path);
    EXPECT_EQ(ModeOf(path), 0600U);
    std::ofstream(path) << "kept";
    CreatePrivateFile(path);
    std::ifstream in(path);
    std::string content;
    in >> content;
    EXPECT_EQ(content, "kept");
}

TEST_F(PrivateFiles, AtomicWritesAre0600EvenOverAWideLeftover) {
    const auto path = dir_.Path() / "secrets.toml";
    std::ofstream(path.string() + ".tmp") << "stale";
    ::chmod((path.string() + ".tmp").c_str(), 0666);
    WritePrivateFileAtomically(path, "jwt_secret = \"x\"\n");
    EXPECT_EQ(ModeOf(path), 0600U);
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    EXPECT_FALSE(IsReadableByOthers(path));
    ::chmod(path.c_str(), 0644);
    EXPECT_TRUE(IsReadableByOthers(path));
}

}  // namespace
}  // namespace sikgu
