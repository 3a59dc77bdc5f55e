#pragma once

#include <string>

#include "core/http/response.hpp"

namespace sikgu::http {

/// Whether a response with this status carries a body (and so a Content-Length).
constexpr bool StatusHasBody(int status) { return status >= 200 && status != 204 && status != 304; }

/// Serializes the HTTP/1.1 status line and header block of `response` into `out`, which the server reuses
/// across a connection's requests so that steady-state responses allocate nothing here. Adds Date,
/// Content-Type, Content-Length (for a streamed response of unknown length: Transfer-Encoding: chunked) and
/// Connection. Names and values are checked so that no value can split the response: a bad one is dropped
/// and logged, since it is a bug in sikgu rather than in the request.
void WriteResponseHead(std::string& out, const Response& response, unsigned version, bool keep_alive);

}  // namespace sikgu::http
