#!/usr/bin/env bash
# Kakao login tests: sikgu against a real OpenID Connect provider from npm (oidc-provider) on 127.0.0.1,
# driven in Chromium (/usr/bin/chromium or $CHROMIUM_PATH). Needs the server binary and the built web UI.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-concurrency=1 --test-reporter=spec kakao.test.js
