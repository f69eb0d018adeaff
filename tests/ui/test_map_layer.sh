#!/usr/bin/env bash
# The map's picture is kept and drawn again a band at a time
# (hv_map_layer.h): as the slow day's light changes, each band takes the
# new light at its own moment of the second. Through such a change, at
# two sizes and with a module picked, every frame must draw only part of
# the window and show what a whole redraw shows, the map's kept picture
# drawn anew with it (`redraw`): the kept picture is never stale.
# Usage: test_map_layer.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# At 100 s of the animation's clock the night's light steps (from 48 to
# 52 in 255); the frames, a sixth of a second apart, each see one more
# band take it.
times=(99800 99967 100134 100301 100468 100635 100802 100969 101136)
# opening LINES: a game at week 1 with the level's message gone, then LINES.
opening() {
    echo "clock 5000"
    echo "wait 4200"
    printf '%s\n' "$@"
}
for size in 1920x1080 1280x720; do
    for picked in no yes; do
        name=${size}_$picked
        {
            opening
            for i in "${!times[@]}"; do
                echo "clock ${times[$i]}"
                # A module picked halfway: its band changes with no step of light.
                [[ $picked == yes && $i -eq 4 ]] && echo "click cell:16,12"
                echo "map-frame $tmp/${name}_inc_$i.png"
                whole_picture "$name" "$i"
            done
        } >"$tmp/$name.txt"
        run_script "$name" "$size" "$tmp/data" || continue
        differ="" whole=""
        for i in "${!times[@]}"; do
            cmp -s "$tmp/${name}_inc_$i.png" "$tmp/${name}_whole_$i.png" || differ+=" ${times[$i]}"
        done
        whole=$(grep -c '^map-frame .* whole$' "$tmp/$name.out")
        frames=$(grep -c '^map-frame ' "$tmp/$name.out")
        [[ -z "$differ" ]] && ok "$name: each of ${#times[@]} frames shows as a whole redraw does" ||
            bad "$name: frames differ from whole redraws at:$differ"
        [[ $frames -eq ${#times[@]} && $whole -eq 0 ]] &&
            ok "$name: each frame drew only part of the window" ||
            bad "$name: $whole of $frames frames drew the whole window"
    done
done

# Zoomed in, the texture holds a window's worth of the map and wraps
# round as the map moves: moves by a little, by more than the window, by
# exactly the texture's width (the same place in it then holds other
# pixels of the map) and back, by night as the light steps.
for size in 1920x1080 1280x720; do
    w=${size%x*} h=${size#*x}
    # From the map's top left corner; the texture is the window's size.
    moves=("5000 3000" "-40 0" "0 -25" "-$w 0" "0 -$h" "-700 -300" "$w 0" "900 500" "-3 -2")
    name=zoomed_$size
    {
        opening "clock 99800"
        for i in {1..9}; do echo "key ="; done
        for i in "${!moves[@]}"; do
            echo "clock $((99800 + 167 * i))"
            echo "drag 400 400 ${moves[$i]}"
            echo "screenshot $tmp/${name}_inc_$i.png"
            whole_picture "$name" "$i"
        done
    } >"$tmp/$name.txt"
    run_script "$name" "$size" "$tmp/data" || continue
    check_moves "$name" "${moves[@]}"
done

[[ $fail -eq 0 ]] && echo "all map layer checks passed" || echo "$fail map layer check(s) failed"
exit $((fail > 0))
