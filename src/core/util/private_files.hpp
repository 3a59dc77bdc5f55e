#pragma once

#include <filesystem>
#include <string_view>

namespace sikgu {

/// Files sikgu creates hold secrets, verification codes and reset links: they are made owner-only from the
/// moment they exist (directories 0700, files 0600), never widened first and narrowed after.

/// Creates `path` and any missing parents with mode 0700; existing directories are left as they are.
void CreatePrivateDirectories(const std::filesystem::path& path);

/// Creates `path` empty with mode 0600 unless it exists (so a library that opens it later, such as SQLite,
/// finds it private; SQLite gives its -wal and -shm files the database file's mode).
void CreatePrivateFile(const std::filesystem::path& path);

/// Writes `content` to a fresh `<path>.tmp` opened 0600, flushes it to disk and renames it over `path`.
void WritePrivateFileAtomically(const std::filesystem::path& path, std::string_view content);

/// Whether group or others may read or write `path`.
bool IsReadableByOthers(const std::filesystem::path& path);

}  // namespace sikgu
