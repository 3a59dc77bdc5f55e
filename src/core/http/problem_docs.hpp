#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/handler.hpp"

namespace sikgu::http {

/// What docs/openapi.yaml says of one problem code (its `x-error-codes` entry).
struct ProblemDoc {
    int status = 0;
    std::string en;
    std::string ko;
};

/// The documentation every problem's `type` URI points to: `/api/problems/<code>` answers a page (or JSON,
/// for `Accept: application/json`) with the code's status and its description in Korean and English, taken
/// from the API contract compiled into the binary; `/api/problems` lists every code.
class ProblemDocs final : public Handler {
public:
    /// Reads the `x-error-codes` table of an OpenAPI document written as docs/openapi.yaml is.
    static std::map<std::string, ProblemDoc, std::less<>> ParseOpenApi(std::string_view yaml);

    explicit ProblemDocs(std::string_view openapi_yaml);
    core::Task<Response> Handle(Request& request) const override;
    std::optional<ProblemDoc> Find(std::string_view code) const;

private:
    std::map<std::string, ProblemDoc, std::less<>> docs_;
};

}  // namespace sikgu::http
