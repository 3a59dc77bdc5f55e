#include "core/http/client.hpp"

#include <curl/curl.h>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <algorithm>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/util/errors.hpp"
#include "core/util/text.hpp"

namespace sikgu::http {
namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

// Indexes of ClientStats::finished, in the order of ClientStats::kOutcomes.
enum Outcome : std::size_t { kOk, kTimedOut, kOverCap, kConnectFailed, kFailed, kAborted, kStopped, kRefused };

// A response body has its own cap; the header block gets a fixed one so a hostile server cannot grow it
// without bound either (libcurl limits single headers only).
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// When nothing is due, the I/O thread still wakes now and then; commands wake it at once anyway.
constexpr milliseconds kIdlePoll{1000};

/// What the I/O thread hands back to the caller.
struct Result {
    std::optional<ClientErrorKind> error;
    std::string message;
    long status = 0;
    std::vector<Header> headers;
    std::string body;
};

/// The caller's side of a transfer: a resumed coroutine or a woken thread. Called exactly once.
class Completion {
public:
    virtual ~Completion() = default;
    virtual void Complete(Result result) = 0;
};

template <class Handler>
class HandlerCompletion final : public Completion {
public:
    explicit HandlerCompletion(Handler handler)
        : handler_(std::move(handler)),
          work_(boost::asio::make_work_guard(boost::asio::get_associated_executor(handler_))) {}

    // Runs on the I/O thread: the handler itself runs on the awaiting coroutine's executor.
    void Complete(Result result) override {
        auto executor = work_.get_executor();
        boost::asio::post(executor, [handler = std::move(handler_), result = std::move(result)]() mutable {
            std::move(handler)(std::move(result));
        });
        work_.reset();
    }

private:
    Handler handler_;
    boost::asio::executor_work_guard<boost::asio::associated_executor_t<Handler>> work_;
};

class PromiseCompletion final : public Completion {
public:
    explicit PromiseCompletion(std::promise<Result>& promise) : promise_(promise) {}
    void Complete(Result result) override { promise_.set_value(std::move(result)); }

private:
    std::promise<Result>& promise_;
};

bool IsTokenChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 32 || u >= 127) return false;
    return std::string_view("\"(),/:;<=>?@[\\]{}").find(c) == std::string_view::npos;
}

bool IsToken(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar); }

bool IsFieldValue(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

long ToCurlMillis(milliseconds value) { return static_cast<long>(std::max<milliseconds::rep>(1, value.count())); }

ClientError ErrorOf(const Result& result) { return ClientError(*result.error, result.message); }

Outcome OutcomeOf(const Result& result) {
    if (!result.error) return kOk;
    switch (*result.error) {
        case ClientErrorKind::kTimeout: return kTimedOut;
        case ClientErrorKind::kTooLarge: return kOverCap;
        case ClientErrorKind::kConnect: return kConnectFailed;
        case ClientErrorKind::kTransfer: return kFailed;
        case ClientErrorKind::kCancelled: return kAborted;
        case ClientErrorKind::kShutdown: return kStopped;
    }
    return kFailed;
}

Result Failure(ClientErrorKind kind, std::string message) {
    Result r;
    r.error = kind;
    r.message = std::move(message);
    return r;
}

}  // namespace

std::string_view ClientErrorKindName(ClientErrorKind kind) {
    switch (kind) {
        case ClientErrorKind::kTimeout: return "timeout";
        case ClientErrorKind::kTooLarge: return "too_large";
        case ClientErrorKind::kConnect: return "connect_failed";
        case ClientErrorKind::kTransfer: return "failed";
        case ClientErrorKind::kCancelled: return "cancelled";
        case ClientErrorKind::kShutdown: return "shutdown";
    }
    return "failed";
}

std::string_view ClientResponse::GetHeader(std::string_view name) const {
    for (const auto& h : headers) {
        if (AsciiEqualsIgnoreCase(h.name, name)) return h.value;
    }
    return {};
}

namespace {

/// Shared by a transfer and the cancellation handler in the awaiting operation's slot, which may fire at any
/// time (also after completion) from the thread that cancels.
struct CancelCell {
    std::mutex mutex;
    Client::Impl* impl = nullptr;  // null once the transfer has finished: the client may be gone
    std::uint64_t id = 0;
    bool cancelled = false;
};

struct Transfer {
    std::uint64_t id = 0;
    bool http = true;  // false: a CurlTransfer configured by its caller
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    std::string body;  // CURLOPT_POSTFIELDS points here
    Deadline deadline;
    std::size_t max_response_bytes = 0;
    std::size_t header_bytes = 0;
    bool too_large = false;
    bool running = false;  // on the multi handle
    Result result;
    char error[CURL_ERROR_SIZE] = {0};
    std::shared_ptr<CancelCell> cell = std::make_shared<CancelCell>();
    std::unique_ptr<Completion> completion;
    // Set once admitted. The transfer gives its place back however it ends: also when the awaiting coroutine
    // was cancelled before the operation even started, and Asio destroyed the transfer unsubmitted.
    std::atomic<std::size_t>* admitted = nullptr;
    std::atomic<std::uint64_t>* unstarted = nullptr;  // counted as cancelled when it never reached the client
    bool concluded = false;

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() {
        if (easy != nullptr) curl_easy_cleanup(easy);
        if (headers != nullptr) curl_slist_free_all(headers);
        if (admitted != nullptr) admitted->fetch_sub(1);
        if (!concluded && unstarted != nullptr) unstarted->fetch_add(1);
    }
};

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    t.header_bytes += n;
    if (t.header_bytes > kMaxHeaderBytes) {
        t.too_large = true;
        return 0;  // aborts the transfer
    }
    const std::string_view line(data, n);
    if (line.starts_with("HTTP/")) {
        t.result.headers.clear();  // a new response (after 100 Continue or a followed redirect)
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    t.result.headers.push_back({AsciiLower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1)))});
    return n;
}

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t.result.body.size() + n > t.max_response_bytes) {
        t.too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    t.result.body.append(data, n);
    return n;
}

/// The cancellation slot's handler: asks the I/O thread to drop the transfer.
class CancelHandler {
public:
    explicit CancelHandler(std::weak_ptr<CancelCell> cell) : cell_(std::move(cell)) {}
    void operator()(boost::asio::cancellation_type_t type);

private:
    std::weak_ptr<CancelCell> cell_;
};

}  // namespace

struct Client::Impl {
    ClientOptions options;
    CURLM* multi = nullptr;

    std::mutex mutex;  // guards incoming, cancels and stopping
    std::vector<std::unique_ptr<Transfer>> incoming;
    std::vector<std::uint64_t> cancels;
    bool stopping = false;

    std::atomic<std::uint64_t> next_id{1};
    std::atomic<std::size_t> admitted{0};  // incoming + waiting + running
    std::atomic<std::size_t> running_count{0};
    std::array<std::atomic<std::uint64_t>, ClientStats::kOutcomes.size()> finished{};

    // The I/O thread's own state.
    std::unordered_map<std::uint64_t, std::unique_ptr<Transfer>> transfers;
    std::deque<std::uint64_t> waiting;  // arrival order; ids of finished transfers are skipped
    std::size_t running = 0;

    std::thread thread;

    explicit Impl(ClientOptions options_in) : options(options_in) {
        static std::once_flag curl_initialised;
        std::call_once(curl_initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        if (options.max_connections == 0) options.max_connections = 1;
        multi = curl_multi_init();
        if (multi == nullptr) throw std::runtime_error("curl_multi_init failed");
        // Idle connections kept for reuse, over all hosts.
        curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options.max_connections));
        thread = std::thread([this] { Loop(); });
    }

    ~Impl() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        curl_multi_wakeup(multi);
        thread.join();
        curl_multi_cleanup(multi);
    }

    // ---- The callers' side --------------------------------------------------------------------------

    std::unique_ptr<Transfer> NewTransfer(Deadline deadline) {
        auto t = std::make_unique<Transfer>();
        t->id = next_id.fetch_add(1);
        t->deadline = deadline == Deadline{} ? SteadyClock::now() + options.default_timeout : deadline;
        t->easy = curl_easy_init();
        if (t->easy == nullptr) throw ClientError(ClientErrorKind::kTransfer, "curl_easy_init failed");
        curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t.get());
        curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, t->error);
        // Set before the transfer can be cancelled: a cancel may run before Submit has queued it. Lock order
        // is cell, then `mutex` (the cancel handler's), never the other way round.
        t->cell->impl = this;
        t->cell->id = t->id;
        return t;
    }

    std::unique_ptr<Transfer> PrepareHttp(const ClientRequest& request) {
        if (!IsToken(request.method)) throw std::invalid_argument("http client: bad method");
        for (const auto& h : request.headers) {
            if (!IsToken(h.name) || !IsFieldValue(h.value)) {
                throw std::invalid_argument("http client: bad header " + (IsToken(h.name) ? h.name : std::string()));
            }
        }
        auto t = NewTransfer(request.deadline);
        CURL* e = t->easy;
        t->max_response_bytes =
            request.max_response_bytes == 0 ? options.max_response_bytes : request.max_response_bytes;
        t->body = request.body;
        curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, request.max_redirects > 0 ? 1L : 0L);
        curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(std::max(0, request.max_redirects)));
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(e, CURLOPT_USERAGENT, "sikgu");
        curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->max_response_bytes));
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
        if (request.aws_sigv4) {
            // libcurl copies string options, so the request may go away once the transfer is prepared.
            const std::string credentials = request.aws_sigv4->access_key + ":" + request.aws_sigv4->secret_key;
            curl_easy_setopt(e, CURLOPT_AWS_SIGV4, request.aws_sigv4->provider.c_str());
            curl_easy_setopt(e, CURLOPT_USERPWD, credentials.c_str());
        }

        // "Expect: 100-continue" would hold larger bodies back until the server answers or a second passes.
        t->headers = curl_slist_append(t->headers, "Expect:");
        for (const auto& h : request.headers) {
            // "Name:" would remove a header; "Name;" is curl's spelling of an empty one.
            const std::string line = h.value.empty() ? h.name + ";" : h.name + ": " + h.value;
            t->headers = curl_slist_append(t->headers, line.c_str());
        }
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);

        const std::string& m = request.method;
        const bool sends_body = !t->body.empty() || m == "POST" || m == "PUT" || m == "PATCH";
        if (m == "HEAD") {
            curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
        } else if (sends_body) {
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->body.data());
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->body.size()));
            if (m != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m.c_str());
        } else {
            curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
            if (m != "GET") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m.c_str());
        }
        return t;
    }

    std::unique_ptr<Transfer> PrepareCurl(const CurlTransfer& transfer) {
        auto t = NewTransfer(transfer.deadline);
        t->http = false;
        if (transfer.configure) transfer.configure(t->easy);
        // The caller may not take these over: the I/O thread finds its transfer and its message through them.
        curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t.get());
        curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, t->error);
        return t;
    }

    /// Counts the transfer in, or refuses it when running and queued transfers fill both limits.
    void Admit(Transfer& t) {
        if (admitted.fetch_add(1) >= options.max_connections + options.max_queued) {
            admitted.fetch_sub(1);
            finished[kRefused].fetch_add(1);
            throw OverloadedError("outgoing http client: " + std::to_string(options.max_connections) +
                                  " transfers running and " + std::to_string(options.max_queued) + " queued");
        }
        t.admitted = &admitted;
        t.unstarted = &finished[kAborted];
    }

    void Submit(std::unique_ptr<Transfer> t) {
        bool stopped = false;
        {
            std::lock_guard lock(mutex);
            stopped = stopping;
            if (!stopped) incoming.push_back(std::move(t));
        }
        if (stopped) {
            Conclude(std::move(t), Failure(ClientErrorKind::kShutdown, "http client stopped"));
            return;
        }
        curl_multi_wakeup(multi);
    }

    void RequestCancel(std::uint64_t id) {
        {
            std::lock_guard lock(mutex);
            cancels.push_back(id);
        }
        curl_multi_wakeup(multi);
    }

    // The transfer stays with the caller until the initiation takes it: if Asio refuses to start the
    // operation (already cancelled), it is freed with the caller's frame. A pointer, not the unique_ptr, goes
    // through async_initiate, whose coroutine takes its arguments by value (see the GCC 12 note).
    template <class Token>
    auto AsyncRun(std::unique_ptr<Transfer>* owned, Token&& token) {
        return boost::asio::async_initiate<Token, void(Result)>(
            [this](auto handler, std::unique_ptr<Transfer>* from) {
                std::unique_ptr<Transfer> t = std::move(*from);
                auto slot = boost::asio::get_associated_cancellation_slot(handler);
                if (slot.is_connected()) slot.template emplace<CancelHandler>(t->cell);
                using Handler = std::decay_t<decltype(handler)>;
                t->completion = std::make_unique<HandlerCompletion<Handler>>(std::move(handler));
                Submit(std::move(t));
            },
            token, owned);
    }

    Result Wait(std::unique_ptr<Transfer> t) {
        if (std::this_thread::get_id() == thread.get_id()) {
            throw std::logic_error("http client: FetchNow on the client's own thread");
        }
        std::promise<Result> promise;
        auto future = promise.get_future();
        t->completion = std::make_unique<PromiseCompletion>(promise);
        Submit(std::move(t));
        return future.get();
    }

    static ClientResponse TakeResponse(Result result) {
        if (result.error) throw ErrorOf(result);
        return ClientResponse{result.status, std::move(result.headers), std::move(result.body)};
    }

    ClientStats Stats() const {
        ClientStats s;
        s.in_flight = running_count.load();
        const std::size_t all = admitted.load();
        s.queued = all > s.in_flight ? all - s.in_flight : 0;
        for (std::size_t i = 0; i < finished.size(); ++i) s.finished[i] = finished[i].load();
        return s;
    }

    // ---- The I/O thread -----------------------------------------------------------------------------

    void Loop() {
        std::vector<std::unique_ptr<Transfer>> arrived;
        std::vector<std::uint64_t> cancelled;
        while (true) {
            {
                std::lock_guard lock(mutex);
                if (stopping) break;
                arrived.swap(incoming);
                cancelled.swap(cancels);
            }
            for (auto& t : arrived) Accept(std::move(t));
            arrived.clear();
            for (const auto id : cancelled) Cancel(id);
            cancelled.clear();

            const auto now = SteadyClock::now();
            const auto next_queued_deadline = ExpireWaiting(now);
            StartWaiting(now);
            int still_running = 0;
            curl_multi_perform(multi, &still_running);
            Reap();
            // Reaping may have freed slots: start the next ones before sleeping.
            if (running < options.max_connections && !waiting.empty()) continue;

            long curl_ms = -1;
            curl_multi_timeout(multi, &curl_ms);
            milliseconds wait = curl_ms < 0 ? kIdlePoll : std::min(kIdlePoll, milliseconds(curl_ms));
            if (next_queued_deadline) {
                const auto until = std::chrono::ceil<milliseconds>(*next_queued_deadline - SteadyClock::now());
                wait = std::clamp(until, milliseconds(0), wait);
            }
            curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
        }
        Drain();
    }

    void Accept(std::unique_ptr<Transfer> t) {
        bool cancelled = false;
        {
            std::lock_guard lock(t->cell->mutex);
            cancelled = t->cell->cancelled;
        }
        if (cancelled) {
            Conclude(std::move(t), Failure(ClientErrorKind::kCancelled, "cancelled"));
            return;
        }
        const auto id = t->id;
        transfers.emplace(id, std::move(t));
        waiting.push_back(id);
    }

    void Cancel(std::uint64_t id) {
        const auto it = transfers.find(id);
        if (it == transfers.end()) return;
        Finish(it, Failure(ClientErrorKind::kCancelled, "cancelled"));
    }

    /// Fails queued transfers whose deadline has passed; returns the earliest deadline still queued.
    std::optional<Deadline> ExpireWaiting(Deadline now) {
        std::optional<Deadline> earliest;
        std::erase_if(waiting, [&](std::uint64_t id) {
            const auto it = transfers.find(id);
            if (it == transfers.end()) return true;
            if (it->second->deadline <= now) {
                Finish(it, Failure(ClientErrorKind::kTimeout, "deadline passed while queued for a connection"));
                return true;
            }
            if (!earliest || it->second->deadline < *earliest) earliest = it->second->deadline;
            return false;
        });
        return earliest;
    }

    void StartWaiting(Deadline now) {
        while (running < options.max_connections && !waiting.empty()) {
            const auto id = waiting.front();
            waiting.pop_front();
            const auto it = transfers.find(id);
            if (it == transfers.end()) continue;
            Transfer& t = *it->second;
            const auto left = std::chrono::ceil<milliseconds>(t.deadline - now);
            // libcurl enforces the deadline from here on; the connect phase gets its own, shorter limit.
            curl_easy_setopt(t.easy, CURLOPT_TIMEOUT_MS, ToCurlMillis(left));
            if (t.http) {
                const auto connect = std::min(left, options.connect_timeout);
                curl_easy_setopt(t.easy, CURLOPT_CONNECTTIMEOUT_MS, ToCurlMillis(connect));
            }
            const CURLMcode rc = curl_multi_add_handle(multi, t.easy);
            if (rc != CURLM_OK) {
                Finish(it, Failure(ClientErrorKind::kTransfer, curl_multi_strerror(rc)));
                continue;
            }
            t.running = true;
            ++running;
            running_count.store(running);
        }
    }

    void Reap() {
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
            if (message->msg != CURLMSG_DONE) continue;
            char* data = nullptr;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &data);
            const CURLcode code = message->data.result;  // `message` is invalid once the handle is removed
            auto* t = reinterpret_cast<Transfer*>(data);
            const auto it = transfers.find(t->id);
            if (it == transfers.end()) continue;
            Finish(it, ResultOf(*t, code));
        }
    }

    Result ResultOf(Transfer& t, CURLcode code) {
        if (code == CURLE_OK) {
            Result r = std::move(t.result);
            curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &r.status);
            return r;
        }
        const std::string why = t.error[0] != '\0' ? t.error : curl_easy_strerror(code);
        if (t.header_bytes > kMaxHeaderBytes) {
            return Failure(ClientErrorKind::kTooLarge,
                           "response headers larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
        }
        if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
            return Failure(ClientErrorKind::kTooLarge,
                           "response body larger than " + std::to_string(t.max_response_bytes) + " bytes");
        }
        switch (code) {
            case CURLE_OPERATION_TIMEDOUT:
                // The connect limit fires before the deadline and means the host is out of reach.
                if (SteadyClock::now() + milliseconds(5) < t.deadline) return Failure(ClientErrorKind::kConnect, why);
                return Failure(ClientErrorKind::kTimeout, "deadline passed: " + why);
            case CURLE_COULDNT_RESOLVE_HOST:
            case CURLE_COULDNT_RESOLVE_PROXY:
            case CURLE_COULDNT_CONNECT: return Failure(ClientErrorKind::kConnect, why);
            default: return Failure(ClientErrorKind::kTransfer, why);
        }
    }

    /// Takes the transfer off the multi handle (when on it) and completes it.
    void Finish(std::unordered_map<std::uint64_t, std::unique_ptr<Transfer>>::iterator it, Result result) {
        std::unique_ptr<Transfer> t = std::move(it->second);
        transfers.erase(it);
        if (t->running) {
            curl_multi_remove_handle(multi, t->easy);
            t->running = false;
            --running;
            running_count.store(running);
        }
        Conclude(std::move(t), std::move(result));
    }

    void Conclude(std::unique_ptr<Transfer> t, Result result) {
        {
            std::lock_guard lock(t->cell->mutex);
            t->cell->impl = nullptr;
        }
        finished[OutcomeOf(result)].fetch_add(1);
        t->concluded = true;
        auto completion = std::move(t->completion);
        // The easy handle goes (and the place is given back) before the caller resumes: a CurlTransfer's
        // options point into its frame.
        t.reset();
        completion->Complete(std::move(result));
    }

    /// On stop: everything still known fails with kShutdown.
    void Drain() {
        std::vector<std::unique_ptr<Transfer>> left;
        {
            std::lock_guard lock(mutex);
            left.swap(incoming);
        }
        for (auto& t : left) Conclude(std::move(t), Failure(ClientErrorKind::kShutdown, "http client stopped"));
        while (!transfers.empty()) {
            Finish(transfers.begin(), Failure(ClientErrorKind::kShutdown, "http client stopped"));
        }
        waiting.clear();
    }
};

void CancelHandler::operator()(boost::asio::cancellation_type_t type) {
    if (type == boost::asio::cancellation_type::none) return;
    const auto cell = cell_.lock();
    if (!cell) return;
    std::lock_guard lock(cell->mutex);
    cell->cancelled = true;
    if (cell->impl != nullptr) cell->impl->RequestCancel(cell->id);
}

Client::Client(ClientOptions options) : impl_(std::make_unique<Impl>(options)) {}

Client::~Client() = default;

core::Task<ClientResponse> Client::Fetch(const ClientRequest& request) {
    auto transfer = impl_->PrepareHttp(request);
    impl_->Admit(*transfer);
    Result result;
    try {
        result = co_await impl_->AsyncRun(&transfer, boost::asio::use_awaitable);
    } catch (const boost::system::system_error& e) {
        // Cancelled before the operation started: Asio refuses to start it and never calls the initiation.
        if (e.code() != boost::asio::error::operation_aborted) throw;
        result = Failure(ClientErrorKind::kCancelled, "cancelled");
    }
    co_return Impl::TakeResponse(std::move(result));
}

ClientResponse Client::FetchNow(const ClientRequest& request) {
    auto transfer = impl_->PrepareHttp(request);
    impl_->Admit(*transfer);
    return Impl::TakeResponse(impl_->Wait(std::move(transfer)));
}

core::Task<CurlResult> Client::Perform(const CurlTransfer& transfer) {
    auto prepared = impl_->PrepareCurl(transfer);
    impl_->Admit(*prepared);
    Result result;
    try {
        result = co_await impl_->AsyncRun(&prepared, boost::asio::use_awaitable);
    } catch (const boost::system::system_error& e) {
        if (e.code() != boost::asio::error::operation_aborted) throw;
        result = Failure(ClientErrorKind::kCancelled, "cancelled");
    }
    if (result.error) throw ErrorOf(result);
    co_return CurlResult{result.status};
}

ClientStats Client::Stats() const { return impl_->Stats(); }

const ClientOptions& Client::Options() const { return impl_->options; }

}  // namespace sikgu::http
