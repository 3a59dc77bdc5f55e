#pragma once

#include <span>
#include <string_view>

namespace sikgu {

/// A file compiled into the binary by cmake/embed.cmake (migrations, the plant catalogue).
struct EmbeddedFile {
    std::string_view name;
    std::string_view content;
};

}  // namespace sikgu
