#include "core/http/multipart.hpp"

#include "core/util/text.hpp"

namespace sikgu::http {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && AsciiLower(text.substr(0, prefix.size())) == prefix;
}

// The value of `key=` in a header's parameters, quoted or not ("; name=\"a\"; filename=b").
std::optional<std::string> Parameter(std::string_view header, std::string_view key) {
    std::size_t pos = 0;
    while ((pos = header.find(';', pos)) != std::string_view::npos) {
        ++pos;
        std::string_view rest = Trim(header.substr(pos));
        if (!StartsWithNoCase(rest, key) || rest.size() <= key.size() || rest[key.size()] != '=') continue;
        rest.remove_prefix(key.size() + 1);
        if (!rest.empty() && rest.front() == '"') {
            std::string value;
            for (std::size_t i = 1; i < rest.size(); ++i) {
                if (rest[i] == '\\' && i + 1 < rest.size()) {
                    value += rest[++i];
                } else if (rest[i] == '"') {
                    return value;
                } else {
                    value += rest[i];
                }
            }
            return std::nullopt;  // unterminated quote
        }
        return std::string(Trim(rest.substr(0, rest.find(';'))));
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
    if (!StartsWithNoCase(Trim(content_type), "multipart/form-data")) return std::nullopt;
    auto boundary = Parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    return boundary;
}

std::optional<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type, std::string_view body,
                                                          MultipartLimits limits) {
    const auto boundary = MultipartBoundary(content_type);
    if (!boundary) return std::nullopt;
    const std::string delimiter = "--" + *boundary;
    const std::string separator = "\r\n" + delimiter;

    // The first delimiter opens the body (a preamble before it is allowed and ignored).
    std::size_t pos = 0;
    if (!body.starts_with(delimiter)) {
        pos = body.find(separator);
        if (pos == std::string_view::npos) return std::nullopt;
        pos += 2;
    }
    pos += delimiter.size();

    std::vector<MultipartPart> parts;
    while (true) {
        if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
        if (body.substr(pos, 2) != "\r\n") return std::nullopt;
        pos += 2;
        const auto headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos || headers_end - pos > limits.max_header_bytes) return std::nullopt;
        if (parts.size() >= limits.max_parts) return std::nullopt;

        MultipartPart part;
        bool has_disposition = false;
        std::string_view headers = body.substr(pos, headers_end - pos);
        while (!headers.empty()) {
            const auto eol = headers.find("\r\n");
            const std::string_view line = headers.substr(0, eol);
            headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
            if (!IsValidUtf8(line) || HasControlCharacters(line)) return std::nullopt;
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) return std::nullopt;
            const std::string name = AsciiLower(Trim(line.substr(0, colon)));
            const std::string_view value = Trim(line.substr(colon + 1));
            if (name == "content-disposition") {
                if (!StartsWithNoCase(value, "form-data")) return std::nullopt;
                auto field = Parameter(value, "name");
                if (!field || field->empty()) return std::nullopt;
                part.name = std::move(*field);
                part.filename = Parameter(value, "filename");
                has_disposition = true;
            } else if (name == "content-type") {
                part.content_type = std::string(value);
            }
        }
        if (!has_disposition) return std::nullopt;

        const std::size_t data_start = headers_end + 4;
        const auto data_end = body.find(separator, data_start);
        if (data_end == std::string_view::npos) return std::nullopt;
        part.data = body.substr(data_start, data_end - data_start);
        parts.push_back(std::move(part));
        pos = data_end + separator.size();
    }
}

}  // namespace sikgu::http
