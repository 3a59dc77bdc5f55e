#include "core/http/response.hpp"

#include <boost/json.hpp>

namespace sikgu::http {

Response& Response::SetHeader(std::string name, std::string value) {
    headers.push_back({std::move(name), std::move(value)});
    return *this;
}

Response Json(int status, const boost::json::value& value) {
    Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = boost::json::serialize(value);
    return r;
}

Response Json(const boost::json::value& value) { return Json(200, value); }

Response NoContent() {
    Response r;
    r.status = 204;
    return r;
}

Response Redirect(std::string location) {
    Response r;
    r.status = 302;
    r.SetHeader("Location", std::move(location));
    return r;
}

Response Text(int status, std::string body, std::string content_type) {
    Response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
}

Response Problem::Make(int status, std::string code, std::vector<FieldError> errors) {
    Response r;
    r.status = status;
    r.problem = ProblemInfo{std::move(code), status, std::move(errors), std::nullopt};
    return r;
}

Response Problem::TooManyRequests(std::string code, int retry_after_seconds) {
    Response r = Make(429, std::move(code));
    r.SetHeader("Retry-After", std::to_string(retry_after_seconds));
    return r;
}

}  // namespace sikgu::http
