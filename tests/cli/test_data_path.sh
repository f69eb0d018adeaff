#!/usr/bin/env bash
# Where the program finds the game's data: --data-path (before or after the
# command, as `--data-path DIR` or `--data-path=DIR`), then HAPPYVALLEY_DATA,
# then beside the executable or, in the build tree, the source tree; a
# folder named that is not a data folder is refused with exit 2, and data
# found nowhere is exit 1 with where the game looked.
# Usage: test_data_path.sh BIN ROOT
set -uo pipefail
bin="$1"
root="$(cd "$2" && pwd -P)"
cd "$root" || exit 1
source tests/cli/lib.sh

# A data folder of its own, whose tutorial is renamed so it can be told apart.
data="$tmp/data"
mkdir -p "$data/levels/rules"
cp levels/rules/base.yaml "$data/levels/rules/"
sed 's/^title: .*/title: "The Tutorial From Elsewhere"/' levels/tutorial.yaml >"$data/levels/tutorial.yaml"

expect_exit 0 "--version in the build tree" -- "$bin" --version
contains "$tmp/out" "data: $root (the source tree of this build)" "the build tree reads its source tree"

expect_exit 0 "--data-path before the command" -- "$bin" --data-path "$data" --version
contains "$tmp/out" "data: $data (--data-path)" "--data-path is used"
printf 'status\n' >"$tmp/in"
"$bin" --data-path "$data" play --terminal <"$tmp/in" >"$tmp/out" 2>&1
contains "$tmp/out" "The Tutorial From Elsewhere" "play --terminal plays the tutorial of --data-path"
"$bin" play --terminal "--data-path=$data" <"$tmp/in" >"$tmp/out" 2>&1
contains "$tmp/out" "The Tutorial From Elsewhere" "--data-path=DIR after the command"
HAPPYVALLEY_DATA="$data" "$bin" play --terminal <"$tmp/in" >"$tmp/out" 2>&1
contains "$tmp/out" "The Tutorial From Elsewhere" "HAPPYVALLEY_DATA"
HAPPYVALLEY_DATA="$tmp" "$bin" --data-path "$data" --version >"$tmp/out" 2>&1
contains "$tmp/out" "data: $data (--data-path)" "--data-path comes before HAPPYVALLEY_DATA"
expect_exit 0 "reference from --data-path" -- "$bin" reference --data-path "$data"

expect_exit 2 "--data-path without its rules" -- "$bin" --data-path "$tmp" sim levels/tutorial.yaml
contains "$tmp/err" "happyvalley: --data-path '$tmp' is not the game's data folder: it has no levels/rules/base.yaml" "says why"
expect_exit 2 "--data-path missing" -- "$bin" sim levels/tutorial.yaml --data-path "$tmp/none"
contains "$tmp/err" "it does not exist" "says it does not exist"
expect_exit 2 "--data-path with no folder" -- "$bin" --data-path
expect_exit 2 "HAPPYVALLEY_DATA without the rules" -- env HAPPYVALLEY_DATA="$tmp" "$bin" reference
contains "$tmp/err" "HAPPYVALLEY_DATA '$tmp' is not the game's data folder" "names the variable"
# A file named after `--` is a file, not an option of the program's.
expect_exit 2 "--data-path after --" -- "$bin" validate -- --data-path "$data"
contains "$tmp/err" "--data-path" "the argument after -- reaches the command"

# A copy of the program away from any data: found nowhere is exit 1, with
# where it looked; the window says the same instead of drawing placeholders.
mkdir -p "$tmp/bin"
cp "$bin" "$tmp/bin/happyvalley"
expect_exit 1 "no data for the terminal game" -- env XDG_DATA_DIRS="$tmp/none" "$tmp/bin/happyvalley" play --terminal
contains "$tmp/err" "the game's data (levels/rules/base.yaml) was not found in $tmp/bin/../share/happyvalley" "says where it looked"
if "$bin" schema --kind settings >/dev/null 2>&1; then
    expect_exit 1 "no data for the window" -- env XDG_DATA_DIRS="$tmp/none" SDL_VIDEODRIVER=dummy \
        SDL_AUDIODRIVER=dummy "$tmp/bin/happyvalley" --screenshot "$tmp/x.png" --data-dir "$tmp/d"
    contains "$tmp/err" "--data-path DIR or HAPPYVALLEY_DATA" "the window says how to name it"
else
    echo "note: this build has no window: the window's own search is not tried"
fi
mkdir -p "$tmp/share"
ln -s "$data" "$tmp/share/happyvalley"
expect_exit 0 "--version of an installed tree" -- "$tmp/bin/happyvalley" --version
contains "$tmp/out" "data: $data (next to the executable)" "share/happyvalley beside bin/ is found"

echo "cli_data_path: $pass passed, $fail failed"
((fail == 0))
