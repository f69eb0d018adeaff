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
