#include "core/http/messages.hpp"

#include <stdexcept>
#include <vector>

namespace sikgu::http {
namespace {
constexpr Message kCoreMessages[] = {
    {"request.malformed_json", "요청 본문이 올바른 JSON이 아닙니다.", "The request body is not valid JSON."},
    {"request.invalid_utf8", "요청에 올바르지 않은 UTF-8 문자가 있습니다.", "The request contains invalid UTF-8."},
    {"request.unsupported_media_type", "지원하지 않는 Content-Type입니다. application/json으로 보내 주세요.",
     "Unsupported Content-Type; send application/json."},
    {"request.body_too_large", "요청 본문이 너무 큽니다.", "The request body is too large."},
    {"request.headers_too_large", "요청 헤더가 너무 큽니다.", "The request headers are too large."},
    {"request.malformed", "요청 형식이 올바르지 않습니다.", "The request is malformed."},
    {"idempotency.key_required", "이 요청에는 Idempotency-Key 헤더가 필요합니다.", "This request needs an Idempotency-Key header."},
    {"idempotency.key_invalid", "Idempotency-Key는 255자 이하의 출력 가능한 ASCII 문자여야 합니다.",
     "The Idempotency-Key must be 1 to 255 printable ASCII characters."},
    {"idempotency.key_reused", "같은 Idempotency-Key가 다른 요청에 이미 쓰였습니다.",
     "This Idempotency-Key was already used for a different request."},
    {"idempotency.in_progress", "같은 Idempotency-Key의 요청을 아직 처리하고 있습니다. 잠시 후 다시 시도해 주세요.",
     "A request with this Idempotency-Key is still being handled; retry shortly."},
    {"auth.service_credential_required", "서비스 간 호출에만 쓸 수 있는 주소입니다.",
     "This address is for calls between sikgu services (a service credential is required)."},
    {"service.unavailable", "필요한 서비스가 응답하지 않습니다. 잠시 후 다시 시도해 주세요.",
     "A service this request needs is not answering; retry shortly."},
    {"request.bad_framing", "요청 본문의 길이를 알 수 없습니다 (Transfer-Encoding / Content-Length).",
     "The request's body length is ambiguous (Transfer-Encoding / Content-Length)."},
    {"request.unknown_field", "알 수 없는 필드가 있습니다.", "The request has an unknown field."},
    {"request.csrf_header_missing", "이 요청에는 X-Sikgu-Csrf 헤더가 필요합니다.",
     "This request needs the X-Sikgu-Csrf header."},
    {"validation.failed", "입력값을 확인해 주세요.", "Some fields are invalid."},
    {"validation.required", "필수 항목입니다.", "This field is required."},
    {"validation.wrong_type", "값의 형식이 올바르지 않습니다.", "The value has the wrong type."},
    {"validation.too_short", "너무 짧습니다.", "Too short."},
    {"validation.too_long", "너무 깁니다.", "Too long."},
    {"validation.invalid_format", "형식이 올바르지 않습니다.", "Invalid format."},
    {"validation.invalid_value", "허용되지 않는 값입니다.", "The value is not allowed."},
    {"validation.out_of_range", "허용 범위를 벗어났습니다.", "Out of range."},
    {"validation.duplicate", "같은 값이 두 번 들어 있습니다.", "The same value appears twice."},
    {"auth.unauthenticated", "로그인이 필요합니다.", "Authentication is required."},
    {"auth.token_invalid", "인증 토큰이 올바르지 않습니다.", "The access token is invalid."},
    {"auth.token_expired", "인증이 만료되었습니다. 다시 로그인해 주세요.", "The access token has expired."},
    {"auth.token_revoked", "이 인증 토큰은 더 이상 쓸 수 없습니다. 다시 로그인해 주세요.",
     "The access token was revoked (password changed or session ended)."},
    {"auth.forbidden", "이 작업을 할 권한이 없습니다.", "You are not allowed to do this."},
    {"auth.origin_refused", "이 연결은 이 사이트에서만 열 수 있습니다.",
     "This connection may only be opened from this site (the request's Origin is not allowed)."},
    {"auth.ticket_invalid", "스트림 티켓이 올바르지 않습니다.", "The stream ticket is invalid."},
    {"auth.ticket_expired", "스트림 티켓이 만료되었습니다. 새 티켓을 받아 주세요.",
     "The stream ticket has expired; get a new one."},
    {"auth.ticket_used", "이미 사용한 스트림 티켓입니다. 새 티켓을 받아 주세요.",
     "The stream ticket has already been used; get a new one."},
    {"request.upgrade_required", "이 주소는 WebSocket 연결만 받습니다.", "This resource accepts WebSocket connections only."},
    {"route.not_found", "요청한 주소를 찾을 수 없습니다.", "No such resource."},
    {"route.method_not_allowed", "이 주소에서 허용되지 않는 메서드입니다.", "Method not allowed for this resource."},
    {"rate.limited", "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.", "Too many requests; try again later."},
    {"server.overloaded", "서버가 혼잡합니다. 잠시 후 다시 시도해 주세요.", "The server is busy; try again shortly."},
    {"server.internal", "서버 오류가 발생했습니다.", "An internal error occurred."},
};
}  // namespace

std::span<const Message> CoreMessages() { return kCoreMessages; }

MessageCatalog::MessageCatalog() { Add(CoreMessages()); }

void MessageCatalog::Add(std::span<const Message> messages) {
    for (const Message& m : messages) {
        if (!by_code_.emplace(m.code, m).second) {
            throw std::logic_error("duplicate problem code: " + std::string(m.code));
        }
        all_.push_back(m);
    }
}

std::string_view MessageCatalog::Title(std::string_view code, Language language) const {
    const auto it = by_code_.find(code);
    if (it == by_code_.end()) return code;
    return language == Language::kEn ? it->second.en : it->second.ko;
}

bool MessageCatalog::Contains(std::string_view code) const { return by_code_.contains(code); }

std::span<const Message> MessageCatalog::All() const { return all_; }

}  // namespace sikgu::http
