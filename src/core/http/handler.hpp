#pragma once

#include <functional>

#include "core/async/task.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace sikgu::http {

/// One endpoint. Dependencies come in through the constructor; Handle() must be safe to call concurrently.
class Handler {
public:
    virtual ~Handler() = default;
    virtual core::Task<Response> Handle(Request& request) const = 0;
};

/// Adapts a lambda for small endpoints (health checks, docs).
class FunctionHandler final : public Handler {
public:
    using Function = std::function<core::Task<Response>(Request&)>;
    explicit FunctionHandler(Function function) : function_(std::move(function)) {}
    core::Task<Response> Handle(Request& request) const override { return function_(request); }

private:
    Function function_;
};

}  // namespace sikgu::http
