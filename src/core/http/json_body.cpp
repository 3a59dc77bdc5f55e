#include "core/http/json_body.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "core/util/text.hpp"

namespace sikgu::http {

JsonBody::JsonBody(const Request& request) {
    if (Trim(request.body).empty()) return;  // an absent body reads as {} (all fields missing)
    const auto content_type = request.GetHeader("content-type");
    if (!content_type || !AsciiLower(*content_type).starts_with("application/json")) {
        parse_problem_ = Problem::Make(415, "request.unsupported_media_type");
        return;
    }
    if (!IsValidUtf8(request.body)) {
        parse_problem_ = Problem::BadRequest("request.invalid_utf8");
        return;
    }
    boost::json::parse_options options;
    options.max_depth = 16;
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(request.body, ec, {}, options);
    if (ec) {
        parse_problem_ = Problem::BadRequest("request.malformed_json");
        return;
    }
    if (!value.is_object()) {
        parse_problem_ = Problem::BadRequest("request.malformed_json");
        return;
    }
    object_ = std::move(value.as_object());
}

const boost::json::value* JsonBody::Take(std::string_view field) {
    taken_.insert(std::string(field));
    const auto* value = object_.if_contains(field);
    if (value != nullptr && value->is_null()) return nullptr;  // null means absent
    return value;
}

std::optional<std::string> JsonBody::OptionalString(std::string_view field, StringRule rule) {
    const auto* value = Take(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
        AddError(std::string(field), "validation.wrong_type");
        return std::nullopt;
    }
    std::string_view text = value->as_string();
    if (rule.trim) text = Trim(text);
    const std::size_t chars = CountCodePoints(text);
    if (chars < rule.min_chars) {
        AddError(std::string(field), chars == 0 ? "validation.required" : "validation.too_short");
    } else if (chars > rule.max_chars) {
        AddError(std::string(field), "validation.too_long");
    }
    return std::string(text);
}

std::string JsonBody::String(std::string_view field, StringRule rule) {
    if (rule.min_chars == 0) rule.min_chars = 1;
    auto value = OptionalString(field, rule);
    if (!value && !HasError(field)) AddError(std::string(field), "validation.required");
    return value.value_or(std::string{});
}

std::optional<std::int64_t> JsonBody::OptionalInt(std::string_view field, std::int64_t min, std::int64_t max) {
    const auto* value = Take(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_int64() && !value->is_uint64()) {
        AddError(std::string(field), "validation.wrong_type");
        return std::nullopt;
    }
    if (value->is_uint64() && value->as_uint64() > static_cast<std::uint64_t>(max)) {
        AddError(std::string(field), "validation.out_of_range");
        return std::nullopt;
    }
    const std::int64_t n = value->is_int64() ? value->as_int64() : static_cast<std::int64_t>(value->as_uint64());
    if (n < min || n > max) {
        AddError(std::string(field), "validation.out_of_range");
        return std::nullopt;
    }
    return n;
}

std::optional<bool> JsonBody::OptionalBool(std::string_view field) {
    const auto* value = Take(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_bool()) {
        AddError(std::string(field), "validation.wrong_type");
        return std::nullopt;
    }
    return value->as_bool();
}

std::optional<std::int64_t> ParseJsonId(const boost::json::value& value) {
    if (!value.is_string()) return std::nullopt;
    const auto& text = value.as_string();
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

std::optional<std::int64_t> JsonBody::OptionalId(std::string_view field) {
    const auto* value = Take(field);
    if (value == nullptr) return std::nullopt;
    auto id = ParseJsonId(*value);
    if (!id) AddError(std::string(field), value->is_string() ? "validation.invalid_format" : "validation.wrong_type");
    return id;
}

std::optional<std::vector<std::int64_t>> JsonBody::OptionalIdList(std::string_view field, std::size_t min_items,
                                                                  std::size_t max_items) {
    const auto* value = Take(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_array()) {
        AddError(std::string(field), "validation.wrong_type");
        return std::nullopt;
    }
    const auto& array = value->as_array();
    if (array.size() < min_items || array.size() > max_items) {
        AddError(std::string(field), array.empty() ? "validation.required" : "validation.out_of_range");
        return std::nullopt;
    }
    std::vector<std::int64_t> ids;
    for (const auto& item : array) {
        const auto id = ParseJsonId(item);
        if (!id) {
            AddError(std::string(field), "validation.invalid_format");
            return std::nullopt;
        }
        if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
            AddError(std::string(field), "validation.duplicate");
            return std::nullopt;
        }
        ids.push_back(*id);
    }
    return ids;
}

std::optional<std::vector<std::string>> JsonBody::OptionalStringList(std::string_view field, std::size_t max_items,
                                                                     std::size_t max_chars) {
    const auto* value = Take(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_array()) {
        AddError(std::string(field), "validation.wrong_type");
        return std::nullopt;
    }
    const auto& array = value->as_array();
    if (array.size() > max_items) {
        AddError(std::string(field), "validation.out_of_range");
        return std::nullopt;
    }
    std::vector<std::string> items;
    for (const auto& item : array) {
        if (!item.is_string() || CountCodePoints(item.as_string()) > max_chars) {
            AddError(std::string(field), "validation.invalid_format");
            return std::nullopt;
        }
        std::string text(item.as_string());
        if (std::find(items.begin(), items.end(), text) != items.end()) {
            AddError(std::string(field), "validation.duplicate");
            return std::nullopt;
        }
        items.push_back(std::move(text));
    }
    return items;
}

bool JsonBody::IsNull(std::string_view field) {
    taken_.insert(std::string(field));
    const auto* value = object_.if_contains(field);
    return value != nullptr && value->is_null();
}

void JsonBody::AddError(std::string field, std::string code) {
    if (HasError(field)) return;  // one error per field: the first is the most useful
    errors_.push_back({std::move(field), std::move(code)});
}

bool JsonBody::HasError(std::string_view field) const {
    for (const auto& e : errors_) {
        if (e.field == field) return true;
    }
    return false;
}

std::optional<Response> JsonBody::Finish() {
    if (parse_problem_) return std::move(parse_problem_);
    std::vector<FieldError> unknown;
    for (const auto& [key, value] : object_) {
        if (!taken_.contains(std::string_view(key))) unknown.push_back({std::string(key), "request.unknown_field"});
    }
    if (!unknown.empty()) return Problem::Make(400, "request.unknown_field", std::move(unknown));
    if (!errors_.empty()) return Problem::Validation(std::move(errors_));
    return std::nullopt;
}

}  // namespace sikgu::http
