#!/usr/bin/env bash
# Sets up, builds everything and runs the whole test suite: unit, component (real servers on 127.0.0.1,
# a throwaway PostgreSQL), and browser end-to-end tests in headless Chromium. CTest prints the summary last.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIKGU_WITH_BROWSER=1 "$root/scripts/setup.sh"
cd "$root/build"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
