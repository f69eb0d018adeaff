#!/usr/bin/env bash
# Instructions per simulated week, counted by callgrind (stable where wall
# time is not): a batch of LEVEL with the balanced bot, less the same batch
# cut to one week, over the weeks between them, so loading and start-up
# drop out. With --levels, the same for every shipped level beside its size
# at the start (people and modules), to show the cost grows with the base.
# Builds a Release build without invariant checks. BOT (default balanced)
# picks the bot that plays.
# Usage: scripts/bench-sim.sh [LEVEL [RUNS [TURNS]]] | scripts/bench-sim.sh --levels
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench-sim: valgrind is needed" >&2; exit 2; }
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" >/dev/null
bin=build/bench/happyvalley
bot=${BOT:-balanced}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints "INSTRUCTIONS WEEKS" for a batch of LEVEL, RUNS games of at most
# TURNS weeks.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$bin" batch "$1" \
        --runs "$2" --turns "$3" --bot "$bot" --jobs 1 >"$tmp/batch" 2>"$tmp/vg"
    local ir weeks
    ir=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/vg")
    weeks=$(sed -n 's/^ *\([0-9]*\) weeks in .*/\1/p' "$tmp/batch")
    echo "$ir $weeks"
}

# Prints "INSTRUCTIONS_PER_WEEK WEEKS INSTRUCTIONS" for LEVEL, RUNS, TURNS.
per_week() {
    local ir1 weeks1 irn weeksn
    read -r ir1 weeks1 < <(count "$1" "$2" 1)
    read -r irn weeksn < <(count "$1" "$2" "$3")
    echo "$(((irn - ir1) / (weeksn - weeks1))) $weeksn $irn"
}

if [[ "${1:-}" == "--levels" ]]; then
    printf '%-18s %8s %8s %14s %12s\n' level people modules "instr/week" "per head"
    for level in levels/*.yaml; do
        size=$("$bin" sim "$level" --turns 1 | sed -n 's/.*people: \([0-9]*\) alive.*modules: \([0-9]*\).*/\1 \2/p')
        read -r people modules <<<"$size"
        read -r ir _ _ < <(per_week "$level" 4 300)
        printf '%-18s %8d %8d %14d %12d\n' "$(basename "$level" .yaml)" "$people" "$modules" \
            "$ir" "$((ir / (people + modules)))"
    done
    exit 0
fi
level=${1:-levels/sandbox.yaml}
runs=${2:-4}
turns=${3:-500}
read -r ir weeks total < <(per_week "$level" "$runs" "$turns")
echo "batch $level --runs $runs --turns $turns --bot $bot --jobs 1:"
echo "  $weeks weeks, $total instructions"
echo "  instructions per simulated week: $ir"
