#pragma once

#include <span>

#include "core/runtime/module.hpp"

namespace sikgu::test {

/// A module for tests only (linked into test binaries, never into `sikgu`) that exercises the runtime's
/// long-lived connections and per-route options:
///
/// | route | what |
/// |---|---|
/// | `GET /api/v1/test/events` | SSE (user; cookie or ticket): event n happens at start + n·interval_ms, so a stream resumed with Last-Event-ID (or `last_event_id`) first gets exactly the events it missed; `retry:` first, a `: heartbeat` comment after heartbeat_ms of silence, `close_after` events then the end; a last `bye` event on drain, `reauth` on expiry or revocation |
/// | `GET /api/v1/test/echo` | WebSocket (user; cookie or ticket; 64 KiB messages): `{"hello":<user id>}` first, then echoes; `flood <count> <bytes> <per_ms>` sends that many messages at that pace without looking back; `close` closes with 1000 |
/// | `POST /api/v1/test/upload` | user; up to 8 MiB, spooled to disk above 64 KiB: `{spooled, size, sha256, path}` |
/// | `POST /api/v1/test/small` | public; up to 1 KiB: `{size}` |
/// | `GET /api/v1/test/limited` | optional user; 3 per minute per user or address |
/// | `GET /api/v1/test/download?bytes=N` | public; a streamed body of N bytes with a Content-Length |
/// | `POST /api/v1/test/idempotent` | public; Idempotency::kRequired, answered with the policy the handler sees |
runtime::ModuleEntry StreamTestModule();

/// Every real module plus the test module, for a TestServer or the stream test server.
std::span<const runtime::ModuleEntry> ModulesWithStreamTest();

}  // namespace sikgu::test
