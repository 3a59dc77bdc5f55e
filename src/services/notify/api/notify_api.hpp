#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <string>

#include "core/http/handler.hpp"
#include "core/http/stream.hpp"
#include "core/http/types.hpp"
#include "services/notify/live/notification_hub.hpp"
#include "services/notify/store/notify_store.hpp"

namespace sikgu::notify {

/// What every notify endpoint may use, built once by the module.
struct NotifyDeps {
    NotifyStore& store;
    NotificationHub& hub;
    std::chrono::milliseconds heartbeat{15000};  // an SSE comment at least this often
    std::chrono::milliseconds retry{3000};       // the reconnection delay a stream asks for
};

/// The short sentence shown in the list and the live toast, in the reader's language.
std::string Text(const Notification& n, http::Language language);
boost::json::object NotificationJson(const Notification& n, http::Language language);

class NotifyHandler : public http::Handler {
public:
    explicit NotifyHandler(const NotifyDeps& deps) : deps_(deps) {}

protected:
    const NotifyDeps& deps_;
};

#define SIKGU_NOTIFY_HANDLER(Name)                                                \
    class Name final : public NotifyHandler {                                     \
    public:                                                                       \
        using NotifyHandler::NotifyHandler;                                       \
        core::Task<http::Response> Handle(http::Request& request) const override; \
    }

SIKGU_NOTIFY_HANDLER(ListHandler);         // GET /api/v1/notifications
SIKGU_NOTIFY_HANDLER(UnreadCountHandler);  // GET /api/v1/notifications/unread-count
SIKGU_NOTIFY_HANDLER(MarkReadHandler);     // PUT /api/v1/notifications/{id}/read
SIKGU_NOTIFY_HANDLER(MarkAllReadHandler);  // POST /api/v1/notifications/read-all
SIKGU_NOTIFY_HANDLER(RemoveHandler);       // DELETE /api/v1/notifications/{id}
SIKGU_NOTIFY_HANDLER(SettingsHandler);     // GET /api/v1/notifications/settings
SIKGU_NOTIFY_HANDLER(SetSettingsHandler);  // PUT /api/v1/notifications/settings

#undef SIKGU_NOTIFY_HANDLER

/// GET /api/v1/notifications/stream: the user's notifications as Server-Sent Events.
class StreamHandler final : public http::StreamHandler {
public:
    explicit StreamHandler(const NotifyDeps& deps) : deps_(deps) {}
    core::Task<http::Response> Handle(http::Request& request) const override;

private:
    const NotifyDeps& deps_;
};

}  // namespace sikgu::notify
