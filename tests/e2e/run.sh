#!/usr/bin/env bash
# Browser end-to-end tests: installs the pinned test dependencies when needed and runs every *.test.js.
# Needs the server binary (build/src/sikgu or $SIKGU_BIN), the built web UI (web/dist or $SIKGU_WEB_ROOT)
# and Chromium (/usr/bin/chromium or $CHROMIUM_PATH). Works from any directory.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || exit 1
fi

node --test --test-reporter=spec ./*.test.js
