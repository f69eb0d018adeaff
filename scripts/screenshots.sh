#!/usr/bin/env bash
# Makes the README's screenshots with UI scripts, without a display.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release}/happyvalley"
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software
mkdir -p "$out"
run() { # LEVEL SCRIPT-TEXT [SIZE SCALE]
    local level="$1"
    # A week's end may open the alerts; a script that ends weeks closes them.
    printf '%s\n' "$2" | sed 's/^key Space$/key Space\nclick-if alerts_close/' >"$tmp/script.txt"
    "$bin" ${level:+play "$level"} --size "${3:-1280x720}" --scale "${4:-100}" --data-dir "$tmp/data" \
        --ui-script "$tmp/script.txt" >/dev/null
}
"$bin" --screenshot "$out/menu.png" --size 1280x720 --scale 100 --data-dir "$tmp/data"
run levels/merged_base.yaml "click build_mode
click build_greenhouse
move cell:14,9
screenshot $out/base.png"
run levels/conference.yaml "key Space
key Space
key Space
key Space
move choice_2
screenshot $out/event.png"
run levels/below_deck.yaml "key Space
key Space
click choice_1
key Space
key Space
key c
click person_3
screenshot $out/crew.png
key f
move tension_0_1
screenshot $out/tension.png"
run levels/asteroid_window.yaml "key a
click survey_golconda
key Space
click-if choice_1
key Space
click-if choice_1
key Space
click-if choice_1
key Space
click-if choice_1
screenshot $out/missions.png"
# The iridium market after fourteen weeks, at the panel's foot, with the price's tooltip.
run levels/asteroid_window.yaml "$(for _ in $(seq 14); do printf 'key Space\nclick-if choice_1\n'; done)
key a
wheel -40 asteroid_list
move market_price
screenshot $out/market.png"
# The tutorial followed by its step card: the third step, then the win.
run levels/tutorial.yaml "$(cat tests/ui/tutorial_steps.txt | sed -n '1,/^expect step_3$/p')
key b
move cell:3,4
screenshot $out/steps.png"
run levels/tutorial.yaml "$(cat tests/ui/tutorial_steps.txt)
screenshot $out/end.png"
# The goals panel, and the alerts a blackout brings.
run levels/merged_base.yaml "key g
move goal_lose_1
screenshot $out/goals.png"
printf 'key Space\nmove alert_1\nscreenshot %s/alerts.png\n' "$out" >"$tmp/alerts.txt"
"$bin" play tests/ui/levels/blackout.yaml --size 1280x720 --scale 100 --data-dir "$tmp/data" \
    --ui-script "$tmp/alerts.txt" >/dev/null
# The board after its orbit vote, and the unrest ladder climbed to a
# black market: twelve weeks of the asteroid level, every motion for Earth.
run levels/asteroid_window.yaml "$(for _ in $(seq 12); do printf 'key Space\nclick-if choice_2\n'; done)
key f
wheel -7 class_tension
move unrest_rung_3
screenshot $out/politics.png" 1440x900
# The same base at 200% and 300%: every screen is laid out to fit.
run levels/asteroid_window.yaml "key f
screenshot $out/scale200.png" 1920x1080 200
run levels/asteroid_window.yaml "key a
screenshot $out/scale300.png" 2880x1620 300
run "" "click menu_campaign
move campaign_play
screenshot $out/campaign.png"
ls -la "$out"
