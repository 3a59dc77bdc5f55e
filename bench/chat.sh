#!/usr/bin/env bash
# sikgu's chat and live-connection benchmarks (docs/PERFORMANCE.md, "Chat and live connections", says what
# they mean and what the last run showed). Opt-in and separate from bench/run.sh: about 13 minutes.
#
#   bench/chat.sh           # builds sikgu and bench_chat_load, runs everything, prints markdown tables
#
# Every run gets a fresh `sikgu serve` (all-in-one, SQLite, a new data dir, a free loopback port) and is driven by
# bench/chat_load.cpp (target bench_chat_load), which mints access tokens with auth::JwtCodec and the secret this
# script gives the server (SIKGU_CORE__AUTH__JWT_SECRET). All on 127.0.0.1 only:
#   - throughput: 2,000 STOMP connections (CONNECT with a bearer token, SUBSCRIBE /topic/rooms/<id>) in 1,000 rooms,
#     a seller and a buyer in each; every connection keeps WINDOW SENDs (with a receipt) outstanding and sends the
#     next when a RECEIPT says one is stored. Reported: MESSAGE frames carrying a chat message received per second
#     (each stored message reaches both members), stored messages per second, the server's CPU per stored message;
#   - latency: the same connections at a fixed total of RATE messages per second (each connection on its own
#     period, random phases); SEND → MESSAGE at the other member, p50 / p99;
#   both with sikgu's default durability (core.sql.sqlite_synchronous = normal) and with `full` (the production
#   example in docs/OPERATIONS.md), REPS rounds each, interleaved;
#   - idle STOMP: IDLE_CONNS connections (IDLE_CONNS / 2 rooms), CONNECT + one SUBSCRIBE each, stompjs's 10 s
#     heart-beats; the server's VmRSS before and after, per connection, and its CPU while they idle;
#   - idle SSE: IDLE_CONNS users, one GET /api/v1/notifications/stream each (bearer); VmRSS per stream; then the
#     fan-out: every user has a keyword alert (added through POST /api/v1/market/me/keywords before the streams
#     open), one seller posts one listing whose title holds the keyword (photo through POST /api/v1/photos), and
#     the time from that POST until every stream has its `event: notification`.
# The rooms are seeded: `sikgu migrate` creates chat.db, then one INSERT (sqlite3) writes chat_rooms rows for the
# bench's users before the server starts. Opening rooms through the API would need a listing per room and a
# signed-up buyer, which is not what these runs measure. Users need not exist in account: chat and notify only
# verify the token.
# Connections come from 127.0.0.2, 127.0.0.3, … (200 per address), under the default per-address cap (256).
# The idle runs set SIKGU_CORE__HTTP__MAX_CONNECTIONS=IDLE_CONNS+2000: the derived cap is at most 10,000, which
# would leave no room for the set-up calls and /metrics beside 10,000 live connections.
#
# Knobs (environment): REPS=3 ROOMS=1000 WINDOW=4 WARMUP=3 DURATION=10 RATE=5000 LATENCY_DURATION=20
#   IDLE_CONNS=10000 HOLD=20 SETTLE=5 TOOL_THREADS=1 ONLY=throughput,latency,idle-stomp,idle-sse (a subset)
#   QUIET=<percent> (before each run, wait until other processes use less than this share of the machine's CPU
#   over 3 s, for at most QUIET_WAIT=900 s, then run anyway; the share seen is logged)
#   SERVICES=<list> (`serve --services`, for diagnosis only: e.g. account,plant,media,market,chat leaves notify out)
#   BUILD_DIR=build BUILD_JOBS=1 NO_BUILD=1 BENCH_KEEP=<dir> (keeps the JSON of every run and the server logs)
# Progress goes to stderr, the tables to stdout. Everything it starts is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
REPS="${REPS:-3}"
ROOMS="${ROOMS:-1000}"
WINDOW="${WINDOW:-4}"
WARMUP="${WARMUP:-3}"
DURATION="${DURATION:-10}"
RATE="${RATE:-5000}"
LATENCY_DURATION="${LATENCY_DURATION:-20}"
IDLE_CONNS="${IDLE_CONNS:-10000}"
HOLD="${HOLD:-20}"
SETTLE="${SETTLE:-5}"
TOOL_THREADS="${TOOL_THREADS:-1}"
ONLY="${ONLY:-throughput,latency,idle-stomp,idle-sse}"
QUIET="${QUIET:-}"
QUIET_WAIT="${QUIET_WAIT:-900}"
SERVICES="${SERVICES:-}"
BUILD_JOBS="${BUILD_JOBS:-1}"
HOST=127.0.0.1
ROOM_BASE=9000000001
USER_BASE=7000000001

LOG_TAG=chat-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
wanted() { [[ ",$ONLY," == *",$1,"* ]]; }

command -v curl >/dev/null || die "curl is missing"
command -v jq >/dev/null || die "jq is missing (apt-get install -y jq)"
command -v sqlite3 >/dev/null || die "sqlite3 is missing (apt-get install -y sqlite3)"

bench_workdir sikgu-chat-bench runs

# ---------------------------------------------------------------- build
build_targets sikgu bench_chat_load
SIKGU_BIN="$BUILD/src/sikgu"
LOAD_BIN="$BUILD/bench/bench_chat_load"
[[ -x "$SIKGU_BIN" && -x "$LOAD_BIN" ]] || die "binaries missing under $BUILD"
cd "$ROOT"

# The server and the tool both need an open file per connection.
HARD_NOFILE="$(ulimit -Hn)"
ulimit -Sn "$HARD_NOFILE"
[[ "$HARD_NOFILE" == unlimited ]] || ((HARD_NOFILE > IDLE_CONNS + 1000)) ||
    die "the hard open-file limit ($HARD_NOFILE) is too low for $IDLE_CONNS connections"

SECRET="chat-bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SIKGU_PID="" PORT="" DATA=""

others_share() {  # % of the machine's CPU used over 3 s (nothing of ours runs between the benchmark's runs)
    local b0 t0 b1 t1
    read -r b0 t0 < <(machine_ticks)
    sleep 3
    read -r b1 t1 < <(machine_ticks)
    awk -v b=$((b1 - b0)) -v t=$((t1 - t0)) 'BEGIN {printf "%.0f", (t > 0 ? 100 * b / t : 0)}'
}
wait_quiet() {
    [[ -n "$QUIET" ]] || return 0
    local deadline=$((SECONDS + QUIET_WAIT)) share
    while share="$(others_share)"; ((share >= QUIET)); do
        if ((SECONDS >= deadline)); then
            log "others still use $share % of the machine after ${QUIET_WAIT} s; running anyway"
            return 0
        fi
        log "others use $share % of the machine; waiting for less than $QUIET %"
        sleep 10
    done
    log "others use $share % of the machine"
}

# A fresh data dir with `rooms` seeded rooms, and sikgu serving it (extra VAR=value args go to its environment).
start_fresh() {
    local rooms=$1; shift
    wait_quiet
    DATA="$WORK/data.$RANDOM$RANDOM"
    env SIKGU_CORE__LOG__LEVEL=warn SIKGU_CORE__AUTH__JWT_SECRET="$SECRET" "$@" \
        "$SIKGU_BIN" --data-dir "$DATA" migrate >>"$WORK/sikgu.log" 2>&1 || die "sikgu migrate failed"
    if ((rooms > 0)); then
        local now_ms=$(($(date +%s) * 1000))
        sqlite3 "$DATA/chat.db" "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $rooms - 1)
            INSERT INTO chat_rooms (id, post_id, seller_id, buyer_id, title, price, listing_state, thumbnail_url,
                                    created_at, last_at)
            SELECT $ROOM_BASE + i, 8000000001 + i, $USER_BASE + 2 * i, $USER_BASE + 2 * i + 1,
                   '몬스테라 알보 삽수 ' || i, 30000, 'selling', '', $now_ms, $now_ms FROM n;" ||
            die "seeding chat_rooms failed"
    fi
    PORT="$(free_port)"
    env SIKGU_CORE__LOG__ACCESS_LOG=false SIKGU_CORE__LOG__LEVEL=warn SIKGU_CORE__AUTH__JWT_SECRET="$SECRET" "$@" \
        "$SIKGU_BIN" --data-dir "$DATA" serve --port "$PORT" ${SERVICES:+--services "$SERVICES"} >>"$WORK/sikgu.log" 2>&1 &
    SIKGU_PID=$!
    PIDS+=("$SIKGU_PID")
    local deadline=$((SECONDS + 60))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$HOST:$PORT/healthz" 2>/dev/null || true)" == 200 ]]; do
        kill -0 "$SIKGU_PID" 2>/dev/null || { tail -n 20 "$WORK/sikgu.log" >&2; die "sikgu exited during start"; }
        ((SECONDS < deadline)) || die "sikgu did not become healthy in 60 s"
        sleep 0.02
    done
}

stop_server() {
    stop_pid "$SIKGU_PID"
    rm -rf "$DATA"
}

load() {  # runs bench_chat_load against the current server; $1 names the JSON it leaves in $WORK/runs
    local name=$1; shift
    "$LOAD_BIN" "$@" --port "$PORT" --secret "$SECRET" --server-pid "$SIKGU_PID" --threads "$TOOL_THREADS" \
        --room-base "$ROOM_BASE" --user-base "$USER_BASE" >"$WORK/runs/$name.json" 2>>"$WORK/load.log" ||
        { tail -n 20 "$WORK/load.log" >&2; die "bench_chat_load $1 failed"; }
}

field() { jq -r "$2" "$WORK/runs/$1.json"; }
fmt() { awk -v v="$1" -v d="${2:-0}" 'BEGIN {printf "%.*f", d, v}'; }
range() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {print (lo == hi ? lo : lo "–" hi)}'; }

log "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"

SYNCS=(normal full)
# ---------------------------------------------------------------- throughput and latency, interleaved
for rep in $(seq "$REPS"); do
    for sync in "${SYNCS[@]}"; do
        if wanted throughput; then
            start_fresh "$ROOMS" SIKGU_CORE__SQL__SQLITE_SYNCHRONOUS="$sync"
            load "throughput.$sync.$rep" throughput --rooms "$ROOMS" --window "$WINDOW" --warmup "$WARMUP" --duration "$DURATION"
            stop_server
            log "round $rep/$REPS throughput ($sync): $(fmt "$(field "throughput.$sync.$rep" .deliveries_per_s)") deliveries/s," \
                "$(fmt "$(field "throughput.$sync.$rep" .stored_messages_per_s)") stored/s, server CPU" \
                "$(fmt "$(field "throughput.$sync.$rep" .server_cpu_us_per_stored_message)") µs/message, others' CPU" \
                "$(fmt "$(field "throughput.$sync.$rep" .window_stats.others_cpu_pct_of_machine)") %"
        fi
        if wanted latency; then
            start_fresh "$ROOMS" SIKGU_CORE__SQL__SQLITE_SYNCHRONOUS="$sync"
            load "latency.$sync.$rep" latency --rooms "$ROOMS" --rate "$RATE" --warmup "$WARMUP" --duration "$LATENCY_DURATION"
            stop_server
            log "round $rep/$REPS latency ($sync) at $RATE/s: p50 $(field "latency.$sync.$rep" .send_to_recipient.p50_ms) ms," \
                "p99 $(field "latency.$sync.$rep" .send_to_recipient.p99_ms) ms, others' CPU" \
                "$(fmt "$(field "latency.$sync.$rep" .window_stats.others_cpu_pct_of_machine)") %"
        fi
    done
done

# ---------------------------------------------------------------- idle connections
MAXCONN=$((IDLE_CONNS + 2000))
if wanted idle-stomp; then
    start_fresh $((IDLE_CONNS / 2)) SIKGU_CORE__HTTP__MAX_CONNECTIONS="$MAXCONN"
    load idle-stomp idle-stomp --rooms $((IDLE_CONNS / 2)) --settle "$SETTLE" --hold "$HOLD"
    stop_server
    log "idle STOMP: $(field idle-stomp .connections_open) open, $(fmt "$(field idle-stomp .server_rss_per_connection_kib)" 1) KiB each"
fi
if wanted idle-sse; then
    start_fresh 0 SIKGU_CORE__HTTP__MAX_CONNECTIONS="$MAXCONN"
    load idle-sse idle-sse --users "$IDLE_CONNS" --settle "$SETTLE" --hold "$HOLD"
    stop_server
    log "idle SSE: $(field idle-sse .connections_open) open, $(fmt "$(field idle-sse .server_rss_per_connection_kib)" 1) KiB each;" \
        "fan-out to all in $(field idle-sse .fanout.all_notified_ms) ms"
fi
if grep -q '"level":"error"' "$WORK/sikgu.log"; then
    log "sikgu logged errors:"; grep '"level":"error"' "$WORK/sikgu.log" | head -n 5 >&2
fi

# ---------------------------------------------------------------- report
runs_of() { local r; for r in $(seq "$REPS"); do [[ -f "$WORK/runs/$1.$r.json" ]] && echo "$1.$r"; done; }
values() { local run; for run in $(runs_of "$1"); do field "$run" "$2"; done; }

if wanted throughput || wanted latency; then
    echo "| measurement | sqlite_synchronous | median of $REPS | runs | server CPU µs per stored message (median) | server CPU, % of one core | others' CPU, % of the machine | load average at the end |"
    echo "| --- | --- | ---: | --- | ---: | ---: | ---: | --- |"
    for sync in "${SYNCS[@]}"; do
        wanted throughput || break
        t="throughput.$sync"
        mapfile -t d < <(values "$t" .deliveries_per_s)
        mapfile -t s < <(values "$t" .stored_messages_per_s)
        mapfile -t c < <(values "$t" .server_cpu_us_per_stored_message)
        mapfile -t u < <(values "$t" .window_stats.server_cpu_pct_of_one_core)
        mapfile -t o < <(values "$t" .window_stats.others_cpu_pct_of_machine)
        last="$(runs_of "$t" | tail -n1)"
        echo "| deliveries/s (MESSAGE frames, both members; window $WINDOW per connection) | $sync | $(fmt "$(median "${d[@]}")") | $(for v in "${d[@]}"; do printf '%s ' "$(fmt "$v")"; done | sed 's/ $//') | $(fmt "$(median "${c[@]}")") | $(range $(for v in "${u[@]}"; do fmt "$v"; echo; done)) | $(range $(for v in "${o[@]}"; do fmt "$v"; echo; done)) | $(field "$last" .window_stats.loadavg) |"
        echo "| stored messages/s (RECEIPTs) | $sync | $(fmt "$(median "${s[@]}")") | $(for v in "${s[@]}"; do printf '%s ' "$(fmt "$v")"; done | sed 's/ $//') | | | | |"
    done
    for sync in "${SYNCS[@]}"; do
        wanted latency || break
        t="latency.$sync"
        mapfile -t p50 < <(values "$t" .send_to_recipient.p50_ms)
        mapfile -t p99 < <(values "$t" .send_to_recipient.p99_ms)
        mapfile -t r99 < <(values "$t" .send_to_receipt.p99_ms)
        mapfile -t lag < <(values "$t" .send_lateness.p99_ms)
        mapfile -t rate < <(values "$t" .sent_per_s)
        mapfile -t c < <(values "$t" .server_cpu_us_per_stored_message)
        mapfile -t u < <(values "$t" .window_stats.server_cpu_pct_of_one_core)
        mapfile -t o < <(values "$t" .window_stats.others_cpu_pct_of_machine)
        last="$(runs_of "$t" | tail -n1)"
        echo "| SEND → MESSAGE at the other member, p50 ms ($RATE msg/s) | $sync | $(fmt "$(median "${p50[@]}")" 2) | $(for v in "${p50[@]}"; do printf '%s ' "$(fmt "$v" 2)"; done | sed 's/ $//') | $(fmt "$(median "${c[@]}")") | $(range $(for v in "${u[@]}"; do fmt "$v"; echo; done)) | $(range $(for v in "${o[@]}"; do fmt "$v"; echo; done)) | $(field "$last" .window_stats.loadavg) |"
        echo "| SEND → MESSAGE at the other member, p99 ms ($RATE msg/s) | $sync | $(fmt "$(median "${p99[@]}")" 2) | $(for v in "${p99[@]}"; do printf '%s ' "$(fmt "$v" 2)"; done | sed 's/ $//') | | | | |"
        echo "| SEND → RECEIPT (stored), p99 ms | $sync | $(fmt "$(median "${r99[@]}")" 2) | $(for v in "${r99[@]}"; do printf '%s ' "$(fmt "$v" 2)"; done | sed 's/ $//') | | | | |"
        echo "| the tool's own lateness sending, p99 ms | $sync | $(fmt "$(median "${lag[@]}")" 2) | achieved rate: $(for v in "${rate[@]}"; do printf '%s ' "$(fmt "$v")"; done | sed 's/ $//') msg/s | | | | |"
    done
    echo
fi
if wanted idle-stomp || wanted idle-sse; then
    echo "| measurement | connections open | server VmRSS before → after | per connection | server CPU while idle ($HOLD s), % of one core | others' CPU | notes |"
    echo "| --- | ---: | --- | ---: | ---: | ---: | --- |"
    for kind in idle-stomp idle-sse; do
        wanted "$kind" || continue
        label='idle STOMP (CONNECT + SUBSCRIBE, 10 s heart-beats)'
        [[ "$kind" == idle-sse ]] && label='idle SSE (`GET /api/v1/notifications/stream`)'
        echo "| $label | $(field "$kind" .connections_open) of $(field "$kind" .connections_asked) | $(fmt "$(field "$kind" .server_rss_before_kib)" | awk '{printf "%.1f", $1 / 1024}') → $(fmt "$(field "$kind" .server_rss_after_kib)" | awk '{printf "%.1f", $1 / 1024}') MiB | $(fmt "$(field "$kind" .server_rss_per_connection_kib)" 1) KiB | $(fmt "$(field "$kind" .idle.server_cpu_pct_of_one_core)" 1) | $(fmt "$(field "$kind" .idle.others_cpu_pct_of_machine)") % | still open after $HOLD s: $(field "$kind" .idle.still_open); VmRSS after closing all: $(fmt "$(field "$kind" .server_rss_after_close_kib)" | awk '{printf "%.1f", $1 / 1024}') MiB; load $(field "$kind" .idle.loadavg) |"
    done
    echo
fi
if wanted idle-sse && [[ "$(field idle-sse .fanout)" != null ]]; then
    echo "| fan-out: one listing matching $IDLE_CONNS users' keyword alerts, one stream each | value |"
    echo "| --- | ---: |"
    echo "| POST /api/v1/market/listings → 201 | $(fmt "$(field idle-sse .fanout.listing_created_ms)" 1) ms |"
    echo "| POST → first stream has its notification | $(fmt "$(field idle-sse .fanout.arrival_after_post.min_ms)") ms (p50 $(fmt "$(field idle-sse .fanout.arrival_after_post.p50_ms)") ms, p99 $(fmt "$(field idle-sse .fanout.arrival_after_post.p99_ms)") ms) |"
    echo "| POST → every stream has it ($(field idle-sse .fanout.streams_notified) of $(field idle-sse .connections_open)) | **$(fmt "$(field idle-sse .fanout.all_notified_ms)") ms** |"
    echo "| \`event: notification\` frames received (one per stream expected) | $(field idle-sse .fanout.notification_events) |"
    echo "| server CPU during the fan-out | $(fmt "$(field idle-sse .fanout.window_stats.server_cpu_s)" 2) s; others' CPU $(fmt "$(field idle-sse .fanout.window_stats.others_cpu_pct_of_machine)") % |"
    echo
fi
echo "$(nproc) cores; $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo);${SERVICES:+ services: $SERVICES;} commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); tool threads: $TOOL_THREADS; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
