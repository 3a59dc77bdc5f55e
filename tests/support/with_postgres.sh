#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster on 127.0.0.1 and a free port, then removes it.
# The command sees SIKGU_TEST_POSTGRES_URL. Fails when PostgreSQL 15 is not installed (never skips).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL 15 is not installed; install the 'postgresql' package to run this test" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/sikgu-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
for db in sikgu_test sikgu_account sikgu_plant sikgu_media sikgu_market sikgu_notify sikgu_chat sikgu_streamtest; do
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
done
export SIKGU_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/sikgu_test"
# One database per service, as in the split shape.
export SIKGU_TEST_POSTGRES_TEMPLATE="postgresql://postgres@127.0.0.1:$port/sikgu_{service}"
"$@"
