#!/usr/bin/env bash
# Sets up and runs sikgu all-in-one: SQLite under ./data, the dev mailbox, web UI on http://localhost:8080.
# Extra arguments go to `sikgu serve` (e.g. --port 9090). Configuration: docs/OPERATIONS.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIKGU_BUILD_TARGET=sikgu "$root/scripts/setup.sh"
cd "$root"
exec "$root/build/src/sikgu" serve "$@"
