#pragma once

#include <stdexcept>

namespace sikgu {

/// A bounded queue or pool is full. The pipeline answers 503 server.overloaded with Retry-After.
class OverloadedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace sikgu
