#!/usr/bin/env bash
# Mail tests: sikgu sends through a real SMTP server from npm on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-reporter=spec smtp.test.js
