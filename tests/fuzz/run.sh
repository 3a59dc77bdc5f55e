#!/usr/bin/env bash
# Builds one libFuzzer target straight from its sources (fuzzed code depends on the standard library only)
# and runs it for a short time over a copy of its seed corpus, tests/fuzz/corpus/<name>/. Fails on any crash,
# sanitizer report, timeout or leak; the input that did it is kept as <build-dir>/<name>-crash-* etc.
#   usage: run.sh <build-dir> <name> <source>...
#   SIKGU_FUZZ_SECONDS (default 20): how long to fuzz.
# Without clang++-14 or its libFuzzer runtime (packages clang-14, libclang-rt-14-dev; scripts/setup.sh
# installs them) it prints "skipped" and exits 77, which CTest reports as skipped; under CI=true it fails.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ $# -lt 3 ]; then
  echo "usage: $0 <build-dir> <name> <source>..." >&2
  exit 2
fi
mkdir -p "$1"
build=$(cd "$1" && pwd)
name=$2
shift 2
seconds=${SIKGU_FUZZ_SECONDS:-20}
cxx=clang++-14
seeds="$root/tests/fuzz/corpus/$name"

unavailable() {
  if [ "${CI:-}" = true ]; then
    echo "fuzz.$name: $1; install clang-14 and libclang-rt-14-dev (scripts/setup.sh does)" >&2
    exit 1
  fi
  echo "fuzz.$name skipped: $1"
  exit 77
}

work=$(mktemp -d "$build/$name.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v "$cxx" >/dev/null || unavailable "$cxx not found"
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$work/probe.cpp"
"$cxx" -fsanitize=fuzzer "$work/probe.cpp" -o "$work/probe" 2>/dev/null ||
  unavailable "libFuzzer (libclang-rt-14-dev) not found"

binary="$build/$name"
"$cxx" -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
  -Wall -Wextra -Werror -I"$root/src" "$@" -o "$binary"

# The fuzzer adds what it finds to its corpus directory: give it a copy, never the committed seeds.
mkdir -p "$work/corpus"
if [ -d "$seeds" ]; then
  cp -R "$seeds/." "$work/corpus/"
fi

# libFuzzer's own default exit code for a crash is 77, which CTest would take for "skipped".
status=0
(cd "$work" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$binary" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -error_exitcode=1 -timeout_exitcode=1 -print_final_stats=1 \
  -artifact_prefix="$build/$name-" "$work/corpus") || status=$?
if [ "$status" -ne 0 ]; then
  echo "fuzz.$name failed (exit $status); the failing input is in $build/$name-*" >&2
  exit 1
fi
echo "fuzz.$name: no failures in ${seconds}s"
