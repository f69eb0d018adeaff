#!/usr/bin/env bash
# Every screen renders without error at 1280x720 and 1920x1080: the menus,
# the base view with each panel, build mode and each dialog. Each
# screenshot must be a real screen (not blank), and no asset may be
# missing. Usage: test_screens.sh BIN ROOT
set -uo pipefail
# Leaks in system libraries are not ours to fix (see lsan.supp).
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
bin="$1"
cd "$2"
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

for size in 1280x720 1920x1080; do
    w=${size%x*}
    h=${size#*x}
    out="$tmp/$size"
    mkdir -p "$out"
    # The menus, from a fresh start.
    cat >"$tmp/menus.txt" <<SCRIPT
screenshot $out/menu.png
click menu_new
screenshot $out/picker.png
key Escape
click menu_settings
screenshot $out/settings.png
key Escape
click menu_load
screenshot $out/load.png
SCRIPT
    # A game: every panel, build mode and the dialogs.
    cat >"$tmp/game.txt" <<SCRIPT
screenshot $out/base.png
click build_mode
move cell:3,3
screenshot $out/build.png
key Escape
click cell:12,5
screenshot $out/module.png
key Escape
key c
screenshot $out/crew.png
key f
screenshot $out/factions.png
key a
screenshot $out/asteroids.png
key p
screenshot $out/policies.png
key Space
key Space
key Space
key h
screenshot $out/charts.png
key r
screenshot $out/report.png
key F1
screenshot $out/help.png
key Escape
key Escape
key Escape
screenshot $out/game_menu.png
click menu_save
screenshot $out/save.png
click save_slot_2
SCRIPT
    # The conference asks its first question after week 3.
    cat >"$tmp/event.txt" <<SCRIPT
key Space
key Space
key Space
expect choice_1
screenshot $out/event.png
SCRIPT
    # The tutorial is lost by week 12 if nothing is done.
    {
        for _ in $(seq 14); do echo "key Space"; done
        echo "expect end_menu"
        echo "screenshot $out/end.png"
    } >"$tmp/end.txt"
    # A damaged save opens the error dialog, and the game goes on.
    mkdir -p "$tmp/data-$size/saves"
    echo "format: 1 kind: save [" >"$tmp/data-$size/saves/slot3.yaml"
    printf 'key Ctrl+L\nclick load_slot_3\nexpect error_ok\nscreenshot %s/error.png\nclick error_ok\n' \
        "$out" >"$tmp/error.txt"

    runs=("--ui-script $tmp/menus.txt"
        "play levels/asteroid_window.yaml --ui-script $tmp/game.txt"
        "play levels/conference.yaml --ui-script $tmp/event.txt"
        "play levels/tutorial.yaml --ui-script $tmp/end.txt"
        "--ui-script $tmp/error.txt")
    for args in "${runs[@]}"; do
        # shellcheck disable=SC2086
        "$bin" $args --size "$size" --scale 100 --data-dir "$tmp/data-$size" \
            >"$tmp/run.out" 2>"$tmp/run.err"
        rc=$?
        if [[ $rc != 0 ]] || grep -q 'placeholder\|error' "$tmp/run.err"; then
            echo "FAIL: $size: happyvalley $args exited $rc:" >&2
            head -5 "$tmp/run.err" >&2
            fail=$((fail + 1))
        fi
    done
    shots=("$out"/*.png)
    echo "$size: ${#shots[@]} screens"
    if ((${#shots[@]} < 18)); then
        echo "FAIL: $size: expected 18 screenshots, got ${#shots[@]}" >&2
        fail=$((fail + 1))
    fi
    python3 tests/ui/png_check.py "$w" "$h" "${shots[@]}" || fail=$((fail + 1))
done
# The main menu and every shipped level's base view, on demand.
"$bin" --screenshot "$tmp/menu.png" --size 1280x720 --data-dir "$tmp/d" 2>/dev/null || fail=$((fail + 1))
for level in levels/*.yaml; do
    "$bin" play "$level" --screenshot "$tmp/base-$(basename "$level" .yaml).png" --size 1280x720 \
        --data-dir "$tmp/d" 2>/dev/null || fail=$((fail + 1))
done
python3 tests/ui/png_check.py 1280 720 "$tmp/menu.png" "$tmp"/base-*.png || fail=$((fail + 1))

# Broken data is shown, not fatal: a missing and a damaged image draw
# placeholders with a warning, and a broken level is listed with its error.
root="$tmp/root"
mkdir -p "$root/levels/rules"
cp -r assets "$root/assets"
cp levels/tutorial.yaml "$root/levels/"
cp levels/rules/base.yaml "$root/levels/rules/"
sed 's/^difficulty: .*/difficulty: 9/' levels/tutorial.yaml >"$root/levels/broken.yaml"
rm "$root/assets/icons/water.svg"
echo "<svg this is not" >"$root/assets/modules/habitat.svg"
printf 'click menu_new\nexpect level_broken\nclick level_broken\nscreenshot %s/broken.png\n' "$tmp" \
    >"$tmp/broken.txt"
HV_DATA_ROOT="$root" "$bin" --ui-script "$tmp/broken.txt" --data-dir "$tmp/d" >"$tmp/b.out" 2>"$tmp/b.err"
rc=$?
[[ $rc == 0 ]] && echo "ok: the picker lists a broken level" || {
    echo "FAIL: picker with a broken level exited $rc: $(head -3 "$tmp/b.err")" >&2
    fail=$((fail + 1))
}
# Full stacks under ASan, so that the leak inside SDL_image is recognised.
ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    HV_DATA_ROOT="$root" "$bin" play "$root/levels/tutorial.yaml" --screenshot "$tmp/holes.png" \
    --data-dir "$tmp/d" >"$tmp/h.out" 2>"$tmp/h.err"
rc=$?
if [[ $rc == 0 ]] && grep -q "icons/water.svg: missing; drawing a placeholder" "$tmp/h.err" &&
    grep -q "modules/habitat.svg: .*placeholder" "$tmp/h.err"; then
    echo "ok: missing and damaged art draw placeholders with a warning"
else
    echo "FAIL: broken art: exit $rc, warnings: $(cat "$tmp/h.err")" >&2
    fail=$((fail + 1))
fi
python3 tests/ui/png_check.py 1280 720 "$tmp/broken.png" "$tmp/holes.png" || fail=$((fail + 1))
echo "ui_screens: $fail failed"
((fail == 0))
