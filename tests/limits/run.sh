#!/usr/bin/env bash
# The listener under descriptor exhaustion and connection floods. Needs only Node (no npm packages).
set -euo pipefail
cd "$(dirname "$0")"
exec node --test --test-reporter=spec connections.test.js
