#include "support/sse_client.hpp"

namespace sikgu::test {

SseClient::SseClient(std::uint16_t port, const std::string& target, const std::vector<std::string>& headers)
    : connection_(port) {
    std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    for (const auto& h : headers) request += h + "\r\n";
    connection_.Send(request + "\r\n");
    head_ = connection_.ReadUntil("\r\n\r\n", std::chrono::seconds(5));
    if (head_.find("Transfer-Encoding: chunked") == std::string::npos) {
        // Not a stream (a problem): keep its body as the text, so a test can print it.
        text_ = connection_.ReadUntilClosed(std::chrono::milliseconds(500));
        ended_ = true;
    }
}

// One chunk: "<hex size>\r\n<data>\r\n". Our SSE output never has "\r\n" inside a chunk's data.
bool SseClient::Fill(std::chrono::steady_clock::time_point deadline) {
    if (ended_) return false;
    const auto left = [&] {
        return std::max(std::chrono::milliseconds(1),
                        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
    };
    if (std::chrono::steady_clock::now() >= deadline) return false;
    const std::string size_line = connection_.ReadUntil("\r\n", left());
    if (size_line.empty()) return false;
    const std::size_t size = std::stoul(size_line, nullptr, 16);
    if (size == 0) {
        ended_ = true;
        return false;
    }
    std::string data;
    while (data.size() < size + 2) {
        const std::string part = connection_.ReadUntil("\r\n", left());
        if (part.empty()) return false;
        data += part;
    }
    text_ += data.substr(0, size);
    return true;
}

std::optional<SseEvent> SseClient::Next(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        const auto end = text_.find("\n\n");
        if (end != std::string::npos) {
            const std::string block = text_.substr(0, end + 1);
            text_.erase(0, end + 2);
            SseEvent e;
            bool any = false;
            for (std::size_t start = 0; start < block.size();) {
                const auto eol = block.find('\n', start);
                const std::string line = block.substr(start, eol - start);
                start = eol + 1;
                if (line.starts_with(":")) {
                    e.comment = true;
                    e.data = line.substr(1);
                    any = true;
                } else if (line.starts_with("retry: ")) {
                    retries_.push_back(line.substr(7));
                } else if (line.starts_with("event: ")) {
                    e.event = line.substr(7);
                    any = true;
                } else if (line.starts_with("id: ")) {
                    e.id = line.substr(4);
                } else if (line.starts_with("data: ")) {
                    if (!e.data.empty()) e.data += '\n';
                    e.data += line.substr(6);
                    any = true;
                }
            }
            if (any) return e;
            continue;  // a block with only retry:
        }
        if (!Fill(deadline)) return std::nullopt;
    }
}

std::optional<SseEvent> SseClient::NextNamed(const std::string& event, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto e = Next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!e) return std::nullopt;
        if (e->event == event) return e;
        skipped_.push_back(std::move(*e));
    }
    return std::nullopt;
}

std::vector<SseEvent> SseClient::Drain(std::chrono::milliseconds window) {
    const auto deadline = std::chrono::steady_clock::now() + window;
    std::vector<SseEvent> out;
    while (std::chrono::steady_clock::now() < deadline) {
        auto e = Next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!e) break;
        out.push_back(std::move(*e));
    }
    return out;
}

}  // namespace sikgu::test
