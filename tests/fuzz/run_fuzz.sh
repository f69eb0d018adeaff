#!/usr/bin/env bash
# Runs the fuzz targets for CTest, never writing to the source tree.
#   run_fuzz.sh fuzz BIN SEEDS DICT SCRATCH SECONDS
#     fuzzes for SECONDS from the seed corpus SEEDS (read only): new inputs
#     and any crash file go to SCRATCH, emptied first.
#   run_fuzz.sh replay REGRESSIONS TARGET=BIN...
#     runs every file of REGRESSIONS/TARGET/ through BIN once; fails when a
#     target has no file, so regressions cannot vanish unnoticed.
set -euo pipefail
mode="${1:-}"
shift || true
case "$mode" in
fuzz)
    bin="$1" seeds="$2" dict="$3" scratch="$4" seconds="$5"
    [[ -n "$(ls -A "$seeds")" ]] || { echo "no seed inputs in $seeds" >&2; exit 1; }
    rm -rf "$scratch"
    mkdir -p "$scratch/corpus"
    # -timeout: no single input may take 20 s; -rss_limit_mb: nor 2 GB.
    exec "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -dict="$dict" \
        -artifact_prefix="$scratch/" -print_final_stats=1 "$scratch/corpus" "$seeds" </dev/null
    ;;
replay)
    dir="$1"
    shift
    for pair in "$@"; do
        target="${pair%%=*}" bin="${pair#*=}"
        inputs=("$dir/$target"/*)
        if [[ ! -e "${inputs[0]}" ]]; then
            echo "no regression input in $dir/$target" >&2
            exit 1
        fi
        "$bin" "${inputs[@]}" </dev/null
    done
    echo "replayed every regression input"
    ;;
*)
    echo "usage: $0 fuzz BIN SEEDS DICT SCRATCH SECONDS | replay DIR TARGET=BIN..." >&2
    exit 2
    ;;
esac
