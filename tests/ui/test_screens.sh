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
    # The tutorial is lost by week 12 if nothing is done; a question that
    # waits gets its first choice (as sim answers it).
    {
        for week in $(seq 14); do
            echo "key Space"
            echo "click-if choice_1"
            echo "click-if alerts_close"
        done
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

# Broken data is shown, not fatal: a missing and a damaged image draw a
# mark (an initial on a colour, never a magenta square) with a warning, and
# a broken level is listed with its error.
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
HAPPYVALLEY_DATA="$root" "$bin" --size 1280x720 --ui-script "$tmp/broken.txt" --data-dir "$tmp/d" >"$tmp/b.out" 2>"$tmp/b.err"
rc=$?
[[ $rc == 0 ]] && echo "ok: the picker lists a broken level" || {
    echo "FAIL: picker with a broken level exited $rc: $(head -3 "$tmp/b.err")" >&2
    fail=$((fail + 1))
}
# Full stacks under ASan, so that the leak inside SDL_image is recognised.
ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    HAPPYVALLEY_DATA="$root" "$bin" play --size 1280x720 "$root/levels/tutorial.yaml" --screenshot "$tmp/holes.png" \
    --data-dir "$tmp/d" >"$tmp/h.out" 2>"$tmp/h.err"
rc=$?
if [[ $rc == 0 ]] && grep -q "icons/water.svg: missing; drawing its initial instead" "$tmp/h.err" &&
    grep -q "modules/habitat.svg: .*drawing its initial instead" "$tmp/h.err"; then
    echo "ok: missing and damaged art draw marks with a warning"
else
    echo "FAIL: broken art: exit $rc, warnings: $(cat "$tmp/h.err")" >&2
    fail=$((fail + 1))
fi
python3 tests/ui/png_check.py 1280 720 "$tmp/broken.png" "$tmp/holes.png" || fail=$((fail + 1))
magenta=$(python3 -c "
import sys
sys.path.insert(0, 'tests/ui')
from png_check import read_png
w, h, ch, rows = read_png('$tmp/holes.png')
print(sum(1 for r in rows for x in range(w) if tuple(r[x * ch:x * ch + 3]) == (0xd0, 0x2a, 0xd0)))
")
if [[ "$magenta" == 0 ]]; then echo "ok: no magenta squares for missing art"; else
    echo "FAIL: $magenta magenta pixels where art is missing" >&2
    fail=$((fail + 1))
fi

# The audit file beside a level (docs/audit-file.md): the picker shows how
# bots did, says when the figure was made for an earlier version, shows
# nothing for a level without one, and never lists the file as a level.
aroot="$tmp/audit"
mkdir -p "$aroot/levels/rules"
ln -s "$PWD/assets" "$aroot/assets"
cp levels/conference.yaml levels/tutorial.yaml levels/merged_base.yaml "$aroot/levels/"
cp levels/rules/base.yaml "$aroot/levels/rules/"
digest=$(python3 -c '
import sys
h = 0xcbf29ce484222325
for name in sys.argv[1:]:
    for b in open(name, "rb").read():
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
print("%016x" % h)' "$aroot/levels/conference.yaml" "$aroot/levels/rules/base.yaml")
audit() { # LEVEL DIGEST RATE LOW HIGH
    printf '{"format":1,"kind":"audit","level":"%s","level_digest":"%s","runs":200,"best_bot":"planner",
 "best_win_rate":%s,"best_win_low":%s,"best_win_high":%s,"bots":[{"bot":"idle","win_rate":0}],
 "findings":[{"kind":"DOMINANT","id":"one_click:openness=open","text":"...","figure":0.96}]}\n' \
        "$@" >"$aroot/levels/$1.audit.json"
}
# A current audit sets the label: 90% for the best bot is gentle (1), so the
# conference (its author says 4) is listed right after the tutorial (1).
audit conference "$digest" 0.9000 0.8700 0.9250
audit tutorial 0123456789abcdef 0.7150 0.6480 0.7740
cat >"$tmp/audit.txt" <<SCRIPT
click menu_new
expect level_2
expect level_merged_base
expect level_conference_measured
expect level_tutorial_measured
click level_conference
expect picker_measured
move picker_measured
screenshot $tmp/measured.png
click level_tutorial
expect picker_measured_stale
move level_tutorial_measured
screenshot $tmp/stale.png
click level_1
expect picker_measured
move level_1
screenshot $tmp/derived.png
SCRIPT
picker() { # SCRIPT LINES...: runs them in the picker of the audit folder
    printf '%s\n' "click menu_new" "${@}" >"$tmp/a.txt"
    HAPPYVALLEY_DATA="$aroot" "$bin" --ui-script "$tmp/a.txt" --size 1280x720 --scale 100 \
        --data-dir "$tmp/d" >"$tmp/a.out" 2>"$tmp/a.err"
}
HAPPYVALLEY_DATA="$aroot" "$bin" --ui-script "$tmp/audit.txt" --size 1280x720 --scale 100 \
    --data-dir "$tmp/d" >"$tmp/a.out" 2>"$tmp/a.err"
rc=$?
if [[ $rc == 0 ]] && ! grep -q 'error' "$tmp/a.err"; then
    echo "ok: the picker shows how bots did, and a stale figure as stale"
else
    echo "FAIL: picker with audit files exited $rc: $(head -3 "$tmp/a.err")" >&2
    fail=$((fail + 1))
fi
# Each of these widgets must be missing: a stale figure is not a fresh one,
# a level without an audit file shows none, and three levels are level_0..2.
for args in "click level_tutorial|expect picker_measured" \
    "click level_merged_base|expect picker_measured" \
    "click level_merged_base|expect picker_measured_stale" \
    "expect level_merged_base_measured" "expect level_3" "expect level_conference_audit_json"; do
    IFS='|' read -ra lines <<<"$args"
    picker "${lines[@]}"
    rc=$?
    if [[ $rc == 1 ]] && grep -q "expected widget '[a-z_0-9]*' is not on this screen" "$tmp/a.err"; then
        echo "ok: no widget for: $args"
    else
        echo "FAIL: expected the last widget missing after: $args (exit $rc)" >&2
        fail=$((fail + 1))
    fi
done
python3 tests/ui/png_check.py 1280 720 "$tmp/measured.png" "$tmp/stale.png" "$tmp/derived.png" || fail=$((fail + 1))

# A level may set its world's ground (level-format.md, `world`): the merged
# base moved to the Moon is drawn on grey regolith, the shipped one on red
# Mars. The open ground in the middle of the map tells them apart.
mroot="$tmp/moon"
mkdir -p "$mroot/rules"
cp levels/rules/base.yaml "$mroot/rules/"
sed 's/^overrides:$/overrides:\n  world: {place: Jamestown, body: Moon, ground: moon}/' \
    levels/merged_base.yaml >"$mroot/moon.yaml"
printf 'wait 100\nscreenshot %s\n' "$tmp/moon.png" >"$tmp/moon.txt"
printf 'wait 100\nscreenshot %s\n' "$tmp/mars.png" >"$tmp/mars.txt"
"$bin" play "$mroot/moon.yaml" --ui-script "$tmp/moon.txt" --size 1280x720 --scale 100 \
    --data-dir "$tmp/dm" >/dev/null 2>"$tmp/moon.err" &&
    "$bin" play levels/merged_base.yaml --ui-script "$tmp/mars.txt" --size 1280x720 --scale 100 \
        --data-dir "$tmp/dm" >/dev/null 2>>"$tmp/moon.err"
rc=$?
if [[ $rc == 0 ]] && python3 -c '
import sys
sys.path.insert(0, "tests/ui")
from png_check import read_png
def ground(path):  # mean colour of open ground left of the base
    w, h, ch, rows = read_png(path)
    px = [rows[y][x * ch:x * ch + 3] for y in range(440, 480) for x in range(620, 700)]
    return [sum(p[i] for p in px) // len(px) for i in range(3)]
(mr, mg, mb), (rr, rg, rb) = ground(sys.argv[1]), ground(sys.argv[2])
assert abs(mr - mb) < 25, ("moon ground is not grey", mr, mg, mb)
assert rr - rb > 60, ("mars ground is not red", rr, rg, rb)
' "$tmp/moon.png" "$tmp/mars.png"; then
    echo "ok: a level on the Moon is drawn on its own ground"
else
    echo "FAIL: Moon ground (exit $rc): $(head -3 "$tmp/moon.err")" >&2
    fail=$((fail + 1))
fi
# The campaign (docs/campaign-format.md): start it from the menu, win its
# first level in the window, and the second opens with what the first
# handed on; the progress file beside the saves says so, and a save of
# the second level replays headless from its carry to the same hash.
croot="$tmp/campaign"
mkdir -p "$croot"
ln -s "$PWD/assets" "$croot/assets"
# Copies, not a link: paths in files may not lead out of the data folder.
mkdir -p "$croot/levels/rules"
cp -r tests/data/campaign/campaigns "$croot/levels/"
cp levels/rules/base.yaml "$croot/levels/rules/"
for f in first second; do
    sed 's|^rules: .*|rules: rules/base.yaml|' "tests/data/campaign/$f.yaml" >"$croot/levels/$f.yaml"
done
cat >"$tmp/campaign.txt" <<SCRIPT
click menu_campaign
click campaign_level_2
screenshot $tmp/campaign-locked.png
click campaign_play
expect campaign_back
click campaign_level_1
click campaign_play
key Space
key Space
expect end_campaign
screenshot $tmp/campaign-won.png
click end_campaign
click campaign_level_2
screenshot $tmp/campaign-open.png
click campaign_play
expect panel_report
key Space
SCRIPT
HAPPYVALLEY_DATA="$croot" "$bin" --ui-script "$tmp/campaign.txt" --size 1280x720 --scale 100 \
    --data-dir "$tmp/dc" >"$tmp/c.out" 2>"$tmp/c.err"
rc=$?
progress="$tmp/dc/campaign-test.yaml"
save="$tmp/dc/saves/autosave.yaml"
if [[ $rc == 0 ]] && grep -q "level: first" "$progress" && grep -q "won: true" "$progress" &&
    grep -q "level: second" "$progress" && grep -q "flags: \[accord\]" "$progress" &&
    grep -q 'name: "Irina Zhukova"' "$progress" && grep -q "^stage: 2" "$save" &&
    grep -q "^campaign: test" "$save"; then
    echo "ok: the campaign opens its second level once the first is won in the window"
else
    echo "FAIL: campaign (exit $rc): $(head -3 "$tmp/c.err"); progress: $(cat "$progress" 2>&1)" >&2
    fail=$((fail + 1))
fi
want=$(sed -n 's/^state_hash: "\(.*\)"/\1/p' "$save")
got=$("$bin" sim tests/data/campaign/second.yaml --seed 1 --turns 1 --orders "$save" --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["state_hash"])')
# The carry is part of the game: without it the same week ends elsewhere.
plain=$("$bin" sim tests/data/campaign/second.yaml --seed 1 --turns 1 --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["state_hash"])')
if [[ -n $want && $got == "$want" && $plain != "$want" ]]; then
    echo "ok: a campaign save replays headless from its carry"
else
    echo "FAIL: campaign save replay: hash $got, save says $want, without the carry $plain" >&2
    fail=$((fail + 1))
fi
python3 tests/ui/png_check.py 1280 720 "$tmp/campaign-locked.png" "$tmp/campaign-won.png" \
    "$tmp/campaign-open.png" || fail=$((fail + 1))
echo "ui_screens: $fail failed"
((fail == 0))
