#!/usr/bin/env bash
# Every screen, panel and dialog at every UI scale in windows from
# 1024x600 to 3840x2160: all widgets inside the window, no two clickable
# widgets overlapping (tests/ui/layout_check.py), and the scale in use
# never more than the window holds.
# Usage: test_layout.sh BIN ROOT [SIZES] [SCALES]
set -uo pipefail
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
bin="$1"
cd "$2"
sizes="${3:-1024x600 1280x720 1920x1080 2560x1440 3840x2160}"
scales="${4:-100 125 150 200 250 300}"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# One walk through the screens; OUT is replaced by the dump folder.
script() {
    local out="$1"
    cat <<SCRIPT
widgets $out/game.json
key b
widgets $out/build.json
key b
key c
widgets $out/crew.json
key c
key f
widgets $out/factions.json
key f
key a
widgets $out/asteroids.json
key a
key p
widgets $out/policies.json
key p
key h
widgets $out/charts.json
key h
key r
widgets $out/report.json
key r
key g
widgets $out/goals.json
key g
key F1
widgets $out/help.json
key F1
key Space
widgets $out/event1.json
click-if choice_1
key Space
widgets $out/event2.json
click-if choice_1
key Space
widgets $out/event3.json
click-if choice_1
click alerts
widgets $out/alerts.json
key Escape
key r
widgets $out/report_latest.json
click report_prev
click report_filter_society
widgets $out/report_earlier.json
click report_filter_all
key r
key c
click person_2
widgets $out/crew_picked.json
key c
key Escape
widgets $out/gamemenu.json
click menu_main
widgets $out/confirm.json
click-if confirm_leave
widgets $out/menu.json
click menu_new
widgets $out/levels.json
click-if picker_mods
widgets $out/mods.json
click-if mods_back
key Escape
click menu_load
widgets $out/load.json
click load_back
click menu_settings
widgets $out/settings.json
click settings_back
click menu_campaign
widgets $out/campaign.json
SCRIPT
}

for size in $sizes; do
    for scale in $scales; do
        out="$tmp/$size-$scale"
        mkdir -p "$out"
        script "$out" >"$tmp/walk.txt"
        if ! "$bin" play levels/conference.yaml --size "$size" --scale "$scale" \
            --data-dir "$tmp/d" --ui-script "$tmp/walk.txt" >"$tmp/out" 2>"$tmp/err"; then
            echo "FAIL: $size at $scale%: the walk stopped: $(grep error "$tmp/err" | head -c 300)" >&2
            fail=$((fail + 1))
            continue
        fi
        if ! grep -q '"choice_1"' "$out"/event*.json; then
            echo "FAIL: $size at $scale%: the walk met no event to check" >&2
            fail=$((fail + 1))
        elif ! grep -q '"goal_win_1"' "$out/goals.json" || ! grep -q '"goal_lose_1"' "$out/goals.json"; then
            echo "FAIL: $size at $scale%: the goals panel does not list the level's goals" >&2
            fail=$((fail + 1))
        elif python3 tests/ui/layout_check.py "$out"/*.json >"$tmp/problems"; then
            echo "ok: $size at $scale%: $(ls "$out" | wc -l) screens laid out"
        else
            echo "FAIL: $size at $scale%: $(wc -l <"$tmp/problems") layout problems" >&2
            sed "s|$tmp/||" "$tmp/problems" | head -8 >&2
            fail=$((fail + 1))
        fi
    done
done
echo "ui layout: $fail failed"
((fail == 0))
