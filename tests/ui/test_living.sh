#!/usr/bin/env bash
# The living base: the map moves while people walk and dust drifts, and
# stands still with reduce motion on; a long night looks dark; a module's
# tooltip names what it takes and makes and the power it draws; the
# setting round-trips through the settings file; and animation never
# touches the game (the same weeks hash alike with it on and off).
# Usage: test_living.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
here="$ui_dir"

# still DIR: a data folder whose settings keep the map still.
still() {
    mkdir -p "$1"
    printf 'format: 1\nkind: settings\nwindow:\n  reduce_motion: true\n' >"$1/settings.yaml"
}
# play NAME LEVEL DATA: plays $tmp/NAME.txt on LEVEL (seed 5) with data folder DATA.
play() {
    "$bin" play "$2" --seed 5 --size 1280x720 --scale 100 --data-dir "$3" \
        --ui-script "$tmp/$1.txt" >"$tmp/$1.out" 2>"$tmp/$1.err" ||
        bad "$1: the script failed: $(grep -v XDG_RUNTIME "$tmp/$1.err" | head -3)"
}
# compare A B: how many rows of two screenshots differ, and whether all of
# them lie on the map (between the top bar and the bottom bar at 100%).
compare() {
    python3 -c "
import sys
sys.path.insert(0, '$here')
from png_check import read_png
_, h, _, a = read_png('$1')
_, _, _, b = read_png('$2')
rows = [y for y in range(h) if a[y] != b[y]]
off = [y for y in rows if y < 46 or y >= h - 58]
print(len(rows), 'off-map' if off else 'on-map')
"
}
# brightness PNG: the mean of the map's pixels, sampled.
brightness() {
    python3 -c "
import sys
sys.path.insert(0, '$here')
from png_check import read_png
w, h, ch, rows = read_png('$1')
s = n = 0
for y in range(60, h - 70, 8):
    for x in range(20, w - 80, 8):
        s += sum(rows[y][x * ch:x * ch + 3]); n += 3
print(s // n)
"
}

# 1. Animating, two frames 300 ms apart differ, and only on the map.
cat >"$tmp/moving.txt" <<SCRIPT
screenshot $tmp/moving_a.png
wait 300
screenshot $tmp/moving_b.png
SCRIPT
play moving levels/sandbox.yaml "$tmp/moving.data"
read -r rows where < <(compare "$tmp/moving_a.png" "$tmp/moving_b.png")
[[ "$rows" -gt 0 && "$where" == on-map ]] && ok "the map moves while animating ($rows rows changed, $where)" ||
    bad "animating, two frames 300 ms apart: $rows rows changed, $where"

# 2. With reduce motion, the same two frames are the same picture.
still "$tmp/still.data"
sed "s/moving_/still_/g" "$tmp/moving.txt" >"$tmp/still.txt"
play still levels/sandbox.yaml "$tmp/still.data"
cmp -s "$tmp/still_a.png" "$tmp/still_b.png" && ok "reduce motion keeps the map still" ||
    bad "with reduce motion two frames 300 ms apart differ: $(compare "$tmp/still_a.png" "$tmp/still_b.png")"
python3 "$here/png_check.py" 1280 720 "$tmp/still_a.png" >/dev/null ||
    bad "the still map is a blank screenshot"

# 2b. An idle window redraws only the map's ground: that frame, drawn over
# the last one, is the same picture as a whole frame, with a panel open, a
# module picked and a tooltip over the map, where the ground fills the map
# and where it leaves a margin.
cat >"$tmp/partial.txt" <<SCRIPT
key Space
click-if alerts_close
click-if choice_1
key f
click cell:16,12
move cell:15,12
screenshot $tmp/whole.png
map-frame $tmp/part.png
SCRIPT
for size in 1280x720 1920x1080; do
    "$bin" play levels/sandbox.yaml --seed 5 --size "$size" --scale 100 --data-dir "$tmp/still.data" \
        --ui-script "$tmp/partial.txt" >"$tmp/partial.out" 2>"$tmp/partial.err" ||
        bad "map frame at $size: the script failed: $(grep -v XDG_RUNTIME "$tmp/partial.err" | head -3)"
    grep -q "^map-frame .* partial$" "$tmp/partial.out" && ok "only the map redrawn at $size" ||
        bad "at $size the map frame drew the whole window: $(grep map-frame "$tmp/partial.out")"
    cmp -s "$tmp/whole.png" "$tmp/part.png" && ok "the map frame matches a whole frame at $size" ||
        bad "at $size the map frame differs from a whole frame: $(compare "$tmp/whole.png" "$tmp/part.png")"
done

# 3. A running module's tooltip names its inputs, outputs and power, and
# what it did last week.
cat >"$tmp/tip.txt" <<'SCRIPT'
key Space
click-if alerts_close
click-if choice_1
move cell:16,12
tooltip
SCRIPT
play tip levels/sandbox.yaml "$tmp/tip.data"
tip=$(grep '^tooltip' "$tmp/tip.out")
for want in "Greenhouse" "takes 30 Water" "makes 10 Oxygen, 60 Food" "Power: uses 12 kW" \
    "the draw scales with the crew" "of the work, in any role" "Last week: -"; do
    [[ "$tip" == *"$want"* ]] || bad "the greenhouse's tooltip lacks '$want': $tip"
done
[[ "$tip" == *"Food"* && "$tip" == *"kW"* ]] && ok "a running module's tooltip names its recipe, power and last week"

# 3b. Every role of the game's rules says what the job is, and the crew
# list shows it as the tooltip of a person's role, with the pay.
python3 -c "
import yaml
roles = yaml.safe_load(open('levels/rules/base.yaml'))['roles']
bare = [k for k, r in roles.items() if not r.get('description')]
print(' '.join(bare) if bare else 'none')
" >"$tmp/bare_roles" || bad "the rules could not be read"
[[ "$(cat "$tmp/bare_roles")" == none ]] && ok "every role of the rules has a description" ||
    bad "roles without a description: $(cat "$tmp/bare_roles")"
cat >"$tmp/role.txt" <<'SCRIPT'
key c
move role_1
tooltip
SCRIPT
play role levels/tutorial.yaml "$tmp/role.data"
want=$(python3 -c "
import yaml
print(yaml.safe_load(open('levels/rules/base.yaml'))['roles']['commander']['description'])
")
tip=$(grep '^tooltip' "$tmp/role.out")
[[ "$tip" == *"Commander (staff)"* && "$tip" == *"$want"* && "$tip" == *"Paid 12"* ]] &&
    ok "a role's tooltip in the crew list says what the job is" ||
    bad "the commander's role tooltip lacks its description: $tip"

# 4. The setting round-trips: Settings writes it, a new start reads it back
# and shows it, and a second click turns it off again.
cat >"$tmp/set_on.txt" <<SCRIPT
click menu_settings
click settings_reduce_motion
SCRIPT
cat >"$tmp/set_show.txt" <<SCRIPT
click menu_settings
widgets $tmp/set_show.json
click settings_reduce_motion
SCRIPT
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/set.data" --ui-script "$tmp/set_on.txt" \
    >/dev/null 2>&1 || bad "the settings script failed"
grep -q '^  reduce_motion: true$' "$tmp/set.data/settings.yaml" &&
    ok "Reduce motion is written to the settings file" ||
    bad "the settings file lacks reduce_motion: true: $(cat "$tmp/set.data/settings.yaml")"
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/set.data" --ui-script "$tmp/set_show.txt" \
    >/dev/null 2>&1 || bad "the second settings script failed"
python3 -c "
import json, sys
w = [x for x in json.load(open('$tmp/set_show.json'))['widgets'] if x['id'] == 'settings_reduce_motion']
sys.exit(0 if w and w[0]['label'] == 'On' else 1)" &&
    ok "a new start reads Reduce motion back" || bad "the Settings screen does not show Reduce motion on"
grep -q '^  reduce_motion: false$' "$tmp/set.data/settings.yaml" &&
    ok "a second click turns it off in the file" || bad "Reduce motion was not turned off"
printf 'format: 1\nkind: settings\nwindow:\n  reduce_motion: 3\n' >"$tmp/bad.yaml"
mkdir -p "$tmp/bad.data" && cp "$tmp/bad.yaml" "$tmp/bad.data/settings.yaml"
echo quit >"$tmp/quit.txt"
"$bin" --size 1280x720 --data-dir "$tmp/bad.data" --ui-script "$tmp/quit.txt" >/dev/null \
    2>"$tmp/bad.err"
grep -q "settings.yaml:4:.*reduce_motion" "$tmp/bad.err" && ok "a bad reduce_motion is reported at its line" ||
    bad "a bad reduce_motion: $(grep -v XDG_RUNTIME "$tmp/bad.err" | head -2)"

# 5. Animation never touches the game: the same weeks, with frames drawn
# between them, hash alike with motion on and off.
cat >"$tmp/weeks.txt" <<'SCRIPT'
wait 200
key Space
click-if alerts_close
click-if choice_1
wait 250
key Space
click-if alerts_close
click-if choice_1
move cell:13,13
wait 250
key Space
click-if alerts_close
click-if choice_1
state
SCRIPT
play weeks levels/sandbox.yaml "$tmp/weeks.data"
cp "$tmp/weeks.out" "$tmp/weeks_on.out"
still "$tmp/weeks_still.data"
play weeks levels/sandbox.yaml "$tmp/weeks_still.data"
on=$(grep '^week' "$tmp/weeks_on.out")
off=$(grep '^week' "$tmp/weeks.out")
[[ -n "$on" && "$on" == "$off" && "$on" != "week 1 "* ]] &&
    ok "the game is the same with animation on and off ($on)" ||
    bad "animation changed the game: on '$on', off '$off'"

# 6. A long night (the Moon's two-week night from week 3) looks dark.
{
    echo "screenshot $tmp/day.png"
    for i in 1 2 3 4; do
        printf 'key Space\nclick-if alerts_close\nclick-if choice_1\nmove 5 5\n'
        echo "screenshot $tmp/night_$i.png"
        echo state
    done
} >"$tmp/night.txt"
still "$tmp/night.data"
play night levels/jamestown.yaml "$tmp/night.data"
# The first screenshot taken in week 3 or 4 (an event's answer may hold a week back).
i=$(grep '^week' "$tmp/night.out" | grep -n '^week [34] ' | head -1 | cut -d: -f1)
day=$(brightness "$tmp/day.png")
night=$([[ -n "$i" ]] && brightness "$tmp/night_$i.png" || echo "$day")
[[ -n "$i" && $((night * 10)) -lt $((day * 7)) ]] &&
    ok "a long night looks dark (map brightness $day by day, $night at night)" ||
    bad "a long night: brightness $day by day, $night at night ($(grep '^week' "$tmp/night.out" | tr '\n' ' '))"

# 7. The slow day's dusk turns to night without a jump: the evening's
# light as the sun sets (at about 71.6 s of the animation's clock) is
# where the night's starts. Frames a quarter of a second apart, through
# it, each change most of the map by a step too small to see (a jump
# there, the evening's light gone at once, changes it by 10 to 30).
{
    echo "clock 5000"
    echo "wait 4200"
    for t in $(seq 71000 250 74000); do
        echo "clock $t"
        echo "screenshot $tmp/dusk_$t.png"
    done
} >"$tmp/dusk.txt"
play dusk levels/sandbox.yaml "$tmp/dusk.data"
step=$(python3 -c "
import sys
sys.path.insert(0, '$here')
from png_check import read_png
shots = [read_png('$tmp/dusk_%d.png' % t)[3] for t in range(71000, 74001, 250)]
_, h, ch, _ = read_png('$tmp/dusk_71000.png')
worst = 0
for a, b in zip(shots, shots[1:]):
    # The change of most pixels of the map: a walker on the move is a few.
    d = sorted(sum(abs(p - q) for p, q in zip(a[y][x * ch:x * ch + 3], b[y][x * ch:x * ch + 3]))
               for y in range(80, h - 80, 10) for x in range(40, 1180, 10))
    worst = max(worst, d[len(d) * 95 // 100])
print(worst)
" 2>&1)
[[ "$step" =~ ^[0-9]+$ && $step -le 8 ]] && ok "dusk turns to night in small steps (at most $step in a frame)" ||
    bad "dusk turns to night with a jump: $step"

[[ $fail -eq 0 ]] && echo "all living-base checks passed" || echo "$fail living-base check(s) failed"
exit $((fail > 0))
