#!/usr/bin/env bash
# Rewrites tests/cli/audit/known/LEVEL.txt from today's audit of every
# shipped level, at the run count tests/cli/test_audit.sh uses. Run it on
# purpose after a change to the rules, a level or the bots, and read the
# diff: the lists are what the audit still finds wrong.
#   scripts/update-known-findings.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:?usage: $0 BUILD_DIR}/happyvalley"
runs=$(sed -n 's/^level_runs="${5:-\([0-9]*\)}".*/\1/p' tests/cli/test_audit.sh)
for level in levels/*.yaml; do
    id=$(basename "$level" .yaml)
    out="tests/cli/audit/known/$id.txt"
    {
        echo "# Known findings of the audit ($runs runs, as tests/cli/test_audit.sh runs it)."
        echo "# A new finding fails the test; this list may only shrink."
        "$bin" audit "$level" --runs "$runs" --json | python3 -c 'import json,sys
d=json.load(sys.stdin)
for f in sorted((f["kind"], f["id"]) for f in d["findings"]): print(*f)'
    } >"$out.tmp" || true
    mv "$out.tmp" "$out"
    echo "$out: $(grep -vc '^#' "$out") findings"
done
