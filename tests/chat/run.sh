#!/usr/bin/env bash
# Chat over STOMP/WebSocket with @stomp/stompjs and raw frames against the stream test server (which runs
# every real module). Needs the built sikgu_stream_test_server (build/tests/ or $SIKGU_STREAM_TEST_SERVER).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-reporter=spec --test-concurrency=1 chat.test.js
