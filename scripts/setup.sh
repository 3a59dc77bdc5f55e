#!/usr/bin/env bash
# Installs what sikgu needs on Debian 12 (idempotent: apt runs only when a package is missing),
# then builds the web UI and the C++ tree incrementally. Sourced by run.sh and test.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  build-essential cmake ninja-build ccache pkg-config git python3
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libsodium-dev libssl-dev libcurl4-openssl-dev libicu-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev prometheus-cpp-dev
  libgtest-dev libgmock-dev
  libvips-dev
  clang-14 libclang-rt-14-dev
)
if [ "${SIKGU_WITH_BROWSER:-0}" = 1 ]; then packages+=(chromium); fi
if [ "${SIKGU_WITH_BENCH:-0}" = 1 ]; then packages+=(wrk); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  echo "Node.js 20 or newer is required to build the web UI (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# Web UI: npm ci when the lock file changed, build when a source is newer than the bundle.
web="$root/web"
if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f "$web/dist/index.html" ] || [ -n "$(find "$web/src" "$web/index.html" "$web/package.json" "$web/vite.config.ts" "$web/swagger-docs.ts" -newer "$web/dist/index.html" -print -quit)" ]; then
  (cd "$web" && npm run build --silent)
fi

# C++: configure once, then incremental builds (ccache makes clean rebuilds cheap).
build="$root/build"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" ${SIKGU_BUILD_TARGET:+--target "$SIKGU_BUILD_TARGET"}
