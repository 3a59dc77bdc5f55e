#include <boost/json.hpp>

#include <algorithm>

#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "services/notify/api/notify_api.hpp"

namespace sikgu::notify {
namespace {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

std::string NotificationEvent(const Notification& n, std::int64_t unread, http::Language language) {
    boost::json::object json = NotificationJson(n, language);
    json["unread"] = unread;
    return http::SseEvent(boost::json::serialize(json), "notification", std::to_string(n.seq));
}

std::string UnreadEvent(std::int64_t unread) {
    return http::SseEvent(boost::json::serialize(boost::json::object{{"count", unread}}), "unread");
}

// One user's stream. Everything after `last_` is sent exactly once, in seq order: from the hub's inbox when
// it continues what was sent, from storage when there is a gap (a reconnect's Last-Event-ID, an inbox that
// overflowed, a notification committed by another instance, found at the heartbeat).
class NotificationStream final : public http::StreamBody {
public:
    NotificationStream(const NotifyDeps& deps, std::int64_t user_id, std::optional<std::int64_t> last_event_id,
                       http::Language language)
        : deps_(deps), user_id_(user_id), resume_from_(last_event_id), language_(language) {}

    core::Task<void> Run(http::StreamWriter& out) override {
        // Join before reading where storage ends, so nothing committed in between is missed.
        inbox_ = deps_.hub.Join(user_id_, out.Waker());
        struct Leave {
            NotificationStream& s;
            ~Leave() { s.deps_.hub.Leave(s.user_id_, s.inbox_); }
        } leave{*this};

        const std::int64_t stored_last = co_await deps_.store.LastSeq(user_id_);
        // An id beyond what this user has (another server's, a reset database) is stale: resume from the end.
        last_ = std::min(resume_from_.value_or(stored_last), stored_last);
        std::string opening = http::SseRetry(deps_.retry);
        if (last_ < stored_last) {
            const bool complete = co_await AppendFromStorage(opening);
            if (!complete) opening += http::SseEvent("{}", "resync");  // too far behind: reload the list
        }
        const std::int64_t unread = co_await deps_.store.Unread(user_id_);
        opening += UnreadEvent(unread);
        if (!co_await out.Write(opening)) co_return;
        auto last_write = SteadyClock::now();

        while (true) {
            const auto idle = SteadyClock::now() - last_write;
            const auto wait = std::max<SteadyClock::duration>(1ms, deps_.heartbeat - idle);
            if (!co_await out.Wait(std::chrono::ceil<std::chrono::milliseconds>(wait))) {
                const http::StopReason reason = out.Reason();
                const bool auth = reason == http::StopReason::kExpired || reason == http::StopReason::kRevoked;
                const std::string last = http::SseEvent(std::string(http::StopReasonName(reason)), auth ? "reauth" : "bye");
                co_await out.Write(last);
                co_return;
            }
            std::string batch;
            const NotificationHub::Inbox::Taken taken = inbox_->Take();
            // Commits of one group can hand over their notifications in any order: send the run that continues
            // what was sent, and read the rest from storage at the first gap.
            bool gap = taken.overflowed;
            for (const Stored& s : taken.items) {
                if (gap || s.notification.seq <= last_) continue;
                if (s.notification.seq != last_ + 1) {
                    gap = true;
                    continue;
                }
                batch += NotificationEvent(s.notification, s.unread, language_);
                last_ = s.notification.seq;
            }
            if (gap) {
                if (!co_await AppendFromStorage(batch)) batch += http::SseEvent("{}", "resync");
            } else if (!batch.empty()) {
                // Each event carries the count after it.
            } else if (taken.unread) {
                // Read or deleted elsewhere: counts from different commits can arrive out of order, so ask storage.
                const std::int64_t now_unread = co_await deps_.store.Unread(user_id_);
                batch += UnreadEvent(now_unread);
            } else if (SteadyClock::now() - last_write >= deps_.heartbeat) {
                // Quiet: catch what another instance committed, then keep proxies from timing the stream out.
                const std::int64_t stored = co_await deps_.store.LastSeq(user_id_);
                if (stored > last_ && !co_await AppendFromStorage(batch)) batch += http::SseEvent("{}", "resync");
                if (batch.empty()) batch = http::SseComment("heartbeat");
            }
            if (batch.empty()) continue;
            if (!co_await out.Write(batch)) co_return;
            last_write = SteadyClock::now();
        }
    }

private:
    // Appends the stored notifications after last_ (at most Limits::kReplayMax) and advances last_. False when
    // more remain: last_ then jumps to the end and the client is told to reload.
    core::Task<bool> AppendFromStorage(std::string& out) {
        const std::vector<Notification> missed = co_await deps_.store.After(user_id_, last_, Limits::kReplayMax + 1);
        if (missed.empty()) co_return true;
        const std::int64_t unread = co_await deps_.store.Unread(user_id_);
        const std::size_t sent = std::min<std::size_t>(missed.size(), Limits::kReplayMax);
        for (std::size_t i = 0; i < sent; ++i) out += NotificationEvent(missed[i], unread, language_);
        last_ = missed[sent - 1].seq;
        if (missed.size() <= static_cast<std::size_t>(Limits::kReplayMax)) co_return true;
        last_ = co_await deps_.store.LastSeq(user_id_);
        co_return false;
    }

    const NotifyDeps& deps_;
    const std::int64_t user_id_;
    const std::optional<std::int64_t> resume_from_;
    const http::Language language_;
    std::shared_ptr<NotificationHub::Inbox> inbox_;
    std::int64_t last_ = 0;
};

}  // namespace

core::Task<http::Response> StreamHandler::Handle(http::Request& request) const {
    std::optional<std::int64_t> last_event_id;
    if (const auto text = http::LastEventId(request)) last_event_id = ParseEventId(*text);
    co_return http::EventStream(
        std::make_shared<NotificationStream>(deps_, request.User(), last_event_id, request.GetLanguage()));
}

}  // namespace sikgu::notify
