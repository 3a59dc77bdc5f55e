#!/usr/bin/env bash
# Streams and WebSockets with real clients (ws, eventsource) against the stream test server.
# Needs the built sikgu_stream_test_server (build/tests/ or $SIKGU_STREAM_TEST_SERVER). Works from any directory.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-reporter=spec streams.test.js
