#include "core/http/query_params.hpp"

#include <charconv>
#include <string>

namespace sikgu::http {

std::optional<std::int64_t> IntQuery(const Request& request, std::string_view name, std::int64_t min, std::int64_t max,
                                     std::vector<FieldError>& errors) {
    const auto value = request.Query(name);
    if (!value || value->empty()) return std::nullopt;
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
    if (ec != std::errc{} || end != value->data() + value->size()) {
        errors.push_back({std::string(name), "validation.invalid_format"});
        return std::nullopt;
    }
    if (n < min || n > max) {
        errors.push_back({std::string(name), "validation.out_of_range"});
        return std::nullopt;
    }
    return n;
}

}  // namespace sikgu::http
