#!/usr/bin/env bash
# Benchmarks for the README: simulated weeks per second on the largest
# level with one and two jobs, the time to load and validate each shipped
# level, and (with valgrind) the instructions of a simulated week, from
# scripts/bench-sim.sh. Builds a Release build without invariant checks.
# Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" >/dev/null
bin=build/bench/happyvalley
for jobs in 1 2; do
    echo "batch levels/sandbox.yaml, balanced bot, --jobs $jobs:"
    "$bin" batch levels/sandbox.yaml --runs 400 --turns 500 --bot balanced --jobs "$jobs" | tail -1
done
"$bin" validate --time levels/*.yaml
if command -v valgrind >/dev/null; then
    scripts/bench-sim.sh
else
    echo "instructions per simulated week: install valgrind to count them"
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
