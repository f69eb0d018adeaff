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
