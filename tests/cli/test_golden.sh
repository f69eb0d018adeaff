#!/usr/bin/env bash
# Golden replays: each tests/cli/golden/*.txt names a sim run on its first
# line ("# args: ...") and lists the state hash after every week. The run
# must reproduce every hash. Regenerate only on purpose, when a rule change
# is meant to change games: scripts/update-golden.sh.
# Usage: test_golden.sh BIN ROOT
set -uo pipefail
bin="$1"
cd "$2"
fail=0
count=0
for golden in tests/cli/golden/*.txt; do
    args=$(sed -n '1s/^# args: //p' "$golden")
    # shellcheck disable=SC2086
    actual=$("$bin" $args --hashes | grep '^week ')
    expected=$(grep '^week ' "$golden")
    count=$((count + 1))
    if [[ "$actual" == "$expected" && -n "$expected" ]]; then
        echo "ok: $golden ($(wc -l <<<"$expected") weeks)"
    else
        fail=$((fail + 1))
        echo "FAIL: $golden differs:" >&2
        diff <(echo "$expected") <(echo "$actual") | head -10 >&2
    fi
done
# Every shipped level has a bot replay over the full feature set.
for level in levels/*.yaml; do
    name=$(basename "$level" .yaml)
    replay="tests/cli/golden/${name}_balanced_seed1.txt"
    if [[ ! -f "$replay" ]]; then
        fail=$((fail + 1))
        echo "FAIL: no golden bot replay for $level ($replay)" >&2
    elif [[ $(grep -c '^week ' "$replay") -ne 100 ]]; then
        fail=$((fail + 1))
        echo "FAIL: $replay should hold 100 weeks (sim ... --turns 100 --play-on)" >&2
    fi
done
((count >= 2)) || { echo "FAIL: fewer than 2 golden files" >&2; fail=$((fail + 1)); }
echo "cli_golden: $((count - fail)) passed, $fail failed"
((fail == 0))
