#!/usr/bin/env bash
# The headless build (-DHV_UI=OFF): the executable holds every headless
# command and no SDL (not linked, not compiled against, not looked for),
# the terminal game plays, and the window's commands say that this build
# has none. Usage: test_headless.sh BIN ROOT BUILD_DIR
set -uo pipefail
bin="$1"
root="$2"
build="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=lib.sh
source "$here/lib.sh"
level=levels/tutorial.yaml

# No SDL in the executable, its libraries, or any compile or link line.
if ldd "$bin" | grep -i sdl; then bad "the headless executable loads SDL"; else ok; fi
if nm "$bin" | grep -E ' [TUtuw] (SDL_|IMG_|TTF_|hv_ui_run)'; then bad "the headless executable holds SDL or the window"; else ok; fi
lines=$(find "$build" \( -name compile_commands.json -o -name link.txt -o -name flags.make -o -name build.ninja \) \
    -not -path '*/_deps/*' -print)
if [[ -n "$lines" ]]; then ok; else bad "no compile or link lines found in $build"; fi
# shellcheck disable=SC2086
if grep -il 'sdl' $lines; then bad "a compile or link line of the headless build names SDL"; else ok; fi
if grep -q '^SDL_FOUND' "$build/CMakeCache.txt"; then bad "the headless build looked for SDL"; else ok; fi

# Every headless command is there.
expect_exit 0 "--help" -- "$bin" --help
for c in play validate sim batch audit merge replay reference schema; do
    expect_exit 0 "$c --help" -- "$bin" "$c" --help
done
expect_exit 0 "validate" -- "$bin" validate "$level"
expect_exit 0 "sim" -- "$bin" sim "$level" --turns 3 --json
expect_exit 0 "batch" -- "$bin" batch "$level" --runs 3 --jobs 2 --json
expect_exit 0 "reference" -- "$bin" reference
expect_exit 0 "schema" -- "$bin" schema
python3 -m json.tool "$tmp/out" >/dev/null && ok || bad "schema: not JSON"
# The window's files are the window's: without it, the schema leaves them out.
expect_exit 2 "schema --kind settings" -- "$bin" schema --kind settings
contains "$tmp/err" "--kind needs one of level, rules, orders, save, campaign, campaign_progress, mod; got 'settings'" "schema --kind settings"
printf 'status\nend\nhash\nquit\n' >"$tmp/commands"
"$bin" play "$level" --seed 6 --terminal <"$tmp/commands" >"$tmp/play.out" 2>"$tmp/play.err"
[[ $? == 0 ]] && grep -q "state hash [0-9a-f]* after week 1" "$tmp/play.out" && ok ||
    bad "play --terminal: $(head -3 "$tmp/play.err")"

# The window's commands: a clear sentence, exit 2 (and never a window left
# waiting, should this run against a build that has one).
for args in "" "play $level" "--screenshot $tmp/menu.png" "play $level --seed 3 --size 1280x720"; do
    # shellcheck disable=SC2086
    expect_exit 2 "window: '$args'" -- timeout -k 2 20 "$bin" $args
    contains "$tmp/err" "this build has no window" "window: '$args'"
    contains "$tmp/err" "--terminal" "window: '$args' points at the terminal game"
    [[ $(wc -l <"$tmp/err") == 1 ]] && ok || bad "window: '$args': more than one line"
done
[[ ! -e "$tmp/menu.png" ]] && ok || bad "a screenshot was written without a window"

echo "cli_headless: $pass passed, $fail failed"
((fail == 0))
