#pragma once

// The listener's side of a WebSocket session: Beast, so only server.cpp and websocket_connection.cpp include it.

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <memory>

#include "core/async/task.hpp"
#include "core/http/live.hpp"
#include "core/http/request.hpp"
#include "core/http/websocket.hpp"

namespace sikgu::http {

class Pipeline;

using TcpStream = core::AsTuple::as_default_on_t<boost::beast::tcp_stream>;
using UpgradeRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// Runs an admitted upgrade on `stream`: answers the handshake, then reads messages into `session` and
/// writes its outbox until the connection ends (client close, session close, drain, expiry or revocation
/// of the credential, idle timeout, or a client that does not read: its outbox overflowing or a write
/// stalling past the write timeout cuts it off). `on_live` is called once the handshake has succeeded.
core::Task<void> RunWebSocket(TcpStream& stream, const UpgradeRequest& upgrade, const Request& request,
                              const std::shared_ptr<WebSocketSession>& session, const Pipeline& pipeline,
                              const LiveLimits& limits, LiveRouteStats& stats,
                              const std::function<void(const std::shared_ptr<LiveSession>&)>& on_live);

}  // namespace sikgu::http
