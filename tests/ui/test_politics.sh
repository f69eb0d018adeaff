#!/usr/bin/env bash
# The politics view: the factions panel draws the unrest ladder the rules
# define (a rung per event with unrest_at, the lowest first, named by its
# title) and the board (mandate, each sponsor's vote); the event dialog
# says how the board would vote on a motion today, and after the vote the
# board shows its result.
# Usage: test_politics.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

level=levels/conference.yaml
# The rungs as the rules and the level's overrides define them, lowest first.
python3 - "$level" >"$tmp/rungs" <<'PY' || bad "reading the ladder from the rules"
import os, sys, yaml
level = yaml.safe_load(open(sys.argv[1]))
rules = yaml.safe_load(open(os.path.join(os.path.dirname(sys.argv[1]), level["rules"])))
events = {k: dict(v) for k, v in (rules.get("events") or {}).items()}
for k, v in ((level.get("overrides") or {}).get("events") or {}).items():
    if isinstance(v, dict):
        events.setdefault(k, {}).update(v)
for k, v in (level.get("events") or {}).items():
    events[k] = dict(v)
rungs = [(e["unrest_at"], i, e["title"]) for i, e in enumerate(events.values())
         if e.get("unrest_at", 0) > 0 and "title" in e]
for at, _, title in sorted(rungs):
    print(f"{at}\t{title}")
PY
count=$(wc -l <"$tmp/rungs")
IFS=$'\t' read -r low_at low_title <"$tmp/rungs"
((count > 0)) && ok "the rules of $level have $count rungs, the lowest '$low_title' at $low_at" ||
    bad "no ladder in the rules of $level"

cat >"$tmp/panel.txt" <<SCRIPT
key f
wheel -5 class_tension
widgets $tmp/ladder.json
move unrest_rung_1
tooltip
wheel -40 unrest_rung_1
widgets $tmp/board.json
move board_mandate
tooltip
SCRIPT
"$bin" play "$level" --size 1280x720 --scale 100 --data-dir "$tmp/d" \
    --ui-script "$tmp/panel.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "the factions panel walk ran" || bad "panel walk exit $rc: $(head -c 600 "$tmp/err")"
ids() { python3 -c 'import json,sys; print(" ".join(w["id"] for w in json.load(open(sys.argv[1]))["widgets"]))' "$1" 2>/dev/null; }
ladder=" $(ids "$tmp/ladder.json") "
[[ "$ladder" == *" unrest_rung_1 "* && "$ladder" == *" unrest_rung_$count "* &&
    "$ladder" != *" unrest_rung_$((count + 1)) "* ]] &&
    ok "a widget for each of the $count rungs" || bad "rungs on screen:$ladder"
mapfile -t tips < <(sed -n 's/^tooltip //p' "$tmp/out")
[[ "${tips[0]:-}" == "$low_title:"*"tension $low_at"* ]] &&
    ok "the lowest rung's tooltip names '$low_title' and its threshold" ||
    bad "rung 1 tooltip: ${tips[0]:-none}"
board=" $(ids "$tmp/board.json") "
[[ "$board" == *" board_mandate "* && "$board" == *" board_sponsor_0 "* &&
    "$board" == *" board_last_vote "* ]] && ok "the board shows its mandate, votes and last vote" ||
    bad "board widgets:$board"
[[ "${tips[1]:-}" == *"mandate"* ]] && ok "the mandate has a tooltip" || bad "mandate tip: ${tips[1]:-none}"

# A motion: the orbit vote of the asteroid level comes after week 7. Its
# choices say how the board would vote today; after the vote the board
# panel shows the result.
{
    for _ in 1 2 3 4 5 6; do printf 'key Space\nclick-if alerts_close\nclick-if choice_1\n'; done
    printf 'key Space\nclick-if alerts_close\ndialog\nmove choice_1\ntooltip\nclick choice_1\nkey Space\nclick-if alerts_close\n'
    printf 'click-if choice_1\nkey f\nwheel -40 class_tension\nmove board_last_vote\ntooltip\n'
} >"$tmp/vote.txt"
"$bin" play levels/asteroid_window.yaml --size 1280x720 --scale 100 --data-dir "$tmp/d2" \
    --ui-script "$tmp/vote.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "the vote walk ran" || bad "vote walk exit $rc: $(head -c 600 "$tmp/err")"
mapfile -t tips < <(sed -n 's/^tooltip //p' "$tmp/out")
grep -q '^dialog none' "$tmp/out" && bad "no event waits after week 7" || ok "an event waits after week 7"
[[ "${tips[0]:-}" =~ The\ board\ votes:\ would\ (pass|fail)\ today,\ [0-9]+%\ of\ funding\ for ]] &&
    ok "the motion's choice says how the board would vote today" || bad "choice tip: ${tips[0]:-none}"
[[ "${tips[1]:-}" =~ week\ [0-9]+:\ the\ motion\ (passed|was\ thrown\ out),\ with\ [0-9]+% ]] &&
    ok "the board shows the last vote" || bad "last vote tip: ${tips[1]:-none}"

echo "ui politics: $fail failed"
((fail == 0))
