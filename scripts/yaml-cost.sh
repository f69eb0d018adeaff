#!/usr/bin/env bash
# What loading each shipped level costs, step by step (scripts/yaml-cost.c):
# reading the file, libyaml's scanner alone (tokens), its parser alone
# (events, what the game's reader is built on), its document loader
# (yaml_parser_load), the game's tree (hv_ydoc_load_buffer) and the whole of
# `validate`. Prints CPU microseconds per load, the best of five means of
# 200; with --instr, the instructions per load callgrind counts instead,
# stable where times are not. Builds a Release build without invariant
# checks (build/bench, as scripts/bench.sh).
# Usage: scripts/yaml-cost.sh [--instr] [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
instr=0
if [[ "${1:-}" == "--instr" ]]; then
    instr=1
    shift
    command -v valgrind >/dev/null || { echo "yaml-cost: valgrind is needed" >&2; exit 2; }
fi
files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=(levels/*.yaml)
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" --target hv_data >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
read -r -a yaml_libs < <(pkg-config --libs yaml-0.1)
cc -std=c11 -O2 -Isrc/core -Isrc/data scripts/yaml-cost.c build/bench/libhv_data.a \
    build/bench/libhv_core.a "${yaml_libs[@]}" -lm -o "$tmp/yaml-cost"
if [[ $instr == 0 ]]; then
    "$tmp/yaml-cost" "${files[@]}"
    exit 0
fi
# --count runs each step 10 times after one validation that reads the rules.
printf '%-20s %7s %6s %7s %7s %8s %7s %8s\n' "file (instr/load)" bytes read tokens events \
    document tree validate
for f in "${files[@]}"; do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$tmp/yaml-cost" --count "$f" \
        >/dev/null 2>&1
    callgrind_annotate --inclusive=yes --threshold=100 "$tmp/out" >"$tmp/report"
    line=$(printf '%-20s %7d' "$(basename "$f")" "$(stat -c %s "$f")")
    for step in read tokens events document tree validate; do
        ir=$(sed -n "s/^ *\([0-9,]*\) .*:cost_$step .*/\1/p" "$tmp/report" | tr -d ,)
        line="$line $(printf '%7dK' $((${ir:-0} / 10 / 1000)))"
    done
    echo "$line"
done
