#!/usr/bin/env bash
# Instructions per simulated week, counted by callgrind (stable where wall
# time is not): a batch of LEVEL with the balanced bot, less the same batch
# cut to one week, over the weeks between them, so loading and start-up
# drop out. Builds a Release build without invariant checks.
# Usage: scripts/bench-sim.sh [LEVEL] [RUNS] [TURNS]
set -euo pipefail
cd "$(dirname "$0")/.."
level=${1:-levels/sandbox.yaml}
runs=${2:-4}
turns=${3:-500}
command -v valgrind >/dev/null || { echo "bench-sim: valgrind is needed" >&2; exit 2; }
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" >/dev/null
bin=build/bench/happyvalley
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints "INSTRUCTIONS WEEKS" for a batch of at most $1 weeks a game.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$bin" batch "$level" \
        --runs "$runs" --turns "$1" --bot balanced --jobs 1 >"$tmp/batch" 2>"$tmp/vg"
    local ir weeks
    ir=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/vg")
    weeks=$(sed -n 's/^ *\([0-9]*\) weeks in .*/\1/p' "$tmp/batch")
    echo "$ir $weeks"
}
read -r ir1 weeks1 < <(count 1)
read -r irn weeksn < <(count "$turns")
weeks=$((weeksn - weeks1))
echo "batch $level --runs $runs --turns $turns --bot balanced --jobs 1:"
echo "  $weeksn weeks, $irn instructions ($ir1 for one week a game)"
echo "  instructions per simulated week: $(((irn - ir1) / weeks))"
