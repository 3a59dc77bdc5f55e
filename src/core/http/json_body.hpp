#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace sikgu::http {

struct StringRule {
    std::size_t min_chars = 0;     // in code points
    std::size_t max_chars = 1000;  // in code points
    bool trim = true;
};

/// Reads a JSON object request body field by field and collects every problem, so a client learns about
/// all bad fields at once. Nothing is written by a handler until Finish() returns no problem.
///
///   JsonBody body(request);
///   std::string name = body.String("name", {.min_chars = 2, .max_chars = 16});
///   if (auto problem = body.Finish()) co_return std::move(*problem);
class JsonBody {
public:
    explicit JsonBody(const Request& request);

    std::string String(std::string_view field, StringRule rule = {});
    std::optional<std::string> OptionalString(std::string_view field, StringRule rule = {});
    std::optional<std::int64_t> OptionalInt(std::string_view field, std::int64_t min, std::int64_t max);
    std::optional<bool> OptionalBool(std::string_view field);
    /// An id sent as a decimal string (the API's Id), at least 1.
    std::optional<std::int64_t> OptionalId(std::string_view field);
    /// An array of ids (decimal strings), between min_items and max_items long, without repeats.
    std::optional<std::vector<std::int64_t>> OptionalIdList(std::string_view field, std::size_t min_items,
                                                            std::size_t max_items);
    /// An array of at most max_items distinct strings of at most max_chars code points each (empty allowed).
    std::optional<std::vector<std::string>> OptionalStringList(std::string_view field, std::size_t max_items,
                                                               std::size_t max_chars);
    /// True when the field is sent as an explicit null (for edits, where null removes a value).
    bool IsNull(std::string_view field);

    /// Records a domain validation failure for a field (returned as 422 with the others).
    void AddError(std::string field, std::string code);
    bool HasError(std::string_view field) const;

    /// The first of: a body that is not JSON (400/415), an unknown field (400), or field errors (422).
    std::optional<Response> Finish();

private:
    const boost::json::value* Take(std::string_view field);

    std::optional<Response> parse_problem_;
    boost::json::object object_;
    std::set<std::string, std::less<>> taken_;
    std::vector<FieldError> errors_;
};

/// An id as the API writes them (a decimal string, 1 or more): what JsonBody's id fields accept.
std::optional<std::int64_t> ParseJsonId(const boost::json::value& value);

}  // namespace sikgu::http
