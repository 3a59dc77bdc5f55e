#include "core/http/request.hpp"

#include <charconv>
#include <stdexcept>

#include "core/util/text.hpp"

namespace sikgu::http {
std::string_view VerbName(Verb verb) {
    switch (verb) {
        case Verb::kGet: return "GET";
        case Verb::kHead: return "HEAD";
        case Verb::kPost: return "POST";
        case Verb::kPut: return "PUT";
        case Verb::kPatch: return "PATCH";
        case Verb::kDelete: return "DELETE";
        case Verb::kOptions: return "OPTIONS";
        case Verb::kOther: return "OTHER";
    }
    return "OTHER";
}

std::optional<std::string_view> Request::GetHeader(std::string_view name) const {
    for (const Header& h : headers) {
        if (AsciiEqualsIgnoreCase(h.name, name)) return std::string_view(h.value);
    }
    return std::nullopt;
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name) return std::string_view(value);
    }
    return std::nullopt;
}

std::optional<std::string_view> Request::Cookie(std::string_view name) const {
    for (const Header& h : headers) {
        if (!AsciiEqualsIgnoreCase(h.name, "cookie")) continue;
        std::string_view rest = h.value;
        while (!rest.empty()) {
            const auto semi = rest.find(';');
            const std::string_view pair = Trim(rest.substr(0, semi));
            const auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        }
    }
    return std::nullopt;
}

std::string_view Request::PathParam(std::string_view name) const {
    const auto it = path_params.find(name);
    if (it == path_params.end()) throw std::logic_error("no path parameter " + std::string(name));
    return it->second;
}

std::int64_t Request::PathInt(std::string_view name) const {
    const std::string_view text = PathParam(name);
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::int64_t Request::User() const {
    if (!user_id) throw std::logic_error("Request::User() on a route without Auth::kUser: " + route);
    return *user_id;
}

const RouteOptions& Request::Options() const {
    static const RouteOptions kDefaults;
    return options != nullptr ? *options : kDefaults;
}

Language Request::GetLanguage() const {
    const auto header = GetHeader("accept-language");
    if (!header) return Language::kKo;
    // The first listed language decides; the UI sends exactly one.
    const std::string lower = AsciiLower(Trim(*header));
    if (lower.starts_with("en")) return Language::kEn;
    return Language::kKo;
}

}  // namespace sikgu::http
