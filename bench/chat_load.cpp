// Load generator for sikgu's live connections: chat (STOMP 1.2 over WebSocket at /ws) and the notification
// stream (Server-Sent Events at /api/v1/notifications/stream). bench/chat.sh starts the server, seeds the rooms
// and runs the modes; docs/PERFORMANCE.md ("Chat and live connections") says what the figures mean.
//
//   bench_chat_load throughput  --port P --secret S [--rooms 1000] [--window 4] [--warmup 3] [--duration 10]
//   bench_chat_load latency     --port P --secret S [--rooms 1000] [--rate 5000] [--warmup 3] [--duration 20]
//   bench_chat_load idle-stomp  --port P --secret S [--rooms 5000] [--settle 5] [--hold 20]
//   bench_chat_load idle-sse    --port P --secret S [--users 10000] [--settle 5] [--hold 20] [--fanout 1]
//                               [--keyword 몬스테라]
//   common: [--host 127.0.0.1] [--server-pid PID] [--threads 1] [--per-address 200] [--first-address 2]
//           [--room-base 9000000001] [--user-base 7000000001] [--heartbeat-ms 10000] [--openers 32]
//
// Tokens are minted here with auth::JwtCodec and the server's secret (SIKGU_CORE__AUTH__JWT_SECRET): chat and
// notify only verify the token, so the users need not exist in account. Room r (0-based) is room-base + r, its
// seller user-base + 2r and its buyer user-base + 2r + 1; bench/chat.sh inserts those rows into chat_rooms.
// Connection i binds to 127.0.0.(first-address + i / per-address), so no peer address holds more than
// per-address connections (the server's core.http.max_connections_per_address is 256 by default).
//
// Each run prints one JSON object on stdout; progress goes to stderr. With --server-pid the server's CPU time
// (utime + stime from /proc/<pid>/stat), VmRSS and the others' share of the machine's CPU are measured over
// the same window as the figures, and /metrics counters (group commits, bus, refused and ended connections)
// are read at both ends of it.
#include <sys/resource.h>
#include <unistd.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/auth/jwt.hpp"
#include "core/util/clock.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
constexpr auto kTok = asio::as_tuple(asio::use_awaitable);

const SteadyClock::time_point kStart = SteadyClock::now();
std::int64_t NowUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - kStart).count();
}

void Log(const std::string& text) { std::fprintf(stderr, "[chat_load] %s\n", text.c_str()); }

// ---------------------------------------------------------------- options

class Args {
public:
    Args(int argc, char** argv) {
        if (argc < 2) {
            throw std::invalid_argument(
                "usage: bench_chat_load <throughput|latency|idle-stomp|idle-sse> --port P --secret S ...");
        }
        mode = argv[1];
        for (int i = 2; i < argc; i += 2) {
            const std::string key = argv[i];
            if (!key.starts_with("--") || i + 1 >= argc) throw std::invalid_argument("bad option " + key);
            values_[key.substr(2)] = argv[i + 1];
        }
    }
    std::string Str(const std::string& key, std::string fallback) const {
        const auto found = values_.find(key);
        used_.push_back(key);
        return found == values_.end() ? fallback : found->second;
    }
    std::int64_t Int(const std::string& key, std::int64_t fallback) const {
        const std::string text = Str(key, std::to_string(fallback));
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size()) {
            throw std::invalid_argument("--" + key + " needs a number");
        }
        return value;
    }
    double Num(const std::string& key, double fallback) const { return std::stod(Str(key, std::to_string(fallback))); }
    void CheckAllUsed() const {
        for (const auto& [key, value] : values_) {
            if (std::find(used_.begin(), used_.end(), key) == used_.end()) {
                throw std::invalid_argument("unknown option --" + key);
            }
        }
    }
    std::string mode;

private:
    std::map<std::string, std::string> values_;
    mutable std::vector<std::string> used_;
};

// ---------------------------------------------------------------- /proc and /metrics

std::int64_t ToIntOr(std::string_view text, std::int64_t fallback = 0) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    return ec == std::errc{} && end == text.data() + text.size() ? v : fallback;
}

std::int64_t ReadStatusKib(int pid, std::string_view key) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(key)) return std::strtoll(line.c_str() + key.size() + 1, nullptr, 10);
    }
    return 0;
}

double ProcessCpuSeconds(const std::string& stat_path) {  // utime + stime
    std::ifstream in(stat_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; fields >> field; ++i) {  // field 3 is the state
        if (i == 14 || i == 15) ticks += std::stod(field);
        if (i == 15) break;
    }
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// utime + stime of each of the process's threads, by thread id.
std::map<int, double> ThreadCpuSeconds(int pid) {
    std::map<int, double> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        const auto tid = ToIntOr(entry.path().filename().string());
        if (tid > 0) out[static_cast<int>(tid)] = ProcessCpuSeconds(entry.path().string() + "/stat");
    }
    return out;
}

struct MachineTicks {
    double busy = 0;
    double total = 0;
};
MachineTicks ReadMachineTicks() {
    std::ifstream in("/proc/stat");
    std::string cpu;
    double user, nice, system, idle, iowait, irq, softirq, steal;
    in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    return {user + nice + system + irq + softirq + steal, user + nice + system + idle + iowait + irq + softirq + steal};
}

std::string LoadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// One blocking GET on a plain connection (for /metrics, from the main thread).
std::string GetBlocking(const tcp::endpoint& server, const std::string& target) {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect(server);
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, server.address().to_string());
    request.set(http::field::connection, "close");
    http::write(socket, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    return response.body();
}

using Metrics = std::map<std::string, double>;
Metrics ScrapeMetrics(const tcp::endpoint& server) {
    Metrics out;
    std::istringstream lines(GetBlocking(server, "/metrics"));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto space = line.rfind(' ');
        if (space == std::string::npos) continue;
        out[line.substr(0, space)] = std::strtod(line.c_str() + space + 1, nullptr);
    }
    return out;
}

// The counters that explain a run: group commits per service, bus work, refused and ended connections.
json::object MetricsDelta(const Metrics& before, const Metrics& after) {
    static constexpr std::array<std::string_view, 6> kPrefixes = {"sikgu_db_commits_total",
                                                                  "sikgu_db_units_of_work_total",
                                                                  "sikgu_bus_handled_total",
                                                                  "sikgu_live_connections_ended_total",
                                                                  "sikgu_http_connections_refused_total",
                                                                  "sikgu_live_connections_refused_total"};
    json::object out;
    for (const auto& [key, value] : after) {
        if (std::none_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view p) { return key.starts_with(p); })) {
            continue;
        }
        const auto found = before.find(key);
        const double delta = value - (found == before.end() ? 0.0 : found->second);
        if (delta != 0) out[key] = delta;
    }
    return out;
}

// Server CPU, machine CPU and metrics at one instant; Between() turns two into a window's figures.
struct Probe {
    std::int64_t us = 0;
    double server_cpu = 0;
    double tool_cpu = 0;
    std::map<int, double> threads;
    MachineTicks machine;
    Metrics metrics;
};

class ServerProbe {
public:
    ServerProbe(int pid, tcp::endpoint server) : pid_(pid), server_(std::move(server)) {}
    Probe Take() const {
        Probe p;
        if (pid_ > 0) {
            p.metrics = ScrapeMetrics(server_);
            p.server_cpu = ProcessCpuSeconds("/proc/" + std::to_string(pid_) + "/stat");
            p.threads = ThreadCpuSeconds(pid_);
        }
        p.tool_cpu = ProcessCpuSeconds("/proc/self/stat");
        p.machine = ReadMachineTicks();
        p.us = NowUs();
        return p;
    }
    std::int64_t RssKib() const { return pid_ > 0 ? ReadStatusKib(pid_, "VmRSS:") : 0; }
    // Seconds, CPU seconds of the server and of this tool, the share of the machine's CPU used by neither
    // (other people's load, in %), and the metric deltas.
    json::object Between(const Probe& a, const Probe& b) const {
        const double seconds = static_cast<double>(b.us - a.us) / 1e6;
        const double hz = static_cast<double>(::sysconf(_SC_CLK_TCK));
        const double total_s = (b.machine.total - a.machine.total) / hz;
        const double busy_s = (b.machine.busy - a.machine.busy) / hz;
        const double server = b.server_cpu - a.server_cpu;
        const double tool = b.tool_cpu - a.tool_cpu;
        const double others = std::max(0.0, busy_s - server - tool);
        json::object out{{"seconds", seconds},
                         {"server_cpu_s", server},
                         {"tool_cpu_s", tool},
                         {"server_cpu_pct_of_one_core", 100 * server / seconds},
                         {"others_cpu_pct_of_machine", total_s > 0 ? 100 * others / total_s : 0.0},
                         {"loadavg", LoadAverage()}};
        if (pid_ > 0) {
            out["metrics"] = MetricsDelta(a.metrics, b.metrics);
            // Backlogs at the end of the window: events not yet handed on or not yet handled, writes queued.
            json::object backlog;
            for (const auto& [key, value] : b.metrics) {
                if (value != 0 &&
                    (key.starts_with("sikgu_bus_pending_events") || key.starts_with("sikgu_outbox_pending_events") ||
                     key.starts_with("sikgu_db_write_queue_depth"))) {
                    backlog[key] = value;
                }
            }
            out["backlog_at_end"] = std::move(backlog);
            // The busiest server threads (all are named "sikgu"; gdb or perf tell which is which).
            std::vector<std::pair<double, int>> busiest;
            for (const auto& [tid, cpu] : b.threads) {
                const auto before = a.threads.find(tid);
                const double used = cpu - (before == a.threads.end() ? 0.0 : before->second);
                if (used > 0) busiest.emplace_back(used, tid);
            }
            std::sort(busiest.rbegin(), busiest.rend());
            json::array top;
            for (std::size_t i = 0; i < std::min<std::size_t>(busiest.size(), 8); ++i) {
                top.push_back(json::array{busiest[i].second, std::round(100 * busiest[i].first / seconds)});
            }
            out["busiest_threads_tid_pct"] = std::move(top);
        }
        return out;
    }

private:
    int pid_;
    tcp::endpoint server_;
};

// ---------------------------------------------------------------- shared state

struct Samples {
    std::vector<std::uint32_t> recipient;  // SEND → MESSAGE at the other member, µs
    std::vector<std::uint32_t> echo;       // SEND → MESSAGE at the sender's own subscription
    std::vector<std::uint32_t> receipt;    // SEND → RECEIPT (the message is committed)
    std::vector<std::uint32_t> lag;        // scheduled → actual send (the tool's own lateness)
};

// One event-loop thread with its connections. Counters are written by its thread only and read by main.
struct Worker {
    asio::io_context io{1};
    std::thread thread;
    std::atomic<std::uint64_t> ready{0}, failed{0}, closed{0};
    std::atomic<std::uint64_t> sends{0}, receipts{0}, deliveries{0}, echoes{0}, read_events{0}, other_events{0};
    std::atomic<std::uint64_t> errors{0}, heartbeats{0}, notified{0}, notifications{0};
    Samples samples;  // touched only on this thread until it is joined
};

enum class Phase { kSetup, kRunning, kStopping };
std::atomic<Phase> g_phase{Phase::kSetup};
std::atomic<std::int64_t> g_window_begin{INT64_MAX};  // samples are kept for sends in [begin, end)
std::atomic<std::int64_t> g_window_end{INT64_MAX};
std::atomic<int> g_error_logs{0};

bool InWindow(std::int64_t sent_us) { return sent_us >= g_window_begin.load() && sent_us < g_window_end.load(); }

void LogError(const std::string& text) {
    if (g_error_logs.fetch_add(1) < 10) Log(text);
}

std::uint64_t Sum(std::vector<std::unique_ptr<Worker>>& workers, std::atomic<std::uint64_t> Worker::*field) {
    std::uint64_t total = 0;
    for (auto& w : workers) total += (w.get()->*field).load();
    return total;
}

tcp::endpoint LocalAddress(std::int64_t index, std::int64_t per_address, std::int64_t first) {
    const std::int64_t host = first + index / per_address;
    if (host > 254) {
        throw std::invalid_argument("too many connections for 127.0.0.x source addresses; raise --per-address");
    }
    return {asio::ip::make_address_v4("127.0.0." + std::to_string(host)), 0};
}

std::optional<std::int64_t> ToInt(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return v;
}

std::string_view HeaderOf(std::string_view frame, std::string_view name) {
    const auto head_end = frame.find("\n\n");
    std::string_view head = frame.substr(0, head_end);
    std::size_t at = head.find('\n');
    while (at != std::string_view::npos) {
        const std::size_t next = head.find('\n', at + 1);
        const std::string_view line =
            head.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
        if (line.size() > name.size() && line.starts_with(name) && line[name.size()] == ':') {
            return line.substr(name.size() + 1);
        }
        at = next;
    }
    return {};
}

// Client ids (and receipt ids) carry the sender's connection index, a counter and the send time:
// "c<conn>.<n>.<sent µs>".
struct ClientId {
    std::int64_t conn = 0;
    std::int64_t sent_us = 0;
};
std::optional<ClientId> ParseClientId(std::string_view id) {
    if (!id.starts_with('c')) return std::nullopt;
    const auto dot1 = id.find('.');
    const auto dot2 = id.rfind('.');
    if (dot1 == std::string_view::npos || dot2 == dot1) return std::nullopt;
    const auto conn = ToInt(id.substr(1, dot1 - 1));
    const auto sent = ToInt(id.substr(dot2 + 1));
    if (!conn || !sent) return std::nullopt;
    return ClientId{*conn, *sent};
}

std::uint32_t Micros(std::int64_t us) {
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(us, 0, UINT32_MAX));
}

constexpr std::array<std::string_view, 4> kTexts = {
    "안녕하세요, 아직 판매 중인가요?", "내일 저녁 7시에 망원역에서 직거래 가능할까요?",
    "잎 상태 사진 한 장만 더 보내주실 수 있나요?", "네, 가능합니다. 화분째로 드릴게요 🌿"};

// ---------------------------------------------------------------- STOMP connection

class StompConn : public std::enable_shared_from_this<StompConn> {
public:
    StompConn(Worker& worker, std::int64_t index, std::int64_t user, std::int64_t room, std::string token)
        : worker_(worker), ws_(worker.io), index_(index), user_(user), room_(room), token_(std::move(token)) {}

    asio::awaitable<bool> Setup(tcp::endpoint server, tcp::endpoint local, std::int64_t heartbeat_ms) {
        tcp::socket& socket = ws_.next_layer();
        boost::system::error_code ec;
        socket.open(tcp::v4(), ec);
        if (!ec) socket.bind(local, ec);
        if (ec) co_return Failed("bind " + local.address().to_string() + ": " + ec.message());
        if (auto [e] = co_await socket.async_connect(server, kTok); e) co_return Failed("connect: " + e.message());
        socket.set_option(tcp::no_delay(true), ec);
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
        const std::string host = server.address().to_string() + ":" + std::to_string(server.port());
        if (auto [e] = co_await ws_.async_handshake(host, "/ws", kTok); e) {
            co_return Failed("handshake: " + e.message());
        }
        ws_.text(true);
        heartbeat_ms_ = heartbeat_ms;
        const std::string hb = std::to_string(heartbeat_ms) + "," + std::to_string(heartbeat_ms);
        if (!co_await WriteNow("CONNECT\naccept-version:1.2\nhost:" + host + "\nheart-beat:" + hb +
                               "\nAuthorization:Bearer " + token_ + "\n\n" + std::string(1, '\0'))) {
            co_return false;
        }
        if (!co_await AwaitFrame("CONNECTED")) co_return false;
        if (!co_await WriteNow("SUBSCRIBE\nid:room-0\ndestination:/topic/rooms/" + std::to_string(room_) +
                               "\nreceipt:sub-0\n\n" + std::string(1, '\0'))) {
            co_return false;
        }
        if (!co_await AwaitFrame("RECEIPT")) co_return false;
        worker_.ready.fetch_add(1);
        co_return true;
    }

    // Reads until the connection ends; counts and times what arrives.
    asio::awaitable<void> ReadLoop() {
        auto self = shared_from_this();
        while (true) {
            auto [ec, n] = co_await ws_.async_read(buffer_, kTok);
            if (ec) {
                if (g_phase.load() != Phase::kStopping) {
                    LogError("connection " + std::to_string(index_) + " ended: " + ec.message());
                }
                worker_.closed.fetch_add(1);
                break;
            }
            OnFrame(std::string_view(static_cast<const char*>(buffer_.data().data()), buffer_.size()));
            buffer_.consume(buffer_.size());
        }
        dead_ = true;
    }

    // Sends heart-beats while nothing else was sent for the agreed interval.
    asio::awaitable<void> HeartBeat() {
        auto self = shared_from_this();
        if (heartbeat_ms_ <= 0) co_return;
        asio::steady_timer timer(worker_.io);
        while (!dead_) {
            timer.expires_after(std::chrono::milliseconds(heartbeat_ms_ / 2));
            co_await timer.async_wait(kTok);
            if (dead_) break;
            if (NowUs() - last_write_us_ >= heartbeat_ms_ * 1000 * 3 / 4) {
                Queue("\n");
                worker_.heartbeats.fetch_add(1);
            }
        }
    }

    // One SEND with a client-message-id and a receipt; the ids carry the send time.
    void SendMessage(std::int64_t scheduled_us = -1) {
        if (dead_) return;
        const std::int64_t now = NowUs();
        const std::string id = "c" + std::to_string(index_) + "." + std::to_string(++sent_) + "." + std::to_string(now);
        const std::string body = "{\"text\":\"" + std::string(kTexts[static_cast<std::size_t>(sent_) % kTexts.size()]) +
                                 " " + std::to_string(sent_) + "\"}";
        Queue("SEND\ndestination:/app/rooms/" + std::to_string(room_) +
              "/messages\ncontent-type:application/json\nclient-message-id:" + id + "\nreceipt:" + id +
              "\ncontent-length:" + std::to_string(body.size()) + "\n\n" + body + std::string(1, '\0'));
        ++outstanding_;
        worker_.sends.fetch_add(1);
        if (scheduled_us >= 0 && InWindow(now)) worker_.samples.lag.push_back(Micros(now - scheduled_us));
    }

    // Keeps `window` sends outstanding: each RECEIPT (the message committed) lets the next one go.
    void StartWindow(int window) {
        window_ = window;
        for (int i = 0; i < window; ++i) SendMessage();
    }

    // A fixed rate: one SEND every `interval_us`, from `first_us` on, until the run stops.
    asio::awaitable<void> Paced(std::int64_t first_us, std::int64_t interval_us) {
        auto self = shared_from_this();
        asio::steady_timer timer(worker_.io);
        std::int64_t next = first_us;
        while (!dead_ && g_phase.load() == Phase::kRunning) {
            timer.expires_at(kStart + std::chrono::microseconds(next));
            co_await timer.async_wait(kTok);
            if (g_phase.load() != Phase::kRunning) break;
            SendMessage(next);
            next += interval_us;
        }
    }

    void Close() {
        dead_ = true;
        boost::system::error_code ignored;
        ws_.next_layer().shutdown(tcp::socket::shutdown_both, ignored);
        ws_.next_layer().close(ignored);
    }

    int Outstanding() const { return outstanding_; }

private:
    bool Failed(const std::string& why) {
        LogError("connection " + std::to_string(index_) + ": " + why);
        worker_.failed.fetch_add(1);
        dead_ = true;
        return false;
    }

    asio::awaitable<bool> WriteNow(std::string frame) {
        auto [ec, n] = co_await ws_.async_write(asio::buffer(frame), kTok);
        if (ec) co_return Failed("write: " + ec.message());
        last_write_us_ = NowUs();
        co_return true;
    }

    asio::awaitable<bool> AwaitFrame(std::string_view command) {
        while (true) {
            auto [ec, n] = co_await ws_.async_read(buffer_, kTok);
            if (ec) co_return Failed("read while waiting for " + std::string(command) + ": " + ec.message());
            const std::string_view frame(static_cast<const char*>(buffer_.data().data()), buffer_.size());
            const bool found = frame.starts_with(command);
            const bool error = frame.starts_with("ERROR");
            if (!found && !error) OnFrame(frame);
            const std::string text(frame.substr(0, 200));
            buffer_.consume(buffer_.size());
            if (error) co_return Failed("ERROR instead of " + std::string(command) + ": " + text);
            if (found) co_return true;
        }
    }

    void Queue(std::string frame) {
        out_.push_back(std::move(frame));
        if (writing_) return;
        writing_ = true;
        asio::co_spawn(worker_.io, WriteLoop(shared_from_this()), asio::detached);
    }

    static asio::awaitable<void> WriteLoop(std::shared_ptr<StompConn> self) {
        while (!self->out_.empty() && !self->dead_) {
            std::string frame = std::move(self->out_.front());
            self->out_.pop_front();
            auto [ec, n] = co_await self->ws_.async_write(asio::buffer(frame), kTok);
            if (ec) {
                self->dead_ = true;
                break;
            }
            self->last_write_us_ = NowUs();
        }
        self->out_.clear();
        self->writing_ = false;
    }

    void OnFrame(std::string_view frame) {
        if (frame.empty() || frame == "\n" || frame == "\r\n") return;  // a heart-beat
        const std::int64_t now = NowUs();
        if (frame.starts_with("MESSAGE\n")) {
            const auto body_at = frame.find("\n\n");
            const std::string_view body =
                body_at == std::string_view::npos ? std::string_view{} : frame.substr(body_at + 2);
            if (body.starts_with("{\"type\":\"message\"")) {
                static constexpr std::string_view kKey = "\"client_id\":\"";
                const auto at = body.find(kKey);
                const auto end = at == std::string_view::npos ? at : body.find('"', at + kKey.size());
                const auto id = end == std::string_view::npos
                                    ? std::nullopt
                                    : ParseClientId(body.substr(at + kKey.size(), end - at - kKey.size()));
                const bool own = id && id->conn == index_;
                (own ? worker_.echoes : worker_.deliveries).fetch_add(1);
                if (id && InWindow(id->sent_us)) {
                    (own ? worker_.samples.echo : worker_.samples.recipient).push_back(Micros(now - id->sent_us));
                }
            } else if (body.starts_with("{\"type\":\"read\"")) {
                worker_.read_events.fetch_add(1);
            } else {
                worker_.other_events.fetch_add(1);
            }
        } else if (frame.starts_with("RECEIPT\n")) {
            const auto id = ParseClientId(HeaderOf(frame, "receipt-id"));
            if (!id) return;
            --outstanding_;
            worker_.receipts.fetch_add(1);
            if (InWindow(id->sent_us)) worker_.samples.receipt.push_back(Micros(now - id->sent_us));
            if (window_ > 0 && g_phase.load() == Phase::kRunning) SendMessage();
        } else if (frame.starts_with("ERROR\n")) {
            worker_.errors.fetch_add(1);
            LogError("connection " + std::to_string(index_) + " got " + std::string(frame.substr(0, 200)));
        } else {
            worker_.other_events.fetch_add(1);
        }
    }

    Worker& worker_;
    websocket::stream<tcp::socket> ws_;
    beast::flat_buffer buffer_;
    const std::int64_t index_;
    const std::int64_t user_;
    const std::int64_t room_;
    const std::string token_;
    std::deque<std::string> out_;
    bool writing_ = false;
    bool dead_ = false;
    std::int64_t heartbeat_ms_ = 0;
    std::int64_t last_write_us_ = 0;
    std::int64_t sent_ = 0;
    int outstanding_ = 0;
    int window_ = 0;
};

// ---------------------------------------------------------------- SSE connection

class SseConn : public std::enable_shared_from_this<SseConn> {
public:
    SseConn(Worker& worker, std::int64_t index, std::string token)
        : worker_(worker), socket_(worker.io), index_(index), token_(std::move(token)) {}

    // Connects, asks for the stream and reads until its opening `event: unread` (the stream is live then).
    asio::awaitable<bool> Setup(tcp::endpoint server, tcp::endpoint local) {
        boost::system::error_code ec;
        socket_.open(tcp::v4(), ec);
        if (!ec) socket_.bind(local, ec);
        if (ec) co_return Failed("bind: " + ec.message());
        if (auto [e] = co_await socket_.async_connect(server, kTok); e) co_return Failed("connect: " + e.message());
        socket_.set_option(tcp::no_delay(true), ec);
        const std::string request =
            "GET /api/v1/notifications/stream HTTP/1.1\r\nHost: " + server.address().to_string() + ":" +
            std::to_string(server.port()) + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token_ +
            "\r\n\r\n";
        if (auto [e, n] = co_await asio::async_write(socket_, asio::buffer(request), kTok); e) {
            co_return Failed("write: " + e.message());
        }
        std::string head;
        auto [e, n] = co_await asio::async_read_until(socket_, asio::dynamic_buffer(head), "\r\n\r\n", kTok);
        if (e) co_return Failed("reading the response head: " + e.message());
        if (!head.starts_with("HTTP/1.1 200")) co_return Failed("answered " + head.substr(0, head.find('\r')));
        carry_ = head.substr(n);
        while (carry_.find("event: unread") == std::string::npos) {
            std::array<char, 1024> chunk;
            auto [re, got] = co_await socket_.async_read_some(asio::buffer(chunk), kTok);
            if (re) co_return Failed("reading the opening events: " + re.message());
            carry_.append(chunk.data(), got);
        }
        carry_.clear();
        worker_.ready.fetch_add(1);
        co_return true;
    }

    // Counts `event: notification`; the first one's arrival time is kept in `arrival`.
    asio::awaitable<void> ReadLoop(std::int64_t* arrival) {
        auto self = shared_from_this();
        std::array<char, 1024> chunk;
        static constexpr std::string_view kEvent = "event: notification";
        while (true) {
            auto [ec, n] = co_await socket_.async_read_some(asio::buffer(chunk), kTok);
            if (ec) {
                if (g_phase.load() != Phase::kStopping) {
                    LogError("stream " + std::to_string(index_) + " ended: " + ec.message());
                }
                worker_.closed.fetch_add(1);
                break;
            }
            carry_.append(chunk.data(), n);
            std::size_t at = 0, found = 0, end_of_last = 0;
            while ((at = carry_.find(kEvent, at)) != std::string::npos) {
                ++found;
                at += kEvent.size();
                end_of_last = at;
            }
            if (found > 0) {
                worker_.notifications.fetch_add(found);
                if (!seen_) {
                    seen_ = true;
                    *arrival = NowUs();
                    worker_.notified.fetch_add(1, std::memory_order_release);
                }
            }
            // Keep only a tail that may be the start of an event name split across reads.
            carry_.erase(0, end_of_last);
            if (carry_.size() >= kEvent.size()) carry_.erase(0, carry_.size() - (kEvent.size() - 1));
        }
    }

    void Close() {
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

private:
    bool Failed(const std::string& why) {
        LogError("stream " + std::to_string(index_) + ": " + why);
        worker_.failed.fetch_add(1);
        return false;
    }

    Worker& worker_;
    tcp::socket socket_;
    const std::int64_t index_;
    const std::string token_;
    std::string carry_;
    bool seen_ = false;
};

// ---------------------------------------------------------------- HTTP calls for the fan-out set-up

struct HttpConn {
    explicit HttpConn(asio::io_context& io) : socket(io) {}
    tcp::socket socket;
    beast::flat_buffer buffer;
};

asio::awaitable<std::optional<http::response<http::string_body>>> Call(HttpConn& c,
                                                                       const tcp::endpoint& server,
                                                                       http::request<http::string_body> request) {
    if (!c.socket.is_open()) {
        if (auto [e] = co_await c.socket.async_connect(server, kTok); e) {
            LogError("http connect: " + e.message());
            co_return std::nullopt;
        }
    }
    request.set(http::field::host, server.address().to_string() + ":" + std::to_string(server.port()));
    request.prepare_payload();
    if (auto [e, n] = co_await http::async_write(c.socket, request, kTok); e) {
        LogError("http write: " + e.message());
        co_return std::nullopt;
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(16 << 20);
    if (auto [e, n] = co_await http::async_read(c.socket, c.buffer, parser, kTok); e) {
        LogError("http read: " + e.message());
        co_return std::nullopt;
    }
    co_return parser.release();
}

http::request<http::string_body> JsonPost(const std::string& target, const std::string& token, std::string body) {
    http::request<http::string_body> r{http::verb::post, target, 11};
    r.set(http::field::authorization, "Bearer " + token);
    r.set(http::field::content_type, "application/json");
    r.body() = std::move(body);
    return r;
}

std::uint32_t Crc32(std::string_view bytes) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFU;
    for (const char b : bytes) c = table[(c ^ static_cast<unsigned char>(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

void PutBe32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

// A 64×48 RGB PNG (zlib "stored" blocks: no compression library needed) for the listing's one photo.
std::string MakePng() {
    constexpr std::uint32_t w = 64, h = 48;
    std::string raw;
    for (std::uint32_t y = 0; y < h; ++y) {
        raw.push_back('\0');
        for (std::uint32_t x = 0; x < w; ++x) {
            raw.push_back(static_cast<char>(x * 4));
            raw.push_back(static_cast<char>(y * 5));
            raw.push_back(static_cast<char>(90));
        }
    }
    std::string z = {'\x78', '\x01', '\x01'};  // one final stored block (raw is under 64 KiB)
    const auto len = static_cast<std::uint16_t>(raw.size());
    z.push_back(static_cast<char>(len & 0xFF));
    z.push_back(static_cast<char>(len >> 8));
    z.push_back(static_cast<char>(~len & 0xFF));
    z.push_back(static_cast<char>((~len >> 8) & 0xFF));
    z += raw;
    std::uint32_t a = 1, b = 0;
    for (const char ch : raw) {
        a = (a + static_cast<unsigned char>(ch)) % 65521;
        b = (b + a) % 65521;
    }
    PutBe32(z, (b << 16) | a);
    auto chunk = [](std::string& out, std::string_view type, const std::string& data) {
        PutBe32(out, static_cast<std::uint32_t>(data.size()));
        const std::string typed = std::string(type) + data;
        out += typed;
        PutBe32(out, Crc32(typed));
    };
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    PutBe32(ihdr, w);
    PutBe32(ihdr, h);
    ihdr += std::string{'\x08', '\x02', '\0', '\0', '\0'};
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

// ---------------------------------------------------------------- runs

struct Common {
    tcp::endpoint server;
    std::string secret;
    int server_pid = 0;
    int threads = 1;
    std::int64_t per_address = 200;
    std::int64_t first_address = 2;
    std::int64_t room_base = 0;
    std::int64_t user_base = 0;
    std::int64_t heartbeat_ms = 10000;
    std::int64_t openers = 32;
};

class Runner {
public:
    explicit Runner(const Common& c) : c_(c), codec_(c.secret, clock_, std::chrono::hours(6)) {
        for (int i = 0; i < c.threads; ++i) workers_.push_back(std::make_unique<Worker>());
        for (auto& w : workers_) {
            w->thread = std::thread([&io = w->io] {
                auto guard = asio::make_work_guard(io);
                io.run();
            });
        }
    }
    ~Runner() { Join(); }

    void Join() {
        for (auto& w : workers_) {
            w->io.stop();
            if (w->thread.joinable()) w->thread.join();
        }
    }

    std::string Token(std::int64_t user) const { return codec_.Issue(user); }
    Worker& WorkerOf(std::size_t i) { return *workers_[i % workers_.size()]; }
    std::vector<std::unique_ptr<Worker>>& Workers() { return workers_; }

    // Runs `setup(i)` for i in [0, n) with at most --openers at a time per worker; returns when every one
    // has finished (ready or failed).
    template <class Setup>
    void OpenAll(std::size_t n, Setup setup) {
        const auto started = NowUs();
        auto next = std::make_shared<std::vector<std::size_t>>(workers_.size(), 0);
        for (std::size_t wi = 0; wi < workers_.size(); ++wi) {
            for (std::int64_t k = 0; k < c_.openers; ++k) {
                asio::co_spawn(
                    workers_[wi]->io,
                    [this, wi, n, next, setup]() -> asio::awaitable<void> {
                        while (true) {
                            const std::size_t local = (*next)[wi]++;
                            const std::size_t i = local * workers_.size() + wi;
                            if (i >= n) break;
                            co_await setup(i);
                        }
                    },
                    asio::detached);
            }
        }
        std::uint64_t last_report = 0;
        while (true) {
            const std::uint64_t done = Sum(workers_, &Worker::ready) + Sum(workers_, &Worker::failed);
            if (done >= n) break;
            if (done - last_report >= 2000) {
                Log("opened " + std::to_string(done) + " of " + std::to_string(n));
                last_report = done;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        Log("opened " + std::to_string(Sum(workers_, &Worker::ready)) + " of " + std::to_string(n) + " in " +
            std::to_string((NowUs() - started) / 1000) + " ms, " + std::to_string(Sum(workers_, &Worker::failed)) +
            " failed");
    }

    template <class F>
    void OnEachWorker(F f) {  // runs f(worker index) on each worker's thread and waits
        std::atomic<std::size_t> done{0};
        for (std::size_t wi = 0; wi < workers_.size(); ++wi) {
            asio::post(workers_[wi]->io, [&, wi] {
                f(wi);
                done.fetch_add(1);
            });
        }
        while (done.load() < workers_.size()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    json::object Counters() {
        json::object out;
        out["ready"] = Sum(workers_, &Worker::ready);
        out["failed"] = Sum(workers_, &Worker::failed);
        out["closed"] = Sum(workers_, &Worker::closed);
        out["errors"] = Sum(workers_, &Worker::errors);
        return out;
    }

    const Common& c_;

private:
    sikgu::SystemClock clock_;
    sikgu::auth::JwtCodec codec_;
    std::vector<std::unique_ptr<Worker>> workers_;
};

void Sleep(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

json::object Percentiles(std::vector<std::uint32_t> v) {
    json::object out;
    out["count"] = v.size();
    if (v.empty()) return out;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size()))) - 1;
        return static_cast<double>(v[std::min(i, v.size() - 1)]) / 1000.0;
    };
    out["min_ms"] = static_cast<double>(v.front()) / 1000.0;
    out["p50_ms"] = at(0.50);
    out["p90_ms"] = at(0.90);
    out["p99_ms"] = at(0.99);
    out["p999_ms"] = at(0.999);
    out["max_ms"] = static_cast<double>(v.back()) / 1000.0;
    return out;
}

std::vector<std::shared_ptr<StompConn>> OpenRooms(Runner& runner, std::int64_t rooms) {
    const Common& c = runner.c_;
    const auto n = static_cast<std::size_t>(2 * rooms);
    std::vector<std::shared_ptr<StompConn>> conns(n);
    std::vector<std::string> tokens(n);
    for (std::size_t i = 0; i < n; ++i) tokens[i] = runner.Token(c.user_base + static_cast<std::int64_t>(i));
    runner.OpenAll(n, [&, rooms](std::size_t i) -> asio::awaitable<void> {
        Worker& worker = runner.WorkerOf(i);
        const auto index = static_cast<std::int64_t>(i);
        auto conn = std::make_shared<StompConn>(worker, index, c.user_base + index, c.room_base + index / 2, tokens[i]);
        conns[i] = conn;
        if (co_await conn->Setup(c.server, LocalAddress(index, c.per_address, c.first_address), c.heartbeat_ms)) {
            asio::co_spawn(worker.io, conn->ReadLoop(), asio::detached);
            asio::co_spawn(worker.io, conn->HeartBeat(), asio::detached);
        }
        (void)rooms;
    });
    return conns;
}

void CloseAll(Runner& runner, std::vector<std::shared_ptr<StompConn>>& conns) {
    g_phase = Phase::kStopping;
    runner.OnEachWorker([&](std::size_t wi) {
        for (std::size_t i = wi; i < conns.size(); i += runner.Workers().size()) {
            if (conns[i]) conns[i]->Close();
        }
    });
}

json::object ChatTotals(Runner& runner) {
    auto& w = runner.Workers();
    json::object out = runner.Counters();
    out["sends"] = Sum(w, &Worker::sends);
    out["receipts"] = Sum(w, &Worker::receipts);
    out["deliveries_to_recipient"] = Sum(w, &Worker::deliveries);
    out["deliveries_to_sender"] = Sum(w, &Worker::echoes);
    out["read_events"] = Sum(w, &Worker::read_events);
    out["other_events"] = Sum(w, &Worker::other_events);
    return out;
}

// Waits (up to `seconds`) until every send has its RECEIPT and every stored message reached both members.
bool Drain(Runner& runner, double seconds) {
    auto& w = runner.Workers();
    const auto until = NowUs() + static_cast<std::int64_t>(seconds * 1e6);
    while (NowUs() < until) {
        const auto sends = Sum(w, &Worker::sends), receipts = Sum(w, &Worker::receipts);
        const auto errors = Sum(w, &Worker::errors) + Sum(w, &Worker::closed);
        if (receipts >= sends && Sum(w, &Worker::deliveries) >= receipts && Sum(w, &Worker::echoes) >= receipts) {
            return true;
        }
        if (errors > 0 && receipts + errors >= sends) return false;
        Sleep(0.05);
    }
    return false;
}

json::object RunThroughput(const Args& a, Runner& runner, const ServerProbe& probe) {
    const std::int64_t rooms = a.Int("rooms", 1000);
    const int window = static_cast<int>(a.Int("window", 4));
    const double warmup = a.Num("warmup", 3), duration = a.Num("duration", 10);
    a.CheckAllUsed();
    auto conns = OpenRooms(runner, rooms);
    auto& w = runner.Workers();
    if (Sum(w, &Worker::failed) > 0) throw std::runtime_error("some connections failed to open");
    Sleep(1);  // presence events of the last arrivals
    g_phase = Phase::kRunning;
    runner.OnEachWorker([&](std::size_t wi) {
        for (std::size_t i = wi; i < conns.size(); i += w.size()) conns[i]->StartWindow(window);
    });
    Sleep(warmup);
    const auto d0 = Sum(w, &Worker::deliveries) + Sum(w, &Worker::echoes);
    const auto r0 = Sum(w, &Worker::receipts);
    const auto e0 = Sum(w, &Worker::read_events) + Sum(w, &Worker::other_events);
    const Probe p0 = probe.Take();
    g_window_begin = p0.us;
    Sleep(duration);
    const auto d1 = Sum(w, &Worker::deliveries) + Sum(w, &Worker::echoes);
    const auto r1 = Sum(w, &Worker::receipts);
    const auto e1 = Sum(w, &Worker::read_events) + Sum(w, &Worker::other_events);
    const Probe p1 = probe.Take();
    g_window_end = p1.us;
    g_phase = Phase::kStopping;
    const bool drained = Drain(runner, 15);
    const double seconds = static_cast<double>(p1.us - p0.us) / 1e6;
    json::object out{{"mode", "throughput"}, {"rooms", rooms}, {"connections", 2 * rooms}, {"window", window}};
    out["deliveries_per_s"] = static_cast<double>(d1 - d0) / seconds;
    out["stored_messages_per_s"] = static_cast<double>(r1 - r0) / seconds;
    out["other_message_frames_per_s"] = static_cast<double>(e1 - e0) / seconds;
    json::object machine = probe.Between(p0, p1);
    const double server_cpu = machine["server_cpu_s"].as_double();
    if (r1 > r0) out["server_cpu_us_per_stored_message"] = 1e6 * server_cpu / static_cast<double>(r1 - r0);
    if (d1 > d0) out["server_cpu_us_per_delivery"] = 1e6 * server_cpu / static_cast<double>(d1 - d0);
    out["window_stats"] = std::move(machine);
    std::vector<std::uint32_t> recipient, receipt;
    runner.OnEachWorker([&](std::size_t wi) {
        recipient.insert(recipient.end(), w[wi]->samples.recipient.begin(), w[wi]->samples.recipient.end());
        receipt.insert(receipt.end(), w[wi]->samples.receipt.begin(), w[wi]->samples.receipt.end());
    });
    out["send_to_recipient"] = Percentiles(std::move(recipient));
    out["send_to_receipt"] = Percentiles(std::move(receipt));
    out["drained"] = drained;
    out["totals"] = ChatTotals(runner);
    CloseAll(runner, conns);
    return out;
}

json::object RunLatency(const Args& a, Runner& runner, const ServerProbe& probe) {
    const std::int64_t rooms = a.Int("rooms", 1000);
    const double rate = a.Num("rate", 5000), warmup = a.Num("warmup", 3), duration = a.Num("duration", 20);
    a.CheckAllUsed();
    auto conns = OpenRooms(runner, rooms);
    auto& w = runner.Workers();
    if (Sum(w, &Worker::failed) > 0) throw std::runtime_error("some connections failed to open");
    Sleep(1);
    const auto n = static_cast<double>(conns.size());
    const auto interval_us = static_cast<std::int64_t>(1e6 * n / rate);  // each connection's period
    g_phase = Phase::kRunning;
    const std::int64_t start = NowUs() + 100000;
    std::mt19937_64 random(42);
    std::vector<std::int64_t> phases(conns.size());
    for (auto& p : phases) p = start + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(interval_us));
    runner.OnEachWorker([&](std::size_t wi) {
        for (std::size_t i = wi; i < conns.size(); i += w.size()) {
            asio::co_spawn(w[wi]->io, conns[i]->Paced(phases[i], interval_us), asio::detached);
        }
    });
    Sleep(warmup + 0.1);
    const auto s0 = Sum(w, &Worker::sends);
    const Probe p0 = probe.Take();
    g_window_begin = p0.us;
    Sleep(duration);
    const auto s1 = Sum(w, &Worker::sends);
    const Probe p1 = probe.Take();
    g_window_end = p1.us;
    g_phase = Phase::kStopping;
    const bool drained = Drain(runner, 15);
    json::object out{{"mode", "latency"}, {"rooms", rooms}, {"connections", 2 * rooms}, {"target_rate_per_s", rate}};
    out["sent_per_s"] = static_cast<double>(s1 - s0) / (static_cast<double>(p1.us - p0.us) / 1e6);
    json::object machine = probe.Between(p0, p1);
    const double server_cpu = machine["server_cpu_s"].as_double();
    if (s1 > s0) out["server_cpu_us_per_stored_message"] = 1e6 * server_cpu / static_cast<double>(s1 - s0);
    out["window_stats"] = std::move(machine);
    std::vector<std::uint32_t> recipient, echo, receipt, lag;
    runner.OnEachWorker([&](std::size_t wi) {
        const Samples& s = w[wi]->samples;
        recipient.insert(recipient.end(), s.recipient.begin(), s.recipient.end());
        echo.insert(echo.end(), s.echo.begin(), s.echo.end());
        receipt.insert(receipt.end(), s.receipt.begin(), s.receipt.end());
        lag.insert(lag.end(), s.lag.begin(), s.lag.end());
    });
    out["send_to_recipient"] = Percentiles(std::move(recipient));
    out["send_to_sender_echo"] = Percentiles(std::move(echo));
    out["send_to_receipt"] = Percentiles(std::move(receipt));
    out["send_lateness"] = Percentiles(std::move(lag));
    out["drained"] = drained;
    out["totals"] = ChatTotals(runner);
    CloseAll(runner, conns);
    return out;
}

// Resident memory before and after `open`, per connection; then the server's CPU while they idle.
void MeasureIdle(Runner& runner,
                 const ServerProbe& probe,
                 std::size_t n,
                 double settle,
                 double hold,
                 const std::function<void()>& open,
                 json::object& out) {
    Sleep(settle);
    const std::int64_t before = probe.RssKib();
    open();
    const auto ready = Sum(runner.Workers(), &Worker::ready);
    Sleep(settle);
    const std::int64_t after = probe.RssKib();
    out["connections_asked"] = n;
    out["connections_open"] = ready;
    out["server_rss_before_kib"] = before;
    out["server_rss_after_kib"] = after;
    if (ready > 0) {
        out["server_rss_per_connection_kib"] = static_cast<double>(after - before) / static_cast<double>(ready);
    }
    const Probe p0 = probe.Take();
    Sleep(hold);
    const Probe p1 = probe.Take();
    json::object idle = probe.Between(p0, p1);
    idle["server_rss_end_kib"] = probe.RssKib();
    idle["server_vmhwm_kib"] = runner.c_.server_pid > 0 ? ReadStatusKib(runner.c_.server_pid, "VmHWM:") : 0;
    idle["still_open"] = Sum(runner.Workers(), &Worker::ready) - Sum(runner.Workers(), &Worker::closed);
    out["idle"] = std::move(idle);
}

json::object RunIdleStomp(const Args& a, Runner& runner, const ServerProbe& probe) {
    const std::int64_t rooms = a.Int("rooms", 5000);
    const double settle = a.Num("settle", 5), hold = a.Num("hold", 20);
    a.CheckAllUsed();
    json::object out{{"mode", "idle-stomp"}, {"rooms", rooms}, {"heartbeat_ms", runner.c_.heartbeat_ms}};
    std::vector<std::shared_ptr<StompConn>> conns;
    MeasureIdle(
        runner, probe, static_cast<std::size_t>(2 * rooms), settle, hold, [&] { conns = OpenRooms(runner, rooms); },
        out);
    out["totals"] = ChatTotals(runner);
    out["client_heartbeats_sent"] = Sum(runner.Workers(), &Worker::heartbeats);
    CloseAll(runner, conns);
    Sleep(settle);
    out["server_rss_after_close_kib"] = probe.RssKib();
    return out;
}

json::object RunIdleSse(const Args& a, Runner& runner, const ServerProbe& probe) {
    const Common& c = runner.c_;
    const std::int64_t users = a.Int("users", 10000);
    const double settle = a.Num("settle", 5), hold = a.Num("hold", 20);
    const bool fanout = a.Int("fanout", 1) != 0;
    const std::string keyword = a.Str("keyword", "몬스테라");
    a.CheckAllUsed();
    const auto n = static_cast<std::size_t>(users);
    auto& w = runner.Workers();
    json::object out{{"mode", "idle-sse"}, {"users", users}, {"one_stream_per_user", true}};
    std::vector<std::string> tokens(n);
    for (std::size_t i = 0; i < n; ++i) tokens[i] = runner.Token(c.user_base + static_cast<std::int64_t>(i));
    const std::int64_t seller = c.user_base + users + 1000;  // a user outside the set: never alerted
    const std::string seller_token = runner.Token(seller);

    std::string photo_id;
    if (fanout) {
        // Every user gets the same keyword alert through the API (market: POST /api/v1/market/me/keywords).
        const auto t0 = NowUs();
        std::atomic<std::size_t> next{0}, created{0}, refused{0};
        std::atomic<int> running{0};
        for (int k = 0; k < 32; ++k) {
            running.fetch_add(1);
            asio::co_spawn(
                runner.WorkerOf(static_cast<std::size_t>(k)).io,
                [&, k]() -> asio::awaitable<void> {
                    HttpConn conn(runner.WorkerOf(static_cast<std::size_t>(k)).io);
                    const std::string body = json::serialize(json::object{{"keyword", keyword}});
                    const std::string target = "/api/v1/market/me/keywords";
                    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
                        auto request = JsonPost(target, tokens[i], body);
                        const auto r = co_await Call(conn, c.server, std::move(request));
                        if (r && (r->result_int() == 201 || r->result_int() == 409)) {
                            created.fetch_add(1);
                        } else {
                            refused.fetch_add(1);
                            if (r) LogError("keyword answered " + std::to_string(r->result_int()) + ": " + r->body());
                            boost::system::error_code ignored;
                            conn.socket.close(ignored);
                            conn.buffer.clear();
                        }
                    }
                    running.fetch_sub(1);
                },
                asio::detached);
        }
        while (running.load() > 0) Sleep(0.02);
        out["keywords_added"] = created.load();
        out["keywords_refused"] = refused.load();
        out["keywords_seconds"] = static_cast<double>(NowUs() - t0) / 1e6;
        Log("keyword alerts: " + std::to_string(created.load()) + " added, " + std::to_string(refused.load()) +
            " refused");

        // The seller's one photo (media: POST /api/v1/photos, multipart).
        std::atomic<bool> done{false};
        asio::co_spawn(
            w[0]->io,
            [&]() -> asio::awaitable<void> {
                HttpConn conn(w[0]->io);
                const std::string boundary = "sikgubenchboundary7d3a";
                http::request<http::string_body> r{http::verb::post, "/api/v1/photos", 11};
                r.set(http::field::authorization, "Bearer " + seller_token);
                r.set(http::field::content_type, "multipart/form-data; boundary=" + boundary);
                r.body() = "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"leaf.png\"\r\n" +
                           "Content-Type: image/png\r\n\r\n" + MakePng() + "\r\n--" + boundary + "--\r\n";
                const auto answer = co_await Call(conn, c.server, std::move(r));
                if (answer && answer->result_int() / 100 == 2) {
                    const json::value body = json::parse(answer->body());
                    const json::value& id = body.at("items").at(0).at("id");
                    photo_id = id.is_string() ? std::string(id.as_string()) : json::serialize(id);
                } else {
                    LogError("photo upload failed: " + (answer ? answer->body() : std::string("no answer")));
                }
                done = true;
            },
            asio::detached);
        while (!done.load()) Sleep(0.01);
        if (photo_id.empty()) throw std::runtime_error("the seller's photo upload failed");
    }

    std::vector<std::shared_ptr<SseConn>> conns(n);
    std::vector<std::int64_t> arrival(n, -1);
    MeasureIdle(
        runner, probe, n, settle, hold,
        [&] {
            runner.OpenAll(n, [&](std::size_t i) -> asio::awaitable<void> {
                Worker& worker = runner.WorkerOf(i);
                auto conn = std::make_shared<SseConn>(worker, static_cast<std::int64_t>(i), tokens[i]);
                conns[i] = conn;
                if (co_await conn->Setup(c.server,
                                         LocalAddress(static_cast<std::int64_t>(i), c.per_address, c.first_address))) {
                    asio::co_spawn(worker.io, conn->ReadLoop(&arrival[i]), asio::detached);
                }
            });
        },
        out);

    if (fanout) {
        // One new listing whose title holds the keyword: market publishes one keyword.matched per subscriber,
        // notify stores a notification for each and streams it. Timed from just before the POST.
        std::atomic<bool> done{false};
        std::int64_t t0 = 0, t_created = 0;
        int status = 0;
        const Probe p0 = probe.Take();
        asio::co_spawn(
            w[0]->io,
            [&]() -> asio::awaitable<void> {
                HttpConn conn(w[0]->io);
                if (auto [e] = co_await conn.socket.async_connect(c.server, kTok); e) {
                    LogError("connect: " + e.message());
                }
                json::object listing{{"title", keyword + " 알보 삽수 분양합니다"},
                                     {"description", "잎이 건강하고 새순이 올라옵니다. 직거래 선호"},
                                     {"price", 30000},
                                     {"category", "plant"},
                                     {"trade_area", "마포구 망원동"},
                                     {"photo_ids", json::array{json::value(photo_id)}}};
                t0 = NowUs();
                const auto answer = co_await Call(
                    conn, c.server, JsonPost("/api/v1/market/listings", seller_token, json::serialize(listing)));
                t_created = NowUs();
                status = answer ? static_cast<int>(answer->result_int()) : 0;
                if (status != 201) {
                    LogError("listing answered " + std::to_string(status) + ": " + (answer ? answer->body() : ""));
                }
                done = true;
            },
            asio::detached);
        const auto ready = Sum(w, &Worker::ready) - Sum(w, &Worker::closed);
        const auto deadline = NowUs() + 180'000'000;
        while (NowUs() < deadline) {
            if (done.load() && Sum(w, &Worker::notified) >= ready) break;
            Sleep(0.002);
        }
        const Probe p1 = probe.Take();
        Sleep(2);                                 // anything sent twice would show up now
        runner.OnEachWorker([](std::size_t) {});  // the arrival times were written on the workers' threads
        std::vector<std::uint32_t> after;
        for (std::int64_t t : arrival) {
            if (t >= 0) after.push_back(Micros(t - t0));
        }
        json::object f{{"listing_status", status},
                       {"listing_created_ms", static_cast<double>(t_created - t0) / 1000.0}};
        f["streams_notified"] = after.size();
        f["notification_events"] = Sum(w, &Worker::notifications);
        f["arrival_after_post"] = Percentiles(after);
        f["all_notified_ms"] =
            after.size() == ready && !after.empty()
                ? json::value(static_cast<double>(*std::max_element(after.begin(), after.end())) / 1000.0)
                : json::value(nullptr);
        f["window_stats"] = probe.Between(p0, p1);
        out["fanout"] = std::move(f);
    }
    out["totals"] = runner.Counters();
    g_phase = Phase::kStopping;
    runner.OnEachWorker([&](std::size_t wi) {
        for (std::size_t i = wi; i < conns.size(); i += w.size()) {
            if (conns[i]) conns[i]->Close();
        }
    });
    Sleep(settle);
    out["server_rss_after_close_kib"] = probe.RssKib();
    return out;
}

void RaiseFdLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    ::getrlimit(RLIMIT_NOFILE, &limit);
    Log("open-file limit " + std::to_string(limit.rlim_cur));
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Args a(argc, argv);
        Common c;
        c.server = {asio::ip::make_address(a.Str("host", "127.0.0.1")), static_cast<unsigned short>(a.Int("port", 0))};
        c.secret = a.Str("secret", "");
        c.server_pid = static_cast<int>(a.Int("server-pid", 0));
        c.threads = static_cast<int>(a.Int("threads", 1));
        c.per_address = a.Int("per-address", 200);
        c.first_address = a.Int("first-address", 2);
        c.room_base = a.Int("room-base", 9'000'000'001);
        c.user_base = a.Int("user-base", 7'000'000'001);
        c.heartbeat_ms = a.Int("heartbeat-ms", 10000);
        c.openers = a.Int("openers", 32);
        if (c.server.port() == 0 || c.secret.size() < 32) {
            throw std::invalid_argument("--port and --secret (≥ 32 bytes) are required");
        }
        RaiseFdLimit();
        Runner runner(c);
        const ServerProbe probe(c.server_pid, c.server);
        json::object out;
        if (a.mode == "throughput") {
            out = RunThroughput(a, runner, probe);
        } else if (a.mode == "latency") {
            out = RunLatency(a, runner, probe);
        } else if (a.mode == "idle-stomp") {
            out = RunIdleStomp(a, runner, probe);
        } else if (a.mode == "idle-sse") {
            out = RunIdleSse(a, runner, probe);
        } else {
            throw std::invalid_argument("unknown mode " + a.mode);
        }
        out["tool_threads"] = c.threads;
        out["loadavg_end"] = LoadAverage();
        runner.Join();
        std::printf("%s\n", json::serialize(out).c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_chat_load: %s\n", e.what());
        return 1;
    }
}
