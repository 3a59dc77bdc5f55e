#include <boost/json.hpp>

#include "core/util/time.hpp"
#include "services/notify/api/notify_api.hpp"

namespace sikgu::notify {

std::string Text(const Notification& n, http::Language language) {
    const bool ko = language == http::Language::kKo;
    const std::string quoted = ko ? "‘" + n.subject + "’" : "“" + n.subject + "”";
    switch (n.kind) {
        case Kind::kComment:
            return ko ? quoted + "에 새 댓글: " + n.detail : "New comment on " + quoted + ": " + n.detail;
        case Kind::kReply:
            return ko ? "내 댓글에 답글: " + n.detail : "Reply to your comment: " + n.detail;
        case Kind::kLike:
            return ko ? "누군가 " + quoted + "을(를) 좋아해요" : "Someone liked " + quoted;
        case Kind::kWish:
            return ko ? "누군가 " + quoted + " 글을 찜했어요" : "Someone added " + quoted + " to their wish list";
        case Kind::kKeyword:
            return ko ? "키워드 ‘" + n.detail + "’ 새 글: " + n.subject
                      : "New listing for “" + n.detail + "”: " + n.subject;
        case Kind::kChat:
            return n.subject + ": " + n.detail;  // who wrote, and the message
        case Kind::kPayment:
            return ko ? "결제: " + n.subject : "Payment: " + n.subject;
        case Kind::kCoupon:
            return ko ? "쿠폰: " + n.subject : "Coupon: " + n.subject;
    }
    return n.subject;
}

boost::json::object NotificationJson(const Notification& n, http::Language language) {
    return {{"id", std::to_string(n.seq)},
            {"type", KindName(n.kind)},
            {"text", Text(n, language)},
            {"subject", n.subject},
            {"detail", n.detail},
            {"link", n.link},
            {"read", n.read},
            {"created_at", FormatRfc3339(FromUnixMillis(n.created_at))}};
}

}  // namespace sikgu::notify
