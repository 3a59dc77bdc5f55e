#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sikgu::http {

enum class Verb { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view VerbName(Verb verb);

enum class Language { kKo, kEn };

/// Who may call a route; the pipeline checks it before the handler runs.
enum class Auth {
    kPublic,    // anyone
    kOptional,  // anyone; a valid token, if sent, identifies the caller
    kUser,      // a valid access token is required
    kService,   // another sikgu service's credential is required (internal API); user tokens never pass
};

struct Header {
    std::string name;
    std::string value;
};

struct FieldError {
    std::string field;
    std::string code;
};

}  // namespace sikgu::http
