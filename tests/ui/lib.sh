# Shared by the window tests: sourced with the caller's BIN and ROOT as $1
# and $2. Runs in ROOT with the window headless (dummy video and audio,
# software renderer), gives a temporary folder ($tmp, kept when KEEP is
# set), and the ok/bad counters every test reports with.
ui_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Leaks in system libraries are not ours to fix (see lsan.supp).
export LSAN_OPTIONS="suppressions=$ui_dir/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
bin="$1"
cd "$2" || exit 1
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
tmp=$(mktemp -d)
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$tmp"' EXIT
# Art the window rasterises is cached here, never in the user's ~/.cache.
export XDG_CACHE_HOME="$tmp/cache"
fail=0
ok() { echo "ok: $1"; }
bad() {
    echo "FAIL: $1" >&2
    fail=$((fail + 1))
}
# run_script NAME SIZE DATA: plays the sandbox (seed 5, at 100%) at SIZE,
# with settings from DATA, through the UI script $tmp/NAME.txt; its output
# in $tmp/NAME.out. Fails, and says so, when the script does.
run_script() {
    "$bin" play levels/sandbox.yaml --seed 5 --size "$2" --scale 100 --data-dir "$3" \
        --ui-script "$tmp/$1.txt" >"$tmp/$1.out" 2>"$tmp/$1.err" && return 0
    bad "$1: the script failed: $(grep -v XDG_RUNTIME "$tmp/$1.err" | head -3)"
    return 1
}
# whole_picture NAME I: the script lines that draw the window whole and
# take its picture as $tmp/NAME_whole_I.png, to set beside the one drawn
# as changes came ($tmp/NAME_inc_I.png).
whole_picture() {
    echo "redraw"
    echo "screenshot $tmp/$1_whole_$2.png"
}
# check_moves NAME LABEL...: after each move (its LABEL, in order), the
# picture drawn as changes came must be the one drawn whole, and differ
# from the move before's: the map moved, and none of it was left behind.
check_moves() {
    local name=$1 differ="" same="" i=0 label
    shift
    for label in "$@"; do
        if [[ ! -s "$tmp/${name}_inc_$i.png" ]]; then
            differ+=" $label(missing)"
        elif ! cmp -s "$tmp/${name}_inc_$i.png" "$tmp/${name}_whole_$i.png"; then
            differ+=" $label"
        fi
        ((i > 0)) && cmp -s "$tmp/${name}_inc_$i.png" "$tmp/${name}_inc_$((i - 1)).png" &&
            same+=" $label"
        i=$((i + 1))
    done
    [[ -z "$differ" ]] && ok "$name: after each of $# moves the map shows as a whole redraw does" ||
        bad "$name: pictures drawn as the map moved differ from whole redraws after:$differ"
    [[ -z "$same" ]] || bad "$name: the map did not move at:$same"
}
