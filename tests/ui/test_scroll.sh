#!/usr/bin/env bash
# Moving the map draws only what changed, as any frame of the base view
# does (hv_gfx_finish): the map's part of the window, and not the panels
# and bars beside it. After each move (a pixel at a time and more, both
# axes, against every edge of the map, zoomed in and out, at another UI
# scale, at night, with the panel open and closed, with reduce motion)
# the picture must be the one a whole redraw gives, pixel for pixel, and
# the frame that moved must have drawn only part of the window.
# Usage: test_scroll.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# Each step: its lines, the last a `drag` (the map pans under a held
# button and the next frame is drawn as the window draws it); then a
# picture of that frame and one drawn whole (`redraw`). The animation's
# clock stands still between the two pictures.
steps=(
    "drag 400 400 1 0"
    "drag 400 400 0 1"
    "drag 400 400 -1 -1"
    "drag 400 400 -37 23"
    "burst 40 key Left|drag 400 400 -1 0"
    "drag 400 400 2 0"
    "burst 40 key Up|drag 400 400 0 -1"
    "burst 40 key Right|drag 400 400 1 0"
    "burst 40 key Down|drag 400 400 -3 1"
    "drag 400 400 150 90"
    "key =|drag 400 400 -5 3"
    "key =|key =|drag 400 400 1 0"
    "clock 120000|drag 400 400 0 2"
    "drag 400 400 -2 -1"
    "burst 40 key Left|drag 400 400 -1 0"
    "clock 5000|scale 150|drag 400 400 7 5"
    "burst 40 key Up|drag 400 400 0 -1"
    "scale 100|key -|key -|key -|key -|key -|drag 400 400 1 1"
    # With the panel closed, the last steps: the map takes most of the
    # window, and a frame that moves it draws the window whole.
    "key a|drag 400 400 -1 0"
    "drag 400 400 4 -4"
)
closed=2
# play NAME SIZE DATA: the steps at SIZE with the asteroids panel open
# (the busiest screen), settings from DATA; pictures in $tmp/NAME_*.
play() {
    local name=$1 size=$2 data=$3
    {
        echo "clock 5000"
        echo "key a"
        # The level's message at the bottom goes after 4 seconds of real
        # time: waited out, so that both pictures of a step show the same.
        echo "wait 4200"
        for i in "${!steps[@]}"; do
            tr '|' '\n' <<<"${steps[$i]}"
            echo "screenshot $tmp/${name}_inc_$i.png"
            whole_picture "$name" "$i"
        done
    } >"$tmp/$name.txt"
    run_script "$name" "$size" "$data" || return
    local labels=() drawn i
    for i in "${!steps[@]}"; do labels+=("$i(${steps[$i]})"); done
    check_moves "$name" "${labels[@]}"
    # The frames after the moves with the panel open drew part of the
    # window, so the pictures above compared that and not a whole redraw.
    local want=$((${#steps[@]} - closed))
    drawn=$(grep '^drag ' "$tmp/$name.out" | head -"$want" | grep -c '^drag partial$')
    [[ $drawn -eq $want ]] && ok "$name: each of $want frames that moved the map beside the panel drew only part of the window" ||
        bad "$name: $drawn of $want frames that moved the map beside the panel drew only part of it: $(grep '^drag' "$tmp/$name.out" | paste -sd' ')"
}

mkdir -p "$tmp/still"
printf 'format: 1\nkind: settings\nwindow:\n  reduce_motion: true\n' >"$tmp/still/settings.yaml"
play wide 1920x1080 "$tmp/data_wide"
play small 1280x720 "$tmp/data_small"
play still 1920x1080 "$tmp/still"

[[ $fail -eq 0 ]] && echo "all scroll checks passed" || echo "$fail scroll check(s) failed"
exit $((fail > 0))
