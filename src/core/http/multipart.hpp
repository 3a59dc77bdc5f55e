#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sikgu::http {

/// One part of a multipart/form-data body. `data` points into the request body.
struct MultipartPart {
    std::string name;
    std::optional<std::string> filename;
    std::string content_type = "text/plain";
    std::string_view data;
};

struct MultipartLimits {
    std::size_t max_parts = 32;
    std::size_t max_header_bytes = 4096;  // per part
};

/// The boundary parameter of a multipart/form-data Content-Type, or nullopt.
std::optional<std::string> MultipartBoundary(std::string_view content_type);

/// Parses a multipart/form-data body (RFC 7578). Returns nullopt when the body is malformed, a part has
/// no name, a header is oversized, or there are too many parts; callers answer 400.
std::optional<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type, std::string_view body,
                                                          MultipartLimits limits = {});

}  // namespace sikgu::http
