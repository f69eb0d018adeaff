#!/usr/bin/env bash
# The window as a player meets it, one labelled check per flaw once found
# in it: messages that come and go on time, a priority that steps instead
# of piling up orders, modules that look like what they are doing, one
# week per press of End week, keys for event choices and menus, and a
# confirm before this week's orders are dropped; no old message on the
# menus, no raw ids in tooltips, error titles that say what happened,
# tooltips beside what they explain and a crew grid that stays put.
# Usage: test_window.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
level=levels/asteroid_window.yaml

# play NAME [-]: plays $tmp/NAME.txt in a 1280x720 window, on the level
# at seed 3 (with -: from the main menu); output in $tmp/NAME.out.
play() {
    local name="$1"
    if [[ "${2:-}" == - ]]; then set --; else set -- play "$level" --seed 3; fi
    "$bin" "$@" --size 1280x720 --scale 100 --data-dir "$tmp/$name.data" \
        --ui-script "$tmp/$name.txt" >"$tmp/$name.out" 2>"$tmp/$name.err"
}
# line NAME PREFIX N: the N-th (from 1) output line of NAME starting with PREFIX.
line() { grep "^$2" "$tmp/$1.out" | sed -n "${3}p"; }
errs() { grep -v XDG_RUNTIME "$tmp/$1.err" | head -3; }

# 1. A message shows at once and goes after its time (4 s), in the window
# and in a script alike: `wait` is real time.
cat >"$tmp/toast.txt" <<'SCRIPT'
toast
key Ctrl+S
toast
wait 4500
toast
SCRIPT
play toast
[[ "$(line toast toast 1)" == "toast The Golconda Window: week 1."* &&
    "$(line toast toast 2)" == "toast Saved to slot 1." && "$(line toast toast 3)" == "toast none" ]] &&
    ok "1 toasts: shown at once, gone after their time" ||
    bad "1 toasts: $(grep '^toast' "$tmp/toast.out" | tr '\n' '|') $(errs toast)"

# 2. Three clicks on a module's priority + step it 3, 4, 5, 6 in one order,
# and the panel shows the value queued.
cat >"$tmp/prio.txt" <<'SCRIPT'
click cell:15,5
click priority_up
click priority_up
click priority_up
move priority_value
tooltip
state
key Ctrl+S
SCRIPT
play prio
save="$tmp/prio.data/saves/slot1.yaml"
[[ "$(line prio week 1)" == *" orders 1" &&
    "$(line prio tooltip 1)" == "tooltip Power priority 6, queued for the end of the week (now 3)." &&
    $(grep -c "do: priority" "$save" 2>/dev/null) == 1 ]] &&
    grep -q "do: priority, module: 16, value: 6}" "$save" &&
    ok "2 priority: one order per module, the panel shows the value queued" ||
    bad "2 priority: $(line prio week 1); $(line prio tooltip 1); $(grep 'do:' "$save" 2>/dev/null | tr '\n' ' ') $(errs prio)"

# 3. A module under construction, one just built and an idle one each look
# and read as what they are; only a module without power says so.
cat >"$tmp/looks.txt" <<'SCRIPT'
click build_mode
click build_oxygen_plant
click cell:4,5
rclick cell:4,5
key Space
move cell:4,5
tooltip
key Space
click-if choice_1
move cell:4,5
tooltip
where cell:4,5
where cell:12,6
move week
screenshot LOOKS_PNG
move cell:14,8
tooltip
SCRIPT
sed -i "s|LOOKS_PNG|$tmp/looks.png|" "$tmp/looks.txt"
play looks
built=$(line looks tooltip 2)
[[ "$(line looks tooltip 1)" == *"Under construction: 1 of 2 weeks done (50%), 1 left."* ]] &&
    ok "3 looks: building says its progress" || bad "3 looks: building: $(line looks tooltip 1) $(errs looks)"
[[ "$built" == *"Ready: it runs from this week."* && "$built" != *"No power"* ]] &&
    ok "3 looks: a module built this week runs, it is not unpowered" || bad "3 looks: built: $built"
[[ "$(line looks tooltip 3)" == *"Idle: nobody works here"* ]] &&
    ok "3 looks: a module without crew is idle, not unpowered" || bad "3 looks: idle: $(line looks tooltip 3)"
# Drawn running too: the new plant as bright as a running one of its kind.
python3 - "$tmp/looks.png" "$(line looks 'where cell:4,5' 1)" "$(line looks 'where cell:12,6' 1)" <<'PY' &&
import sys
sys.path.insert(0, "tests/ui")
from png_check import read_png
w, h, ch, rows = read_png(sys.argv[1])
def mean(spec):
    x, y, cw, chh = map(int, spec.split()[2:6])
    total = n = 0
    for yy in range(y + chh // 4, y + chh * 3 // 4):
        row = rows[yy]
        for xx in range(x + cw // 4, x + cw * 3 // 4):
            total += sum(row[xx * ch:xx * ch + 3])
            n += 1
    return total / n
new, old = mean(sys.argv[2]), mean(sys.argv[3])
print(f"brightness: new plant {new:.0f}, running plant {old:.0f}")
sys.exit(0 if abs(new - old) <= old * 0.1 else 1)
PY
    ok "3 looks: a module built this week is drawn running" || bad "3 looks: the new module is drawn dark"

# 4. Eight quick clicks on End week play one week; so do three quick
# presses of its key; a deliberate press later plays the next.
cat >"$tmp/end.txt" <<'SCRIPT'
burst 8 click end_turn
state
click end_turn
state
burst 3 key Space
state
SCRIPT
play end
[[ "$(line end week 1)" == "week 1 "* && "$(line end week 2)" == "week 2 "* &&
    "$(line end week 3)" == "week 3 "* ]] &&
    ok "4 end week: one week per deliberate press, clicks or keys" ||
    bad "4 end week: $(grep '^week' "$tmp/end.out" | cut -d' ' -f1,2 | tr '\n' ' ') $(errs end)"

# 5. Number keys answer an event; the menus move with the keys; Quit and
# Main menu ask before dropping this week's orders, and only then.
cat >"$tmp/keys.txt" <<'SCRIPT'
key Space
key Space
key Space
dialog
key 2
dialog
state
toast
SCRIPT
play keys
[[ "$(line keys dialog 1)" != "dialog none" && "$(line keys dialog 2)" == "dialog none" &&
    "$(line keys week 1)" == *" orders 1" && "$(line keys toast 1)" == "toast Answered: "* ]] &&
    ok "5 keys: 2 picks the second choice of an event" ||
    bad "5 keys: $(grep -E '^(dialog|week|toast)' "$tmp/keys.out" | tr '\n' '|') $(errs keys)"
cat >"$tmp/nav.txt" <<'SCRIPT'
focus
key Down
focus
key Down
focus
key Return
expect picker_start
key Escape
expect menu_new
SCRIPT
play nav -
[[ $? == 0 && "$(line nav focus 1)" == "focus none" && "$(line nav focus 2)" == "focus menu_campaign" &&
    "$(line nav focus 3)" == "focus menu_new" ]] &&
    ok "5 keys: the main menu moves with Down, opens with Enter, Escape comes back" ||
    bad "5 keys: main menu: $(grep '^focus' "$tmp/nav.out" | tr '\n' '|') $(errs nav)"
cat >"$tmp/menu.txt" <<'SCRIPT'
key Escape
dialog
key Tab
key Tab
key Up
focus
key Return
dialog
SCRIPT
play menu
[[ "$(line menu dialog 1)" == "dialog Menu" && "$(line menu focus 1)" == "focus menu_resume" &&
    "$(line menu dialog 2)" == "dialog none" ]] &&
    ok "5 keys: the game menu moves with Tab and Up, Enter resumes" ||
    bad "5 keys: game menu: $(grep -E '^(dialog|focus)' "$tmp/menu.out" | tr '\n' '|') $(errs menu)"
cat >"$tmp/confirm.txt" <<'SCRIPT'
click cell:15,5
click priority_up
rclick cell:15,5
key Escape
click menu_quit
dialog
click confirm_stay
state
key Escape
click menu_main
dialog
click confirm_leave
state
SCRIPT
play confirm
[[ "$(line confirm dialog 1)" == "dialog Quit and lose this week's 1 order?" &&
    "$(line confirm week 1)" == *" orders 1" &&
    "$(line confirm dialog 2)" == "dialog Leave for the main menu and lose this week's 1 order?" &&
    "$(line confirm 'no game' 1)" == "no game" ]] &&
    ok "5 keys: Quit and Main menu ask before dropping this week's orders" ||
    bad "5 keys: confirm: $(grep -E '^(dialog|week|no game)' "$tmp/confirm.out" | tr '\n' '|') $(errs confirm)"
printf 'key Escape\nclick menu_quit\nstate\n' >"$tmp/quit.txt"
play quit
rc=$?
[[ $rc == 0 && ! -s "$tmp/quit.out" ]] && ok "5 keys: with no orders queued, Quit quits at once" ||
    bad "5 keys: quit without orders: exit $rc, $(cat "$tmp/quit.out")"

# 6a. The game's messages stay in the game: none on the main menu or the
# load screen.
printf 'toast\nkey Escape\nclick menu_main\ntoast\n' >"$tmp/leak.txt"
play leak
printf 'key Ctrl+L\ntoast\n' >"$tmp/leak2.txt"
play leak2
[[ "$(line leak toast 1)" != "toast none" && "$(line leak toast 2)" == "toast none" &&
    "$(line leak2 toast 1)" == "toast none" ]] &&
    ok "6 no old message on the main menu or the load screen" ||
    bad "6 toast leak: $(grep '^toast' "$tmp/leak.out" "$tmp/leak2.out" | tr '\n' '|')"

# 6b. Tooltips name things as the window does, never by id.
printf 'key Space\nmove res_water\ntooltip\nmove res_oxygen\ntooltip\n' >"$tmp/ids.txt"
play ids
[[ "$(line ids tooltip 1)" == *"life support"* ]] && ! grep -Eq '^tooltip .*[a-z]_[a-z]' "$tmp/ids.out" &&
    ok "6 tooltips say 'life support', not life_support" ||
    bad "6 raw ids: $(grep '^tooltip' "$tmp/ids.out")"

# 6c. A level that cannot be played, started from New game, is titled so.
# The level breaks after the picker has listed it well.
troot="$tmp/root"
mkdir -p "$troot/levels/rules"
cp levels/tutorial.yaml "$troot/levels/"
cp levels/rules/base.yaml "$troot/levels/rules/"
ln -s "$PWD/assets" "$troot/assets"
cat >"$tmp/broken.txt" <<SCRIPT
click menu_new
screenshot $tmp/listed.png
wait 8000
click picker_start
dialog
SCRIPT
HAPPYVALLEY_DATA="$troot" "$bin" --size 1280x720 --scale 100 --data-dir "$tmp/broken.data" \
    --ui-script "$tmp/broken.txt" >"$tmp/broken.out" 2>"$tmp/broken.err" &
pid=$!
for _ in $(seq 1 300); do
    [[ -s "$tmp/listed.png" ]] && break
    sleep 0.05
done
printf 'title: [unclosed\n' >"$troot/levels/tutorial.yaml"
wait "$pid"
[[ "$(line broken dialog 1)" == "dialog This level cannot be played" ]] &&
    ok "6 a level that cannot be played is titled so" ||
    bad "6 error title: $(line broken dialog 1) $(errs broken)"

# 6d. A tooltip never covers the widget it belongs to, and stays in the
# window: a level's row in New game, End week from its top edge.
printf 'where end_turn\n' >"$tmp/edge.txt"
play edge
read -r _ _ ex ey ew _ <<<"$(line edge where 1)"
printf 'click menu_new\nmove level_0\nwhere level_0\nwhere tooltip\n' >"$tmp/tipnew.txt"
play tipnew -
printf 'move %d %d\nwhere end_turn\nwhere tooltip\nmove end_turn\nwhere end_turn\nwhere tooltip\n' \
    $((ex + ew / 2)) $((ey + 2)) >"$tmp/tipend.txt"
play tipend
python3 - "$tmp/tipnew.out" "$tmp/tipend.out" <<'PY' && ok "6 tooltips sit beside their widget, inside the window" ||
import sys
bad = []
for path in sys.argv[1:]:
    rects = [l.split() for l in open(path) if l.startswith("where ")]
    for widget, tip in zip(rects[0::2], rects[1::2]):
        if len(tip) < 6 or len(widget) < 6:
            bad.append(f"{path}: no tooltip for {widget[1:]}")
            continue
        wx, wy, ww, wh = map(int, widget[2:6])
        tx, ty, tw, th = map(int, tip[2:6])
        if tx < wx + ww and wx < tx + tw and ty < wy + wh and wy < ty + th:
            bad.append(f"{widget[1]} at {widget[2:6]} covered by its tooltip at {tip[2:6]}")
        if tx < 0 or ty < 0 or tx + tw > 1280 or ty + th > 720:
            bad.append(f"{widget[1]}'s tooltip {tip[2:6]} leaves the window")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
    bad "6 tooltip placement (above)"

# 6e. The crew grid keeps its order under the pointer: after a click the
# module clicked stays where it was (the person's post now, so a second
# click there queues nothing), and the place freed is added after it.
cat >"$tmp/grid.txt" <<'SCRIPT'
key c
click person_5
where crew_assign_20
click crew_assign_20
where crew_assign_20
where crew_assign_21
click crew_assign_20
state
SCRIPT
play grid
first=$(line grid 'where crew_assign_20' 1)
[[ -n "$first" && "$(line grid 'where crew_assign_20' 2)" == "$first" &&
    "$(line grid 'where crew_assign_21' 1)" != "where crew_assign_21 ${first#where crew_assign_20 }" &&
    "$(line grid week 1)" == *" orders 1" ]] &&
    ok "6 the crew grid keeps its order; a second click queues nothing" ||
    bad "6 crew grid: $(grep -E '^(where|week)' "$tmp/grid.out" | tr '\n' '|') $(errs grid)"

echo "ui_window: $fail failed"
((fail == 0))
