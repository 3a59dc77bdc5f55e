#!/usr/bin/env bash
# Fails when a domain/ folder includes I/O, JSON, SQL or networking headers: domain code stays pure.
set -euo pipefail
src=${1:?source dir}
bad=$(grep -rnE '#include\s*[<"](boost/(asio|beast|json)|sqlite3|libpq|curl|core/(sql|http|mail|bus|runtime))' \
      "$src"/services/*/domain 2>/dev/null || true)
if [ -n "$bad" ]; then
  echo "domain code must not include I/O headers:"
  echo "$bad"
  exit 1
fi
echo "domain folders are pure"
