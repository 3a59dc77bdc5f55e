#!/usr/bin/env bash
# sikgu's benchmarks (docs/PERFORMANCE.md says what they mean and what the last run showed).
#
#   bench/run.sh            # builds bench_hello_server and sikgu, runs everything, prints a markdown table
#
# What it measures, all on 127.0.0.1 only:
#   - throughput and p99 with wrk (-t2 -c64, 2 s warm-up, then DURATION, REPS times; medians reported) of the
#     hello baseline (bench/hello_server.cpp) and of sikgu's /healthz and plant endpoints, each as a ratio to
#     the hello server measured in the same run. The rounds are interleaved, so both servers see the same
#     conditions; the ratio is given of the medians and as the median of the per-round ratios. Also the
#     server's CPU time per request (utime + stime from /proc/<pid>/stat over the run ÷ requests) and the
#     share of the machine's CPU that neither the server nor wrk used (other people's load) during the run;
#   - sikgu's idle RSS (VmRSS, 2 s after it answers /healthz, catalogue loaded);
#   - the time from exec to the first 200 from /healthz on a warm data dir (polled every 5 ms, 5 starts, median);
#   - login with the default Argon2id settings (login budgets raised so the throttle stays out of the way),
#     for one verified user (signup, code from the dev mailbox,
#     verify-email): one client (the cost of one login), then -c200 REPS times (req/s, the 200/503 mix, p50,
#     p99, peak RSS from VmRSS sampled every 100 ms, VmHWM at the end), then one run with more connections
#     than the password pool admits (workers + queue), where the excess must be answered 503.
#
# Knobs (environment): DURATION=10s REPS=3 WARMUP=2s CONNS=64 WRK_THREADS=2 LOGIN_CONNS=200
#   OVERLOAD_CONNS=400 (0 skips that run) READY_STARTS=5 BUILD_DIR=build BUILD_JOBS=1 NO_BUILD=1 (use the
#   binaries as they are) BENCH_KEEP=<dir> (keep the raw wrk output and server logs there)
# Progress goes to stderr, the table to stdout. Everything it starts is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
DURATION="${DURATION:-10s}"
REPS="${REPS:-3}"
WARMUP="${WARMUP:-2s}"
CONNS="${CONNS:-64}"
WRK_THREADS="${WRK_THREADS:-2}"
LOGIN_CONNS="${LOGIN_CONNS:-200}"
OVERLOAD_CONNS="${OVERLOAD_CONNS:-400}"
READY_STARTS="${READY_STARTS:-5}"
BUILD_JOBS="${BUILD_JOBS:-1}"
HOST=127.0.0.1

LOG_TAG=bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl is missing"
command -v jq >/dev/null || die "jq is missing"

bench_workdir sikgu-bench wrk

# ---------------------------------------------------------------- build
build_targets bench_hello_server sikgu
HELLO_BIN="$BUILD/bench/bench_hello_server"
SIKGU_BIN="$BUILD/src/sikgu"
[[ -x "$HELLO_BIN" && -x "$SIKGU_BIN" ]] || die "binaries missing under $BUILD"

cd "$ROOT"  # sikgu finds web/dist and docs/ from here
DATA="$WORK/data"
SIKGU_PORT="$(free_port)"
HELLO_PORT="$(free_port)"
while [[ "$HELLO_PORT" == "$SIKGU_PORT" ]]; do HELLO_PORT="$(free_port)"; done

SIKGU_PID=""
start_sikgu() {  # starts sikgu on $DATA and $SIKGU_PORT in the background (extra VAR=value args); sets SIKGU_PID
    env SIKGU_CORE__LOG__ACCESS_LOG=false SIKGU_CORE__LOG__LEVEL=warn "$@" \
        "$SIKGU_BIN" --data-dir "$DATA" serve --port "$SIKGU_PORT" >>"$WORK/sikgu.log" 2>&1 &
    SIKGU_PID=$!
    PIDS+=("$SIKGU_PID")
}

healthz_code() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$HOST:$SIKGU_PORT/healthz" 2>/dev/null || true
}

wait_healthy() {  # polls /healthz every 5 ms until 200; fails after 60 s
    local deadline=$((SECONDS + 60))
    until [[ "$(healthz_code)" == 200 ]]; do
        kill -0 "$SIKGU_PID" 2>/dev/null || { cat "$WORK/sikgu.log" >&2; die "sikgu exited during start"; }
        ((SECONDS < deadline)) || die "sikgu did not become healthy in 60 s"
        sleep 0.005
    done
}

now_ns() { date +%s%N; }

rss_kib() { awk -v k="${2:-VmRSS}:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }


to_ms() {  # wrk latency ("812.00us", "3.10ms", "1.20s", "2.00m") to milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.3f", n }'
}

# ---------------------------------------------------------------- start the servers
log "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$HELLO_BIN" --port "$HELLO_PORT" --bind "$HOST" >"$WORK/hello.log" 2>&1 &
HELLO_PID=$!
PIDS+=("$HELLO_PID")

COLD_T0="$(now_ns)"
start_sikgu
wait_healthy
COLD_READY_MS=$(( ($(now_ns) - COLD_T0) / 1000000 ))
log "sikgu up on $HOST:$SIKGU_PORT (first start on an empty data dir: ${COLD_READY_MS} ms), hello on $HOST:$HELLO_PORT"
for _ in $(seq 200); do [[ "$(curl -s --max-time 1 "http://$HOST:$HELLO_PORT/" || true)" == hello ]] && break; sleep 0.01; done
[[ "$(curl -s --max-time 1 "http://$HOST:$HELLO_PORT/")" == hello ]] || die "hello server does not answer"

sleep 2
IDLE_RSS_KIB="$(rss_kib "$SIKGU_PID")"
log "sikgu idle VmRSS: ${IDLE_RSS_KIB} KiB"

# Sanity: each target answers 200 before it is measured; the category filter's hit count is reported.
SEARCH_PATH='/api/v1/plants?q=%EB%AA%AC%EC%8A%A4'
CATEGORY_PATH='/api/v1/plants?category=leaf&limit=20'
DETAIL_PATH='/api/v1/plants/16449'
for path in /healthz "$SEARCH_PATH" "$CATEGORY_PATH" "$DETAIL_PATH"; do
    code="$(curl -s -o "$WORK/probe.json" -w '%{http_code}' "http://$HOST:$SIKGU_PORT$path")"
    [[ "$code" == 200 ]] || die "GET $path answered $code"
done
SEARCH_HITS="$(curl -s "http://$HOST:$SIKGU_PORT$SEARCH_PATH" | jq '.items | length')"
CATEGORY_HITS="$(curl -s "http://$HOST:$SIKGU_PORT$CATEGORY_PATH" | jq '.items | length')"
SPECIES=0 cursor=""
for _ in $(seq 50); do  # pages through the whole catalogue to count it
    curl -s -G "http://$HOST:$SIKGU_PORT/api/v1/plants" --data limit=100 ${cursor:+--data-urlencode "cursor=$cursor"} >"$WORK/page.json"
    SPECIES=$((SPECIES + $(jq '.items | length' "$WORK/page.json")))
    cursor="$(jq -r '.next_cursor // empty' "$WORK/page.json")"
    [[ -n "$cursor" ]] || break
done
BYTES_SEARCH="$(curl -s -o /dev/null -w '%{size_download}' "http://$HOST:$SIKGU_PORT$SEARCH_PATH")"
BYTES_CATEGORY="$(curl -s -o /dev/null -w '%{size_download}' "http://$HOST:$SIKGU_PORT$CATEGORY_PATH")"
BYTES_DETAIL="$(curl -s -o /dev/null -w '%{size_download}' "http://$HOST:$SIKGU_PORT$DETAIL_PATH")"
log "search 몬스: $SEARCH_HITS hit(s), $BYTES_SEARCH B; category=leaf: $CATEGORY_HITS hit(s), $BYTES_CATEGORY B; detail: $BYTES_DETAIL B"

# The marketplace feed's first page: one seller lists 60 plants, each with a photo, through the API.
FEED_PATH='/api/v1/market/listings?limit=20'
SELLER_API="http://$HOST:$SIKGU_PORT/api/v1"
curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d '{"username":"feed_seller","nickname":"피드식구","email":"feed_seller@example.com","password":"Gr33n-leaves!"}' \
    "$SELLER_API/auth/signup"
FEED_CODE="$(curl -s "$SELLER_API/dev/mailbox" |
    jq -r '[.items[] | select(.to == "feed_seller@example.com")][0].body' | grep -oE '\b[0-9]{6}\b' | head -n1)"
curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"feed_seller@example.com\",\"code\":\"$FEED_CODE\"}" "$SELLER_API/auth/verify-email"
FEED_TOKEN="$(curl -s -H 'Content-Type: application/json' \
    -d '{"username":"feed_seller","password":"Gr33n-leaves!","session":"token"}' "$SELLER_API/auth/login" | jq -r .access_token)"
[[ -n "$FEED_TOKEN" && "$FEED_TOKEN" != null ]] || die "the feed seller could not log in"
python3 - "$WORK/leaf.png" <<'PY'
import struct, sys, zlib
w, h = 64, 48
raw = b"".join(b"\0" + b"".join(bytes((x * 4 % 256, y * 5 % 256, 90)) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
      chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
FEED_PHOTO="$(curl -s -H "Authorization: Bearer $FEED_TOKEN" -F "files=@$WORK/leaf.png;type=image/png" \
    "$SELLER_API/photos" | jq -r '.items[0].id')"
[[ -n "$FEED_PHOTO" && "$FEED_PHOTO" != null ]] || die "the feed seller's photo upload failed"
FEED_TITLES=(몬스테라 스투키 금전수 여인초 아레카야자 필로덴드론 칼라데아 고무나무 행운목 산세베리아)
for i in $(seq 60); do
    title="${FEED_TITLES[$((i % 10))]} 분양 $i"
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FEED_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"title\":\"$title\",\"description\":\"잎이 건강하고 새순이 올라옵니다. 직거래 선호\",\"price\":$((i * 1000)),\"category\":\"plant\",\"trade_area\":\"마포구 망원동\",\"photo_ids\":[\"$FEED_PHOTO\"]}" \
        "$SELLER_API/market/listings")"
    [[ "$code" == 201 ]] || die "creating listing $i answered $code"
done
BYTES_FEED="$(curl -s -o /dev/null -w '%{size_download}' "http://$HOST:$SIKGU_PORT$FEED_PATH")"
log "market feed: 60 listings, first page of 20: $BYTES_FEED B"

# ---------------------------------------------------------------- throughput
NAMES=(hello healthz search category detail feed)
declare -A URL=(
    [hello]="http://$HOST:$HELLO_PORT/"
    [healthz]="http://$HOST:$SIKGU_PORT/healthz"
    [search]="http://$HOST:$SIKGU_PORT$SEARCH_PATH"
    [category]="http://$HOST:$SIKGU_PORT$CATEGORY_PATH"
    [detail]="http://$HOST:$SIKGU_PORT$DETAIL_PATH"
    [feed]="http://$HOST:$SIKGU_PORT$FEED_PATH"
)
declare -A LABEL=(
    [hello]='hello baseline `GET /`'
    [healthz]='sikgu `GET /healthz`'
    [search]='sikgu `GET /api/v1/plants?q=몬스`'
    [category]='sikgu `GET /api/v1/plants?category=leaf&limit=20`'
    [detail]='sikgu `GET /api/v1/plants/16449`'
    [feed]='sikgu `GET /api/v1/market/listings?limit=20`'
)
declare -A RPS P99 NON2XX ERRS CPU OTHERS PAIRED
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime of the whole process
wrk_field_requests() { awk '/ requests in / {print $1}' "$1"; }

wrk_field_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_field_p99() { to_ms "$(awk '$1 == "99%" {print $2}' "$1")"; }
wrk_field_non2xx() { awk '/Non-2xx or 3xx responses:/ {print $5}' "$1" | grep . || echo 0; }
wrk_field_errors() {  # socket errors: connect + read + write + timeout
    awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$1" | grep . || echo 0
}

for rep in $(seq "$REPS"); do
    for name in "${NAMES[@]}"; do
        wrk -t"$WRK_THREADS" -c"$CONNS" -d"$WARMUP" "${URL[$name]}" >/dev/null
        out="$WORK/wrk/$name.$rep.txt"
        pid="$SIKGU_PID"; [[ "$name" == hello ]] && pid="$HELLO_PID"
        ticks0="$(cpu_ticks "$pid")"
        read -r busy0 total0 < <(machine_ticks)
        TIMEFORMAT='%3U %3S'
        { time wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --latency "${URL[$name]}" >"$out"; } 2>"$WORK/wrk_time.txt"
        read -r busy1 total1 < <(machine_ticks)
        ticks1="$(cpu_ticks "$pid")"
        wrk_s="$(tail -n1 "$WORK/wrk_time.txt" | awk '{print $1 + $2}')"
        CPU[$name]+="$(awk -v t=$((ticks1 - ticks0)) -v hz="$CLK_TCK" -v n="$(wrk_field_requests "$out")" \
            'BEGIN {printf "%.2f", t * 1e6 / hz / n}') "
        # The share of the machine's CPU time used by neither this server nor wrk: the other users' load.
        other="$(awk -v b=$((busy1 - busy0)) -v t=$((total1 - total0)) -v s=$((ticks1 - ticks0)) -v w="$wrk_s" \
            -v hz="$CLK_TCK" 'BEGIN {o = (b - s) / hz - w; if (o < 0) o = 0; printf "%.0f", 100 * o * hz / t}')"
        OTHERS[$name]+="$other "
        RPS[$name]+="$(wrk_field_rps "$out") "
        P99[$name]+="$(wrk_field_p99 "$out") "
        NON2XX[$name]=$(( ${NON2XX[$name]:-0} + $(wrk_field_non2xx "$out") ))
        ERRS[$name]=$(( ${ERRS[$name]:-0} + $(wrk_field_errors "$out") ))
        [[ "$name" == hello ]] && HELLO_ROUND_RPS="$(wrk_field_rps "$out")"
        PAIRED[$name]+="$(awk -v a="$(wrk_field_rps "$out")" -v b="$HELLO_ROUND_RPS" 'BEGIN {printf "%.3f", a / b}') "
        log "round $rep/$REPS $name: $(wrk_field_rps "$out") req/s, p99 $(wrk_field_p99 "$out") ms, server CPU $(awk '{print $NF}' <<<"${CPU[$name]}") µs/req, others' CPU ${other}%"
    done
done
LOADED_RSS_KIB="$(rss_kib "$SIKGU_PID")"
LOADED_HWM_KIB="$(rss_kib "$SIKGU_PID" VmHWM)"
stop_pid "$SIKGU_PID"
stop_pid "$HELLO_PID"

# ---------------------------------------------------------------- ready time on a warm data dir
READY=()
for i in $(seq "$READY_STARTS"); do
    t0="$(now_ns)"
    start_sikgu
    wait_healthy
    READY+=($(( ($(now_ns) - t0) / 1000000 )))
    stop_pid "$SIKGU_PID"
done
READY_MEDIAN="$(median "${READY[@]}")"
log "ready on a warm data dir (ms): ${READY[*]} → median $READY_MEDIAN"

# ---------------------------------------------------------------- login
# The login runs measure the password pool, not the throttle: one user from one address would otherwise be
# held to the per-account and per-address login budgets (5 and 20 attempts at a time, by design).
start_sikgu SIKGU_ACCOUNT__LOGIN_FAILURES_PER_ACCOUNT=1000 SIKGU_ACCOUNT__LOGIN_FAILURES_PER_IP=100000
wait_healthy
sleep 2
LOGIN_IDLE_RSS_KIB="$(rss_kib "$SIKGU_PID")"
API="http://$HOST:$SIKGU_PORT/api/v1"
USERNAME="bench_user"
EMAIL="bench_user@example.com"
PASSWORD="Gr33n-leaves!"
code="$(curl -s -o "$WORK/signup.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$USERNAME\",\"nickname\":\"벤치식구\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
    "$API/auth/signup")"
[[ "$code" == 201 ]] || die "signup answered $code: $(cat "$WORK/signup.json")"
VERIFY_CODE="$(curl -s "$API/dev/mailbox" |
    jq -r --arg to "$EMAIL" '[.items[] | select(.to == $to)][0].body' | grep -oE '\b[0-9]{6}\b' | head -n1)"
[[ -n "$VERIFY_CODE" ]] || die "no verification code in the dev mailbox"
code="$(curl -s -o "$WORK/verify.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$EMAIL\",\"code\":\"$VERIFY_CODE\"}" "$API/auth/verify-email")"
[[ "$code" == 200 ]] || die "verify-email answered $code: $(cat "$WORK/verify.json")"
code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\",\"session\":\"token\"}" "$API/auth/login")"
[[ "$code" == 200 ]] || die "login answered $code"

cat >"$WORK/login.lua" <<EOF
-- POSTs the login JSON; counts statuses per thread and sums them in done().
wrk.method = "POST"
wrk.body = '{"username":"$USERNAME","password":"$PASSWORD","session":"token"}'
wrk.headers["Content-Type"] = "application/json"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
end
EOF

sample_rss() {  # VmRSS every 100 ms into $2 until the process or the sampler is stopped
    while kill -0 "$1" 2>/dev/null; do rss_kib "$1" >>"$2"; sleep 0.1; done
}

# wrk drops latencies above its --timeout from the histogram (counting them as timeouts), and a login waits
# for the whole hash queue, so these runs use a timeout far above any latency they can see.
login_run() {  # $1 connections, $2 duration, $3 output file
    local threads=$((WRK_THREADS < $1 ? WRK_THREADS : $1))
    wrk -t"$threads" -c"$1" -d"$2" --timeout 60s --latency -s "$WORK/login.lua" "$API/auth/login" >"$3"
}
hasher_in_flight() {
    curl -s --max-time 2 "http://$HOST:$SIKGU_PORT/metrics" | awk '$1 == "sikgu_password_hasher_in_flight" {print $2 + 0}'
}
# Requests whose client has gone stay in the hash queue until hashed; start each run on an empty queue so
# the previous run's leftovers are not counted against it (they would turn its first seconds into 503s).
wait_hasher_idle() {
    local deadline=$((SECONDS + 120)) n
    while n="$(hasher_in_flight)"; [[ "${n:-0}" != 0 ]]; do
        ((SECONDS < deadline)) || die "password hasher still has $n in flight after 120 s"
        sleep 0.1
    done
}
wrk_field_p50() { to_ms "$(awk '$1 == "50%" {print $2}' "$1")"; }
status_count() { awk -v s="$2" '$1 == "status" && $2 == s {n += $3} END {print n + 0}' "$1"; }
status_other() { awk '$1 == "status" && $2 != 200 && $2 != 503 {n += $3} END {print n + 0}' "$1"; }

sample_rss "$SIKGU_PID" "$WORK/login_rss.txt" &
SAMPLER_PID=$!
PIDS+=("$SAMPLER_PID")
# One client at a time first: the cost of one login with an empty queue.
wait_hasher_idle
login_run 1 "$DURATION" "$WORK/wrk/login_single.txt"
SINGLE_RPS="$(wrk_field_rps "$WORK/wrk/login_single.txt")"
SINGLE_P50="$(wrk_field_p50 "$WORK/wrk/login_single.txt")"
SINGLE_P99="$(wrk_field_p99 "$WORK/wrk/login_single.txt")"
log "login at -c1: $SINGLE_RPS req/s, p50 $SINGLE_P50 ms, p99 $SINGLE_P99 ms"
login_run "$LOGIN_CONNS" "$WARMUP" /dev/null
declare -a LOGIN_RPS=() LOGIN_P99=() LOGIN_P50=()
LOGIN_200=0 LOGIN_503=0 LOGIN_OTHER=0
for rep in $(seq "$REPS"); do
    out="$WORK/wrk/login.$rep.txt"
    wait_hasher_idle
    login_run "$LOGIN_CONNS" "$DURATION" "$out"
    LOGIN_RPS+=("$(wrk_field_rps "$out")")
    LOGIN_P99+=("$(wrk_field_p99 "$out")")
    LOGIN_P50+=("$(wrk_field_p50 "$out")")
    LOGIN_200=$((LOGIN_200 + $(status_count "$out" 200)))
    LOGIN_503=$((LOGIN_503 + $(status_count "$out" 503)))
    LOGIN_OTHER=$((LOGIN_OTHER + $(status_other "$out")))
    log "login round $rep/$REPS: $(wrk_field_rps "$out") req/s, p50 $(wrk_field_p50 "$out") ms, p99 $(wrk_field_p99 "$out") ms, statuses: $(awk '$1 == "status" {printf "%s×%s ", $2, $3}' "$out")"
done
LOGIN_HWM_KIB="$(rss_kib "$SIKGU_PID" VmHWM)"
LOGIN_PEAK_KIB="$(sort -g "$WORK/login_rss.txt" | tail -n1)"

OVER_RPS="" OVER_P99="" OVER_P50="" OVER_200=0 OVER_503=0 OVER_OTHER=0 OVER_PEAK_KIB="" OVER_HWM_KIB=""
if ((OVERLOAD_CONNS > 0)); then
    : >"$WORK/over_rss.txt"
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    forget_pid "$SAMPLER_PID"
    sample_rss "$SIKGU_PID" "$WORK/over_rss.txt" &
    SAMPLER_PID=$!
    PIDS+=("$SAMPLER_PID")
    out="$WORK/wrk/login_overload.txt"
    wait_hasher_idle
    login_run "$OVERLOAD_CONNS" "$DURATION" "$out"
    OVER_RPS="$(wrk_field_rps "$out")"
    OVER_P99="$(wrk_field_p99 "$out")"
    OVER_P50="$(wrk_field_p50 "$out")"
    OVER_200="$(status_count "$out" 200)"
    OVER_503="$(status_count "$out" 503)"
    OVER_OTHER="$(status_other "$out")"
    OVER_PEAK_KIB="$(sort -g "$WORK/over_rss.txt" | tail -n1)"
    OVER_HWM_KIB="$(rss_kib "$SIKGU_PID" VmHWM)"
    log "login at -c$OVERLOAD_CONNS: $OVER_RPS req/s, p99 $OVER_P99 ms, 200×$OVER_200 503×$OVER_503 other×$OVER_OTHER"
fi
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
forget_pid "$SAMPLER_PID"
stop_pid "$SIKGU_PID"
if grep -q '"level":"error"' "$WORK/sikgu.log"; then
    log "sikgu logged errors:"; grep '"level":"error"' "$WORK/sikgu.log" | head -n 5 >&2
fi

# ---------------------------------------------------------------- report
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
HELLO_RPS="$(median ${RPS[hello]})"
ratio() { awk -v a="$1" -v b="$HELLO_RPS" 'BEGIN {r = a / b; printf (r < 0.01 ? "%.4f×" : "%.2f×"), r}'; }
fmt_rps() { awk -v v="$1" 'BEGIN {printf "%.0f", v}'; }
fmt_ms() { awk -v v="$1" 'BEGIN {printf (v < 10 ? "%.2f" : "%.1f"), v}'; }

HELLO_CPU="$(median ${CPU[hello]})"
echo "| measurement | req/s (median of $REPS × $DURATION) | p99 ms (median) | ratio to hello (of medians) | ratio to hello (median of per-round ratios) | server CPU µs/req (median) | hello's CPU/req ÷ this | others' CPU during the runs | notes |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for name in "${NAMES[@]}"; do
    r="$(median ${RPS[$name]})"
    p="$(median ${P99[$name]})"
    note="runs: $(for v in ${RPS[$name]}; do printf '%s ' "$(fmt_rps "$v")"; done| sed 's/ $//')"
    case "$name" in
        search) note+="; $SEARCH_HITS hit(s), $BYTES_SEARCH B" ;;
        category) note+="; $CATEGORY_HITS hit(s), $BYTES_CATEGORY B" ;;
        detail) note+="; $BYTES_DETAIL B" ;;
        feed) note+="; 20 of 60 listings, $BYTES_FEED B" ;;
    esac
    [[ "${NON2XX[$name]}" == 0 ]] || note+="; **${NON2XX[$name]} non-2xx**"
    [[ "${ERRS[$name]}" == 0 ]] || note+="; **${ERRS[$name]} socket errors**"
    c="$(median ${CPU[$name]} | awk '{printf "%.1f", $1}')"
    paired="$(median ${PAIRED[$name]} | awk '{printf "%.2f×", $1}')"
    others="$(printf '%s\n' ${OTHERS[$name]} | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {print (lo == hi ? lo : lo "–" hi) " %"}')"
    echo "| ${LABEL[$name]} (-c$CONNS) | $(fmt_rps "$r") | $(fmt_ms "$p") | $(ratio "$r") | $paired | $c | $(awk -v a="$HELLO_CPU" -v b="$c" 'BEGIN {printf "%.2f×", a / b}') | $others | $note |"
done
LR="$(median "${LOGIN_RPS[@]}")"
LP="$(median "${LOGIN_P99[@]}")"
LP50="$(median "${LOGIN_P50[@]}")"
echo "| sikgu \`POST /api/v1/auth/login\` (-c1, 1 × $DURATION, one client) | $(fmt_rps "$SINGLE_RPS") | $(fmt_ms "$SINGLE_P99") | $(ratio "$SINGLE_RPS") | | | | | p50 $(fmt_ms "$SINGLE_P50") ms; $(status_count "$WORK/wrk/login_single.txt" 200)×200 |"
echo "| sikgu \`POST /api/v1/auth/login\` (-c$LOGIN_CONNS, Argon2id 19 MiB t=2, 2 workers) | $(fmt_rps "$LR") | $(fmt_ms "$LP") | $(ratio "$LR") | | | | | runs: $(for v in "${LOGIN_RPS[@]}"; do printf '%s ' "$(fmt_rps "$v")"; done | sed 's/ $//'); p50 $(fmt_ms "$LP50") ms; 200×$LOGIN_200, 503×$LOGIN_503, other×$LOGIN_OTHER; peak VmRSS $(mib "$LOGIN_PEAK_KIB") MiB, VmHWM $(mib "$LOGIN_HWM_KIB") MiB (idle before: $(mib "$LOGIN_IDLE_RSS_KIB") MiB) |"
if ((OVERLOAD_CONNS > 0)); then
    echo "| sikgu \`POST /api/v1/auth/login\` (-c$OVERLOAD_CONNS, 1 × $DURATION, beyond the pool's bound) | $(fmt_rps "$OVER_RPS") | $(fmt_ms "$OVER_P99") | $(ratio "$OVER_RPS") | | | | | p50 $(fmt_ms "$OVER_P50") ms; 200×$OVER_200, 503×$OVER_503, other×$OVER_OTHER; peak VmRSS $(mib "$OVER_PEAK_KIB") MiB, VmHWM $(mib "$OVER_HWM_KIB") MiB |"
fi
echo
echo "| measurement | value | notes |"
echo "| --- | ---: | --- |"
echo "| sikgu idle VmRSS (2 s after start, catalogue of $SPECIES species loaded) | $(mib "$IDLE_RSS_KIB") MiB | after the throughput runs: VmRSS $(mib "$LOADED_RSS_KIB") MiB, VmHWM $(mib "$LOADED_HWM_KIB") MiB |"
echo "| start → first 200 from /healthz, warm data dir (median of $READY_STARTS) | $READY_MEDIAN ms | runs: ${READY[*]} ms; first start on an empty data dir: $COLD_READY_MS ms |"
echo
echo "wrk -t$WRK_THREADS; $(nproc) cores; $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
