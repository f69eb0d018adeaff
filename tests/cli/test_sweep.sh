#!/usr/bin/env bash
# Sweeps split across machines: batch and audit over --seeds A..B, and
# `merge` adding the parts up into exactly what one run over all the seeds
# prints (every byte but the timing), in any order, and again from merged
# parts; parts that do not fit are refused at their FILE:LINE:COL, exit 2.
# Usage: test_sweep.sh BIN ROOT
set -uo pipefail
bin="$1"
root="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=lib.sh
source "$here/lib.sh"
level=levels/tutorial.yaml
# The timing of a run is how it went, not what it found: merged, it is the
# parts' seconds added up, so it is left out of the comparisons.
untimed() { sed -E 's/"seconds":[0-9.]+(,"turns_per_second":[0-9]+)?//' "$1"; }
same() { # A B WHAT
    if cmp -s <(untimed "$1") <(untimed "$2"); then ok; else
        bad "$3"
        diff <(untimed "$1" | tr ',' '\n') <(untimed "$2" | tr ',' '\n') | head -10 >&2
    fi
}
refused() { # WHAT TEXT -- COMMAND...: exit 2 and one FILE:LINE:COL error saying TEXT
    local what="$1" text="$2"
    shift 3
    expect_exit 2 "$what" -- "$@"
    contains "$tmp/err" "$text" "$what"
    if grep -qE '^[^:]+:[0-9]+:[0-9]+: error: ' "$tmp/err"; then ok; else bad "$what: not FILE:LINE:COL: error:"; fi
    [[ ! -s "$tmp/out" ]] && ok || bad "$what: something was printed from parts that do not fit"
}

# ---- batch: seeds 1..40 at once, and as four parts on other job counts
expect_exit 0 "batch --seeds 1..40" -- "$bin" batch "$level" --seeds 1..40 --jobs 2 --json --csv "$tmp/all.csv"
cp "$tmp/out" "$tmp/all.json"
jobs=1
for r in 1..10 11..20 21..30 31..40; do
    expect_exit 0 "batch --seeds $r" -- "$bin" batch "$level" --seeds "$r" --jobs "$jobs" --json --csv "$tmp/part$r.csv"
    cp "$tmp/out" "$tmp/part$r.json"
    jobs=2
done
expect_exit 0 "merge of the JSON parts" -- "$bin" merge "$tmp/part21..30.json" "$tmp/part1..10.json" \
    "$tmp/part31..40.json" "$tmp/part11..20.json"
same "$tmp/out" "$tmp/all.json" "batch --json: the merged parts differ from one run over seeds 1..40"
expect_exit 0 "merge of the CSV parts" -- "$bin" merge "$tmp/part31..40.csv" "$tmp/part"{1..10,11..20,21..30}.csv
cmp -s "$tmp/out" "$tmp/all.csv" && ok || bad "batch --csv: the merged parts differ from one run over seeds 1..40"
python3 - "$tmp/all.json" "$tmp"/part*.json <<'EOF' && ok || bad "the merged figures: sums, means from sums, seconds added up"
import json, sys
whole, parts = json.load(open(sys.argv[1])), [json.load(open(p)) for p in sys.argv[2:]]
assert whole["runs"] == 40 == sum(p["runs"] for p in parts) and whole["seeds"] == {"first": 1, "last": 40}
assert whole["wins"] == sum(p["wins"] for p in parts)
assert whole["jobs"] == 2 == max(p["jobs"] for p in parts)
w = whole["final_resources"]["water"]
assert sum(n for _, n in w["counts"]) == 40 and w["mean"] == w["total"] // 40
assert w["min"] == w["counts"][0][0] and w["max"] == w["counts"][-1][0]
EOF
# Merged once, merged again; and --runs N is --seeds 1..N to the byte.
"$bin" merge "$tmp/part1..10.json" "$tmp/part11..20.json" >"$tmp/left.json"
"$bin" merge "$tmp/part21..30.json" "$tmp/part31..40.json" >"$tmp/right.json"
expect_exit 0 "merge of merged parts" -- "$bin" merge "$tmp/right.json" "$tmp/left.json"
same "$tmp/out" "$tmp/all.json" "merged parts merged again differ"
python3 - "$tmp/out" "$tmp"/part*.json <<'EOF' && ok || bad "merged seconds: the parts' seconds added up"
import json, sys
merged, parts = json.load(open(sys.argv[1])), [json.load(open(p)) for p in sys.argv[2:]]
assert abs(merged["seconds"] - sum(p["seconds"] for p in parts)) < 0.001
EOF
expect_exit 0 "batch --runs 40" -- "$bin" batch "$level" --runs 40 --jobs 2 --json --csv "$tmp/runs.csv"
same "$tmp/out" "$tmp/all.json" "batch --runs 40 --json is not --seeds 1..40"
cmp -s "$tmp/runs.csv" "$tmp/all.csv" && ok || bad "batch --runs 40 --csv is not --seeds 1..40"
head -1 "$tmp/all.csv" >"$tmp/head"
contains "$tmp/head" "# happyvalley batch level=tutorial level_digest=" "the CSV says what it is of"
contains "$tmp/head" " bot=balanced max_turns=1000 orders_digest=none seeds=1..40" "the CSV's options and seeds"
expect_exit 0 "batch over seeds that do not start at 1" -- "$bin" batch "$level" --seeds 11..20
contains "$tmp/out" "10 runs (seeds 11..20) on" "the text names the seeds"
expect_exit 0 "--runs and --seeds that agree" -- "$bin" batch "$level" --seeds 11..20 --runs 10 --json
same "$tmp/out" "$tmp/part11..20.json" "--seeds 11..20 --runs 10 is not --seeds 11..20"

# ---- more games than batch holds at once (1024): played and summed a block
# at a time, yet the same as parts merged, on either side of the block's end
expect_exit 0 "batch over two blocks" -- "$bin" batch "$level" --runs 2500 --turns 2 --jobs 2 --json --csv "$tmp/big.csv"
cp "$tmp/out" "$tmp/big.json"
"$bin" batch "$level" --seeds 1..1030 --turns 2 --json --csv "$tmp/big1.csv" >"$tmp/big1.json"
"$bin" batch "$level" --seeds 1031..2500 --turns 2 --json --csv "$tmp/big2.csv" >"$tmp/big2.json"
expect_exit 0 "merge across the block" -- "$bin" merge "$tmp/big2.json" "$tmp/big1.json"
same "$tmp/out" "$tmp/big.json" "batch over two blocks differs from its parts merged"
expect_exit 0 "merge of the CSVs across the block" -- "$bin" merge "$tmp/big1.csv" "$tmp/big2.csv"
cmp -s "$tmp/out" "$tmp/big.csv" && ok || bad "batch --csv over two blocks differs from its parts merged"
[[ $(wc -l <"$tmp/big.csv") -eq 2502 ]] && ok || bad "batch --csv over two blocks: not a row a game"
# A CSV is written beside its file and put in its place whole: a batch that
# cannot finish leaves the old file as it was, and no temporary file.
cp "$tmp/all.csv" "$tmp/keep.csv"
expect_exit 2 "batch with a broken --orders" -- "$bin" batch "$level" --runs 3 --orders /nonexistent.yaml --csv "$tmp/keep.csv"
cmp -s "$tmp/keep.csv" "$tmp/all.csv" && ok || bad "a batch that failed changed the CSV already there"
expect_exit 1 "batch --csv into a folder that is not there" -- "$bin" batch "$level" --runs 3 --csv "$tmp/nowhere/x.csv"
contains "$tmp/err" "cannot write '$tmp/nowhere/x.csv'" "the CSV that cannot be written is named"
ls "$tmp"/*.tmp* >/dev/null 2>&1 && bad "a temporary CSV was left behind" || ok

# ---- the seeds given wrong
expect_exit 2 "--seeds backwards" -- "$bin" batch "$level" --seeds 7..3
contains "$tmp/err" "happyvalley: batch: --seeds needs FIRST..LAST" "--seeds backwards"
expect_exit 2 "--seeds not a range" -- "$bin" audit "$level" --seeds 7
expect_exit 2 "--seeds too many" -- "$bin" audit "$level" --seeds 1..10001
contains "$tmp/err" "at most 10000 seeds" "--seeds too many"
expect_exit 2 "--runs and --seeds disagree" -- "$bin" batch "$level" --runs 5 --seeds 1..10
contains "$tmp/err" "--runs 5 and --seeds 1..10 (10 seeds) disagree" "--runs and --seeds disagree"
expect_exit 2 "batch without seeds" -- "$bin" batch "$level" --json
contains "$tmp/err" "needs --runs N or --seeds FIRST..LAST" "batch without seeds"

# ---- parts that do not fit
p() { echo "$tmp/part$1.$2"; }
refused "a gap" "seeds 11..20 are missing" -- "$bin" merge "$(p 1..10 json)" "$(p 21..30 json)"
refused "an overlap" "overlap those of" -- "$bin" merge "$(p 1..10 json)" "$tmp/left.json"
refused "a gap in CSV parts" "seeds 11..20 are missing" -- "$bin" merge "$(p 1..10 csv)" "$(p 21..30 csv)"
"$bin" batch "$level" --seeds 11..20 --bot greedy --json --csv "$tmp/greedy.csv" >"$tmp/greedy.json"
refused "another bot" "bot: 'greedy' here, 'balanced' in" -- "$bin" merge "$(p 1..10 json)" "$tmp/greedy.json"
refused "another bot, CSV" "bot: 'greedy' here, 'balanced' in" -- "$bin" merge "$(p 1..10 csv)" "$tmp/greedy.csv"
"$bin" batch "$level" --seeds 11..20 --turns 8 --json --csv "$tmp/short.csv" >"$tmp/short.json"
refused "other --turns" "max_turns: '8' here, '1000' in" -- "$bin" merge "$(p 1..10 json)" "$tmp/short.json"
refused "other --turns, CSV" "max_turns: '8' here, '1000' in" -- "$bin" merge "$(p 1..10 csv)" "$tmp/short.csv"
"$bin" batch "$level" --seeds 11..20 --orders tests/data/orders/tutorial.yaml --json >"$tmp/orders.json"
refused "other --orders" "orders_digest: '" -- "$bin" merge "$(p 1..10 json)" "$tmp/orders.json"
"$bin" batch levels/merged_base.yaml --seeds 11..20 --json >"$tmp/other.json"
refused "another level" "level: 'merged_base' here, 'tutorial' in" -- "$bin" merge "$(p 1..10 json)" "$tmp/other.json"
refused "CSV and JSON together" "CSV and JSON parts together" -- "$bin" merge "$(p 1..10 csv)" "$(p 11..20 json)"
refused "a level for a part" "not a part of a sweep" -- "$bin" merge "$level"
sed '$d' "$(p 11..20 csv)" >"$tmp/cut.csv"
refused "a CSV part without its last row" "rows end at seed 19, not 20" -- "$bin" merge "$(p 1..10 csv)" "$tmp/cut.csv"
head -c 300 "$(p 11..20 json)" >"$tmp/cut.json"
expect_exit 2 "a JSON part cut short" -- "$bin" merge "$(p 1..10 json)" "$tmp/cut.json"
contains "$tmp/err" "$tmp/cut.json:" "a JSON part cut short: where"
sed 's/"wins":[0-9]*/"wins":999/' "$(p 11..20 json)" >"$tmp/forged.json"
refused "figures that do not add up" "runs: 10, but" -- "$bin" merge "$(p 1..10 json)" "$tmp/forged.json"
expect_exit 2 "merge without parts" -- "$bin" merge
contains "$tmp/err" "happyvalley: merge: needs the PART files" "merge without parts"
mkfifo "$tmp/fifo.json"
timeout -k 2 10 "$bin" merge "$tmp/fifo.json" >/dev/null 2>"$tmp/err" </dev/null
[[ $? == 2 ]] && ok || bad "a FIFO for a part: not refused at once"

# ---- audit: seeds 1..12 at once and in four parts
expect_exit 0 "audit --seeds 1..12" -- "$bin" audit "$level" --seeds 1..12 --jobs 2 --json
cp "$tmp/out" "$tmp/audit.json"
# Three seeds are few: a part may well have findings the whole has not.
for r in 1..3 4..6 7..9 10..12; do
    "$bin" audit "$level" --seeds "$r" --jobs 2 --json >"$tmp/audit$r.json"
    rc=$?
    [[ $rc == 0 || $rc == 3 ]] && ok || bad "audit --seeds $r: exit $rc"
done
expect_exit 0 "merge of audit parts" -- "$bin" merge "$tmp/audit"{7..9,1..3,10..12,4..6}.json
same "$tmp/out" "$tmp/audit.json" "audit --json: the merged parts differ from one audit over seeds 1..12"
# With findings, merge exits 3 as the audit does.
planted=tests/cli/audit/planted.yaml
expect_exit 3 "audit of the planted level" -- "$bin" audit "$planted" --seeds 1..4 --jobs 2 --json
cp "$tmp/out" "$tmp/planted.json"
"$bin" audit "$planted" --seeds 1..2 --jobs 2 --json >"$tmp/planted1.json"
"$bin" audit "$planted" --seeds 3..4 --jobs 2 --json >"$tmp/planted2.json"
expect_exit 3 "merge of audit parts with findings" -- "$bin" merge "$tmp/planted2.json" "$tmp/planted1.json"
same "$tmp/out" "$tmp/planted.json" "audit --json with findings: the merged parts differ"
# A part's own best bot may not be the best over all seeds: seed 15 of the
# tutorial alone is greedy's, and its cutoffs come from the spare ones.
expect_exit 0 "audit --seeds 13..18" -- "$bin" audit "$level" --seeds 13..18 --jobs 2 --json
cp "$tmp/out" "$tmp/t13.json"
for r in 13..14 15..15 16..18; do "$bin" audit "$level" --seeds "$r" --jobs 2 --json >"$tmp/t$r.json"; done
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["best_bot"] == "greedy"' "$tmp/t15..15.json" &&
    ok || bad "seed 15 of the tutorial: no longer greedy's, so this no longer tests another best bot in a part"
expect_exit 0 "merge of audit parts with other best bots" -- "$bin" merge "$tmp"/t{13..14,15..15,16..18}.json
same "$tmp/out" "$tmp/t13.json" "audit: merged parts whose best bots differ"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["best_bot"] == "planner" and [c["label"] for c in d["configs"] if c["id"] == "cutoff:30"][0].startswith("planner")' "$tmp/out" &&
    ok || bad "merged audit: the best bot over all seeds stops early in the cutoffs"
"$bin" audit "$level" --seeds 4..6 --levers greedy --json >"$tmp/levers.json"
refused "audit parts with other levers" "lever_bot: 'greedy' here" -- "$bin" merge "$tmp/audit1..3.json" "$tmp/levers.json"
refused "an audit part and a batch part" "a batch part, but" -- "$bin" merge "$tmp/audit1..3.json" "$(p 11..20 json)"
# The level changed since the parts were played: its digest tells.
mkdir -p "$tmp/lv/rules"
cp levels/rules/base.yaml "$tmp/lv/rules/"
cp "$level" "$tmp/lv/tutorial.yaml"
"$bin" audit "$tmp/lv/tutorial.yaml" --seeds 1..2 --json >"$tmp/lv1.json"
"$bin" audit "$tmp/lv/tutorial.yaml" --seeds 3..4 --json >"$tmp/lv2.json"
echo "# changed" >>"$tmp/lv/tutorial.yaml"
refused "an audit of a level changed since" "is not the level the parts played" -- "$bin" merge "$tmp/lv1.json" "$tmp/lv2.json"
rm "$tmp/lv/tutorial.yaml"
refused "an audit whose level is not here" "cannot be loaded from here" -- "$bin" merge "$tmp/lv1.json" "$tmp/lv2.json"

echo "cli_sweep: $pass passed, $fail failed"
((fail == 0))
