#!/usr/bin/env bash
# Rewrites the golden hash files from the current build. Run it only when a
# change is meant to alter how games play out, and say so in the commit.
# Usage: scripts/update-golden.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release}/happyvalley"
for golden in tests/cli/golden/*.txt; do
    args=$(sed -n '1s/^# args: //p' "$golden")
    {
        echo "# args: $args"
        # shellcheck disable=SC2086
        "$bin" $args --hashes | grep '^week '
    } >"$golden.new"
    mv "$golden.new" "$golden"
    echo "updated $golden"
done
