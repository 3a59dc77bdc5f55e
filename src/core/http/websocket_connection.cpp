#include "core/http/websocket_connection.hpp"

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <cmath>
#include <optional>

#include "core/http/pipeline.hpp"
#include "core/obs/log.hpp"

namespace sikgu::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using Timer = core::AsTuple::as_default_on_t<asio::steady_timer>;

namespace {

// How often a session looks at its write in progress and, every recheck interval, at its credential.
constexpr std::chrono::seconds kMonitorTick{1};

int CloseCodeFor(StopReason reason) {
    switch (reason) {
        case StopReason::kShutdown: return close_code::kGoingAway;
        case StopReason::kExpired:
        case StopReason::kRevoked: return close_code::kPolicyViolation;
        case StopReason::kError: return close_code::kInternalError;
        default: return close_code::kNormal;
    }
}

// The close frame's reason text: what a client can act on (reconnect with a fresh credential, or later).
std::string CloseTextFor(StopReason reason) {
    switch (reason) {
        case StopReason::kShutdown: return "server shutting down";
        case StopReason::kExpired: return "auth.token_expired";
        case StopReason::kRevoked: return "auth.token_revoked";
        case StopReason::kError: return "server.internal";
        default: return {};
    }
}

class WebSocketConnection final : public LiveSession, public std::enable_shared_from_this<WebSocketConnection> {
public:
    WebSocketConnection(TcpStream& stream, const Request& request, std::shared_ptr<WebSocketSession> session,
                        const Pipeline& pipeline, const LiveLimits& limits, LiveRouteStats& stats)
        : ws_(stream),
          executor_(stream.get_executor()),
          wake_(executor_),
          monitor_(executor_),
          request_(request),
          session_(std::move(session)),
          outbox_(session_->Outbox()),
          pipeline_(pipeline),
          limits_(limits),
          stats_(stats) {}

    core::Task<void> Run(const UpgradeRequest& upgrade,
                         const std::function<void(const std::shared_ptr<LiveSession>&)>& on_live) {
        using namespace asio::experimental::awaitable_operators;
        const auto started = std::chrono::steady_clock::now();
        // Beast's own timers from here on: the handshake, then idle detection with pings at half the idle time.
        ws_.next_layer().expires_never();
        ws_.set_option(websocket::stream_base::timeout{limits_.websocket_handshake, limits_.websocket_idle, true});
        const std::string request_id = request_.request_id;
        const std::string subprotocol = session_->Subprotocol();
        ws_.set_option(websocket::stream_base::decorator([request_id, subprotocol](websocket::response_type& response) {
            response.set("X-Request-Id", request_id);
            if (!subprotocol.empty()) response.set(boost::beast::http::field::sec_websocket_protocol, subprotocol);
        }));
        const std::size_t route_max = request_.Options().max_message_bytes;
        ws_.read_message_max(route_max != 0 ? route_max : limits_.websocket_max_message);
        auto [accept_ec] = co_await ws_.async_accept(upgrade);
        if (accept_ec) co_return;

        std::weak_ptr<WebSocketConnection> weak = weak_from_this();
        outbox_->Attach(limits_.websocket_queue_bytes, [weak, executor = executor_] {
            asio::post(executor, [weak] {
                const auto self = weak.lock();
                if (!self) return;
                self->outbox_->WakeHandled();
                if (self->outbox_->Overflowed() && !self->reading_done_) {
                    // At once, even while a write is stuck: waiting for it is what a client that does not
                    // read would make us do.
                    self->SetReason(StopReason::kTooSlow);
                    self->CutOff();
                }
                self->wake_.cancel();
            });
        });
        stats_.open.fetch_add(1);
        on_live(shared_from_this());
        try {
            co_await session_->OnOpen();
        } catch (const std::exception& e) {
            Failed("on_open", e);
        }
        co_await (ReadLoop() && WriteLoop() && Monitor());

        outbox_->Detach();
        stats_.open.fetch_sub(1);
        stats_.Ended(reason_);
        try {
            session_->OnClose(reason_);
        } catch (const std::exception& e) {
            Failed("on_close", e);
        }
        if (obs::Enabled(obs::Level::kInfo)) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            obs::Log(obs::Level::kInfo, "live_closed",
                     {{"request_id", request_.request_id},
                      {"route", request_.route},
                      {"kind", "websocket"},
                      {"reason", StopReasonName(reason_)},
                      {"duration_ms", std::round(seconds * 1e3)},
                      {"messages_in", messages_in_},
                      {"messages_out", messages_out_}});
        }
    }

    void Stop(StopReason reason) override {
        asio::post(executor_, [self = shared_from_this(), reason] { self->StopHere(reason); });
    }

private:
    core::Task<void> ReadLoop() {
        beast::flat_buffer buffer;
        while (true) {
            auto [ec, n] = co_await ws_.async_read(buffer);
            if (ec) {
                if (ec == websocket::error::closed) {
                    SetReason(StopReason::kClosed);
                } else if (ec == beast::error::timeout) {
                    SetReason(StopReason::kIdle);
                } else if (ec == websocket::error::message_too_big) {
                    SetReason(StopReason::kError);  // Beast has answered with close code 1009
                } else {
                    SetReason(StopReason::kClientGone);
                }
                break;
            }
            ++messages_in_;
            stats_.messages_in.fetch_add(1);
            if (reason_ != StopReason::kNone) {  // closing: what still arrives is read only to finish the handshake
                buffer.consume(buffer.size());
                continue;
            }
            const std::string data = beast::buffers_to_string(buffer.data());
            buffer.consume(buffer.size());
            const bool binary = ws_.got_binary();
            try {
                co_await session_->OnMessage(data, binary);
            } catch (const std::exception& e) {
                Failed("on_message", e);
            }
        }
        reading_done_ = true;
        wake_.cancel();
        monitor_.cancel();
    }

    core::Task<void> WriteLoop() {
        while (!reading_done_) {
            if (outbox_->Overflowed()) {
                // It stopped reading: a close frame would only queue behind what it does not take.
                SetReason(StopReason::kTooSlow);
                CutOff();
                break;
            }
            if (auto message = outbox_->Pop()) {
                ws_.binary(message->binary);
                writing_since_ = std::chrono::steady_clock::now();
                auto [ec, n] = co_await ws_.async_write(asio::buffer(message->data));
                writing_since_.reset();
                if (ec) {
                    SetReason(StopReason::kClientGone);
                    break;
                }
                ++messages_out_;
                stats_.messages_out.fetch_add(1);
                continue;
            }
            if (const auto close = outbox_->PendingClose()) {
                // The read loop ends when the client answers the close frame (or the handshake timeout passes).
                auto [ec] = co_await ws_.async_close(websocket::close_reason(
                    static_cast<websocket::close_code>(close->code), close->reason));
                if (ec) CutOff();
                break;
            }
            wake_.expires_at(Timer::time_point::max());
            co_await wake_.async_wait();
        }
    }

    core::Task<void> Monitor() {
        const auto recheck_every = std::max<std::int64_t>(1, limits_.recheck_interval / kMonitorTick);
        std::int64_t ticks = 0;
        while (!reading_done_) {
            monitor_.expires_after(kMonitorTick);
            co_await monitor_.async_wait();
            if (reading_done_) break;
            if (writing_since_ && std::chrono::steady_clock::now() - *writing_since_ > limits_.write_timeout) {
                SetReason(StopReason::kTooSlow);
                CutOff();
                break;
            }
            if (++ticks % recheck_every == 0 && reason_ == StopReason::kNone) {
                if (const StopReason verdict = pipeline_.Recheck(request_); verdict != StopReason::kNone) {
                    StopHere(verdict);
                }
            }
        }
    }

    // On the strand: remembers why and asks for the closing handshake after the queued messages.
    void StopHere(StopReason reason) {
        if (reading_done_ || reason_ != StopReason::kNone) return;
        SetReason(reason);
        outbox_->RequestClose(CloseCodeFor(reason), CloseTextFor(reason));
    }

    void SetReason(StopReason reason) {
        if (reason_ == StopReason::kNone) reason_ = reason;
    }

    void CutOff() {
        boost::system::error_code ignored;
        ws_.next_layer().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        ws_.next_layer().socket().close(ignored);
    }

    void Failed(std::string_view where, const std::exception& e) {
        obs::Log(obs::Level::kError, "unhandled_exception",
                 {{"request_id", request_.request_id}, {"route", request_.route}, {"in", where}, {"what", e.what()}});
        StopHere(StopReason::kError);
    }

    websocket::stream<TcpStream&> ws_;
    TcpStream::executor_type executor_;
    Timer wake_;
    Timer monitor_;
    const Request& request_;
    std::shared_ptr<WebSocketSession> session_;
    std::shared_ptr<WebSocketOutbox> outbox_;
    const Pipeline& pipeline_;
    const LiveLimits& limits_;
    LiveRouteStats& stats_;
    StopReason reason_ = StopReason::kNone;
    bool reading_done_ = false;
    std::optional<std::chrono::steady_clock::time_point> writing_since_;
    std::uint64_t messages_in_ = 0;
    std::uint64_t messages_out_ = 0;
};

}  // namespace

core::Task<void> RunWebSocket(TcpStream& stream, const UpgradeRequest& upgrade, const Request& request,
                              const std::shared_ptr<WebSocketSession>& session, const Pipeline& pipeline,
                              const LiveLimits& limits, LiveRouteStats& stats,
                              const std::function<void(const std::shared_ptr<LiveSession>&)>& on_live) {
    const auto connection = std::make_shared<WebSocketConnection>(stream, request, session, pipeline, limits, stats);
    co_await connection->Run(upgrade, on_live);
}

}  // namespace sikgu::http
