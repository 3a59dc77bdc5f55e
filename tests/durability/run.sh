#!/usr/bin/env bash
# kill -9 under load, then restart: nothing acknowledged may be missing. Needs only Node (no npm packages).
set -euo pipefail
cd "$(dirname "$0")"
exec node --test --test-reporter=spec kill9.test.js
