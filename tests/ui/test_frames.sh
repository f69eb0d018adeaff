#!/usr/bin/env bash
# The base view draws only what changed since its last frame over what
# that frame left (hv_gfx_finish). After each kind of change (a week's
# end, hovering a module and a button, a panel opened and closed, the
# animation moving, a module picked, build mode, a dialog opened and
# closed, panning, zooming, a new scale and window size) the picture must
# be the one a whole redraw gives: no part of an earlier frame left over.
# Usage: test_frames.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# Each step: its lines, then a picture drawn as changes come and one
# drawn whole (`redraw`). Messages at the bottom go after 4 seconds of real
# time; the script waits them out after a week's end so that both
# pictures are taken with the same message showing.
steps=(
    "key Space|click-if alerts_close|click-if choice_1|wait 4200"
    "move cell:16,12"
    "move panel_crew"
    "key a"
    "clock 5400"
    "move cell:16,12|clock 5800"
    "key a"
    "click cell:16,12"
    "key b|move cell:20,14"
    "rclick cell:20,14|key c"
    "key F1"
    "key Escape"
    "key Right|key Right|clock 6200"
    "key =|clock 6600"
    "scale 150"
    "scale 100|resize 1280 720"
    "key Space|click-if alerts_close|click-if choice_1|wait 4200|clock 7000"
)
for size in 1920x1080 1280x720; do
    {
        echo "clock 5000"
        for i in "${!steps[@]}"; do
            tr '|' '\n' <<<"${steps[$i]}"
            echo "screenshot $tmp/inc_$i.png"
            echo "redraw"
            echo "screenshot $tmp/whole_$i.png"
        done
    } >"$tmp/steps.txt"
    "$bin" play levels/sandbox.yaml --seed 5 --size "$size" --scale 100 --data-dir "$tmp/data_$size" \
        --ui-script "$tmp/steps.txt" >"$tmp/steps.out" 2>"$tmp/steps.err" ||
        bad "at $size the script failed: $(grep -v XDG_RUNTIME "$tmp/steps.err" | head -3)"
    differ=""
    for i in "${!steps[@]}"; do
        [[ -s "$tmp/inc_$i.png" ]] || {
            differ+=" $i(missing)"
            continue
        }
        cmp -s "$tmp/inc_$i.png" "$tmp/whole_$i.png" || differ+=" $i(${steps[$i]})"
    done
    [[ -z "$differ" ]] && ok "at $size every change shows as a whole redraw does (${#steps[@]} steps)" ||
        bad "at $size pictures drawn as changes came differ from whole redraws after:$differ"
    # The pictures did change from step to step, so the comparison saw something.
    cmp -s "$tmp/inc_0.png" "$tmp/inc_1.png" && bad "at $size hovering a module changed nothing"
    cmp -s "$tmp/inc_3.png" "$tmp/inc_4.png" && bad "at $size the animation did not move"
done

# With its clock stopped (`clock`), the moving base is the same picture
# twice, however much real time passes; and a frame woken by the clock
# alone draws only what moved, which is the same picture as a whole frame.
cat >"$tmp/still.txt" <<SCRIPT
clock 12000
screenshot $tmp/still_a.png
wait 400
screenshot $tmp/still_b.png
clock 12500
map-frame $tmp/moved.png
redraw
screenshot $tmp/moved_whole.png
SCRIPT
"$bin" play levels/sandbox.yaml --seed 5 --size 1280x720 --scale 100 --data-dir "$tmp/data_still" \
    --ui-script "$tmp/still.txt" >"$tmp/still.out" 2>"$tmp/still.err" ||
    bad "the stopped clock's script failed: $(grep -v XDG_RUNTIME "$tmp/still.err" | head -3)"
cmp -s "$tmp/still_a.png" "$tmp/still_b.png" && ok "a stopped clock keeps the moving base still" ||
    bad "with the clock stopped two pictures 400 ms apart differ"
cmp -s "$tmp/still_b.png" "$tmp/moved.png" && bad "the clock moved on and the base did not move"
grep -q "^map-frame .* partial$" "$tmp/still.out" && cmp -s "$tmp/moved.png" "$tmp/moved_whole.png" &&
    ok "a frame of the animation draws only what moved, and shows what a whole frame does" ||
    bad "the animation's frame: $(grep map-frame "$tmp/still.out"), same as whole: $(cmp -s "$tmp/moved.png" "$tmp/moved_whole.png" && echo yes || echo no)"

# The benchmark's screens (scripts/ui, scripts/bench-ui.sh) still play:
# each a few timed frames, with the figures printed.
for script in scripts/ui/*.txt; do
    name=$(basename "$script" .txt)
    "$bin" play levels/sandbox.yaml --data-dir "$tmp/bench_$name" --size 1280x720 --scale 100 \
        --ui-script "$script" --frames 3 >"$tmp/bench_$name.out" 2>"$tmp/bench_$name.err"
    rc=$?
    [[ $rc -eq 0 ]] && grep -q '^1280x720 at 100%: 3 frames, .* ms mean' "$tmp/bench_$name.out" &&
        ok "the benchmark's $name screen plays and is timed" ||
        bad "the benchmark's $name screen: exit $rc, $(tail -1 "$tmp/bench_$name.out") $(grep -v XDG_RUNTIME "$tmp/bench_$name.err" | head -2)"
done

[[ $fail -eq 0 ]] && echo "all frame checks passed" || echo "$fail frame check(s) failed"
exit $((fail > 0))
