#include "core/util/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace sikgu {
namespace {
[[noreturn]] void Fail(const std::string& what, const std::filesystem::path& path) {
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}
}  // namespace

void CreatePrivateDirectories(const std::filesystem::path& path) {
    if (path.empty() || std::filesystem::is_directory(path)) return;
    if (path.has_parent_path() && path.parent_path() != path) CreatePrivateDirectories(path.parent_path());
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) Fail("mkdir", path);
}

void CreatePrivateFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;
        Fail("create", path);
    }
    ::close(fd);
}

void WritePrivateFileAtomically(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    ::unlink(tmp.c_str());  // a leftover of a crash, whatever its mode
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) Fail("create", tmp);
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            errno = error;
            Fail("write", tmp);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) Fail("fsync", tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0) Fail("rename", tmp);
}

bool IsReadableByOthers(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    return (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

}  // namespace sikgu
