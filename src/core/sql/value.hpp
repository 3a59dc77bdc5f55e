#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sikgu::sql {

/// A parameter or a column value. Both engines map onto these four kinds.
class Value {
public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(std::int64_t v) : data_(v) {}
    Value(int v) : data_(static_cast<std::int64_t>(v)) {}
    Value(bool v) : data_(static_cast<std::int64_t>(v ? 1 : 0)) {}
    Value(double v) : data_(v) {}
    Value(std::string v) : data_(std::move(v)) {}
    Value(std::string_view v) : data_(std::string(v)) {}
    Value(const char* v) : data_(std::string(v)) {}
    template <class T>
    Value(const std::optional<T>& v) {
        if (v) *this = Value(*v);
    }

    bool IsNull() const { return std::holds_alternative<std::monostate>(data_); }
    bool IsInt() const { return std::holds_alternative<std::int64_t>(data_); }
    bool IsDouble() const { return std::holds_alternative<double>(data_); }
    bool IsText() const { return std::holds_alternative<std::string>(data_); }

    std::int64_t AsInt() const;
    double AsDouble() const;
    const std::string& AsText() const;
    std::optional<std::int64_t> AsOptionalInt() const { return IsNull() ? std::nullopt : std::optional(AsInt()); }
    std::optional<std::string> AsOptionalText() const { return IsNull() ? std::nullopt : std::optional(AsText()); }

private:
    std::variant<std::monostate, std::int64_t, double, std::string> data_;
};

using Row = std::vector<Value>;
using Rows = std::vector<Row>;

/// A failed statement (syntax, connection). Infrastructure trouble: the request answers 500/503.
class SqlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A UNIQUE (or primary key) constraint was violated: an expected outcome callers turn into 409.
class UniqueViolation : public SqlError {
public:
    using SqlError::SqlError;
};

}  // namespace sikgu::sql
