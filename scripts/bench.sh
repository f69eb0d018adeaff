#!/usr/bin/env bash
# Every benchmark for the README, from Release builds without invariant
# checks: instructions per simulated week (callgrind, stable on a busy
# machine) for the balanced and the planner bot, simulated weeks per second
# on one and two jobs, the time of a whole audit, the time to load and
# validate each shipped level and of each step of it (scripts/yaml-cost.sh),
# the memory of the headless commands, and,
# where Xvfb or a display can be had, the window's (scripts/bench-ui.sh).
# Usage: scripts/bench.sh [--quick]   (--quick: no audits, no window, no
# batch of a million runs)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" >/dev/null
cmake -S . -B build/bench-headless -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF -DHV_UI=OFF >/dev/null
cmake --build build/bench-headless -j "$(nproc)" >/dev/null
bin=build/bench/happyvalley
headless=build/bench-headless/happyvalley
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the CPU seconds (user + system) and peak resident KB of a command.
measure() {
    /usr/bin/time -f "%U %S %M" -o "$tmp/time" "$@" >"$tmp/out" 2>/dev/null
    awk '{printf "%.2f s of CPU, %d KB resident at most\n", $1 + $2, $3}' "$tmp/time"
}
# Weeks per second from a batch's last line.
rate() { sed -n 's/.* \([0-9]*\) weeks per second.*/\1/p' "$tmp/out"; }

echo "== instructions per simulated week (callgrind)"
if command -v valgrind >/dev/null; then
    scripts/bench-sim.sh
    echo "the planner bot (its look-ahead: at most 192 simulated weeks a week):"
    BOT=planner scripts/bench-sim.sh levels/sandbox.yaml 1 60 | tail -1
else
    echo "install valgrind to count them"
fi

echo "== simulated weeks per second, largest level, balanced bot"
for jobs in 1 2; do
    "$bin" batch levels/sandbox.yaml --runs 2000 --turns 500 --bot balanced --jobs "$jobs" >"$tmp/out"
    eval "rate$jobs=$(rate)"
    echo "--jobs $jobs: $(rate) weeks per second"
done
# shellcheck disable=SC2154
awk -v a="$rate1" -v b="$rate2" 'BEGIN { printf "two jobs: %.2fx one\n", b / a }'

echo "== load and validate each level (mean of 200)"
"$bin" validate --time levels/*.yaml
echo "== the steps of loading each level: libyaml alone, the game's tree, the whole"
scripts/yaml-cost.sh

echo "== memory of the headless build"
echo -n "sim levels/sandbox.yaml --turns 300: "
measure "$headless" sim levels/sandbox.yaml --turns 300
# A million runs (a minute of CPU) shows the memory levelling off.
counts=(1000 10000 100000)
((quick == 0)) && counts+=(1000000)
for runs in "${counts[@]}"; do
    echo -n "batch levels/sandbox.yaml --runs $runs --turns 20: "
    measure "$headless" batch levels/sandbox.yaml --runs "$runs" --turns 20 --jobs 2
done

if ((quick == 0)); then
    echo "== a whole audit, 200 runs, $(nproc) jobs"
    for level in levels/*.yaml; do
        echo -n "$(basename "$level" .yaml): "
        start=$(date +%s.%N)
        "$bin" audit "$level" --runs 200 >/dev/null || true # exit 3: findings
        awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s\n", b - a }'
    done
    if command -v xvfb-run >/dev/null; then
        echo "== the window"
        scripts/bench-ui.sh
    fi
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
