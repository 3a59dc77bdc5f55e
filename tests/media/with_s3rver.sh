#!/usr/bin/env bash
# Runs a command against a real S3-compatible server (npm s3rver) on 127.0.0.1 and a free port, then stops
# it. The command sees SIKGU_TEST_S3_ENDPOINT and SIKGU_TEST_S3_BUCKET. Fails when Node is missing (never skips).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null; then
  echo "Node.js is required to run the S3 storage tests (s3rver)" >&2
  exit 1
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
dir=$(mktemp -d /tmp/sikgu-s3.XXXXXX)
mkfifo "$dir/in"
node "$here/s3rver.mjs" sikgu-test <"$dir/in" >"$dir/out" 2>"$dir/err" &
pid=$!
exec 3>"$dir/in"  # s3rver runs while this stays open
cleanup() {
  exec 3>&-
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  grep -q '^port ' "$dir/out" 2>/dev/null && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$dir/err" >&2; exit 1; fi
  sleep 0.1
done
port=$(sed -n 's/^port //p' "$dir/out")
[ -n "$port" ] || { echo "s3rver did not start" >&2; cat "$dir/err" >&2; exit 1; }
export SIKGU_TEST_S3_ENDPOINT="http://127.0.0.1:$port"
export SIKGU_TEST_S3_BUCKET=sikgu-test
"$@"
