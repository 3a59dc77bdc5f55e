#pragma once

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/types.hpp"

namespace sikgu::http {

class StreamBody;
class WebSocketSession;

/// An expected failure, rendered by the pipeline as RFC 9457 problem+json in the caller's language.
struct ProblemInfo {
    std::string code;  // stable machine code, e.g. "plant.not_found"; keys the message catalog
    int status = 400;
    std::vector<FieldError> errors;
    std::optional<std::string> detail;  // overrides the catalog text (rarely needed)
};

struct Response {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<Header> headers;
    // Header lines the pipeline writes on every response of a kind ("Name: value\r\n"...), compile-time
    // constants written as they are: the per-response work goes to the headers that vary.
    std::string_view fixed_headers;
    std::optional<ProblemInfo> problem;
    // Long-lived answers (core/http/stream.hpp, core/http/websocket.hpp): the body is written by `stream`
    // as it goes (`stream_length` bytes when known), or the connection upgrades to `websocket`.
    std::shared_ptr<StreamBody> stream;
    std::optional<std::uint64_t> stream_length;
    std::shared_ptr<WebSocketSession> websocket;

    Response& SetHeader(std::string name, std::string value);
};

Response Json(int status, const boost::json::value& value);
Response Json(const boost::json::value& value);
Response NoContent();
Response Redirect(std::string location);
Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");

/// Problems as values: `co_return Problem::NotFound("plant.not_found");`
struct Problem {
    static Response Make(int status, std::string code, std::vector<FieldError> errors = {});
    static Response BadRequest(std::string code) { return Make(400, std::move(code)); }
    static Response Unauthorized(std::string code) { return Make(401, std::move(code)); }
    static Response Forbidden(std::string code) { return Make(403, std::move(code)); }
    static Response NotFound(std::string code) { return Make(404, std::move(code)); }
    static Response Conflict(std::string code) { return Make(409, std::move(code)); }
    static Response Gone(std::string code) { return Make(410, std::move(code)); }
    static Response Validation(std::vector<FieldError> errors) { return Make(422, "validation.failed", std::move(errors)); }
    static Response TooManyRequests(std::string code, int retry_after_seconds);
};

}  // namespace sikgu::http
