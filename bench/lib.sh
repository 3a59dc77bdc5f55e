# Shared by bench/run.sh and bench/chat.sh (sourced, not run). The caller sets ROOT, BUILD, BUILD_JOBS and
# LOG_TAG first, then calls bench_workdir once; everything started goes into PIDS and is stopped on exit.

log() { printf '[%s] %s\n' "$LOG_TAG" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Only defaults: no SIKGU_* setting from the caller's environment leaks into the measured server.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^SIKGU_' || true)

PIDS=()
# A scratch folder ($WORK, with the sub-folders named) removed on exit; with BENCH_KEEP=<dir> the sub-folders
# and logs are copied there first.
bench_workdir() {
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
    shift
    KEEP_DIRS=("$@")
    local d
    for d in "${KEEP_DIRS[@]}"; do mkdir -p "$WORK/$d"; done
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}
bench_cleanup() {
    local status=$? pid d
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n "${BENCH_KEEP:-}" ]]; then
        mkdir -p "$BENCH_KEEP"
        for d in "${KEEP_DIRS[@]}"; do cp -r "$WORK/$d" "$BENCH_KEEP"/ 2>/dev/null || true; done
        cp "$WORK"/*.log "$BENCH_KEEP"/ 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$status"
}

forget_pid() {  # drops a pid that has been stopped and reaped from the cleanup list
    local keep=() p
    for p in "${PIDS[@]}"; do [[ "$p" != "$1" ]] && keep+=("$p"); done
    PIDS=("${keep[@]+"${keep[@]}"}")
}

stop_pid() {  # SIGTERM, wait for the graceful drain (at most 30 s), reap
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    forget_pid "$pid"
}

free_port() {  # a loopback port nothing listens on or talks from
    local port used
    used="$(ss -Htan 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u)"
    for _ in $(seq 200); do
        port=$((20000 + RANDOM % 12000))  # below the ephemeral range (ip_local_port_range starts at 32768)
        grep -qx "$port" <<<"$used" || { echo "$port"; return; }
    done
    die "no free port found"
}

other_ninja_on_build() {  # another ninja working in $BUILD (two at once corrupt each other's outputs)
    local pid args cwd
    for pid in $(pgrep -x ninja || true); do
        cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
        args="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
        if [[ "$cwd" == "$BUILD" || "$args" == *"-C $BUILD"* || ( "$cwd" == "$ROOT" && "$args" == *"-C build"* ) ]]; then
            return 0
        fi
    done
    return 1
}

build_targets() {  # builds the named targets unless NO_BUILD is set, after any other ninja in $BUILD is done
    [[ -n "${NO_BUILD:-}" ]] && return 0
    for _ in $(seq 360); do
        other_ninja_on_build || break
        log "another ninja is building in $BUILD; waiting for it"
        sleep 10
    done
    other_ninja_on_build && die "another ninja kept building in $BUILD for an hour"
    log "building $* (ninja -j$BUILD_JOBS)"
    ninja -C "$BUILD" -j"$BUILD_JOBS" "$@" >&2
}

# CPU ticks of the whole machine: busy, total.
machine_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }

median() {  # median of the arguments (numbers)
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
