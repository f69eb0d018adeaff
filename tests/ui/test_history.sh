#!/usr/bin/env bash
# The report of every week, and the week to come: after a few weeks the
# report panel pages back to week 1 and forward again; a filter narrows a
# week's list; the top bar's forecast of a stock is what the week then
# does; a loaded save brings its weeks' reports back.
# Usage: test_history.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
# Ids of the report's lines in a widgets dump, one a line.
items() { grep -o '"report_item_[0-9]*"' "$1" | sort -u; }
# The report's lines with where each is drawn: two listings alike line
# for line and height for height show the same report.
lines() {
    python3 -c 'import json, sys
for x in json.load(open(sys.argv[1]))["widgets"]:
    if x["id"].startswith("report_item_"):
        print(x["id"], *x["visible"])' "$1"
}
# Ends a week and closes whatever it opens.
week='key Space
click-if choice_1
click-if alerts_close
click-if choice_1'

cat >"$tmp/play.txt" <<SCRIPT
$week
$week
move res_food
tooltip
move power
tooltip
$week
move res_food
tooltip
key r
widgets $tmp/latest.json
click report_prev
click report_prev
widgets $tmp/week1.json
move report_week_1
tooltip
click report_filter_people
widgets $tmp/people.json
click report_filter_all
widgets $tmp/all_again.json
click report_next
expect report_week_2
click report_latest
expect report_week_3
expect report_next_week
screenshot $tmp/report.png
SCRIPT
"$bin" play levels/conference.yaml --size 1280x720 --scale 100 --data-dir "$tmp/d" \
    --ui-script "$tmp/play.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "three weeks played and paged through" ||
    bad "the walk stopped ($rc): $(grep -i error "$tmp/err" | head -2)"
mapfile -t tips < <(sed -n 's/^tooltip //p' "$tmp/out")

# The forecast: the food tooltip before week 3 foretells its change, and
# after it the tooltip tells the same figure as last week's.
next=$(sed -n 's|.*Next week: \([-+][0-9]*\).*|\1|p' <<<"${tips[0]:-}")
last=$(sed -n 's|.*Last week: \([-+][0-9]*\).*|\1|p' <<<"${tips[2]:-}")
[[ -n "$next" && "$next" == "$last" ]] && ok "food's forecast ($next) is what week 3 did" ||
    bad "forecast '$next' against last week '$last': ${tips[0]:-} | ${tips[2]:-}"
[[ "${tips[1]:-}" == *"Next week: "*" kW made, "*" kW wanted"* ]] &&
    ok "the power tooltip foretells supply and demand" || bad "power tooltip: ${tips[1]:-}"
python3 - "$tmp/out" <<'PY' && ok "a falling stock says when it runs out" || bad "no 'runs out' in: ${tips[0]:-}"
import re, sys
tips = [l for l in open(sys.argv[1]) if l.startswith("tooltip ")]
m = re.search(r"Next week: -(\d+); runs out in (\d+) weeks", tips[0])
stock = re.search(r": ([\d,]+) ", tips[0])
sys.exit(0 if m and stock and -(-int(stock.group(1).replace(",", "")) // int(m.group(1))) == int(m.group(2)) else 1)
PY

# Paging and filtering.
grep -q '"report_week_3"' "$tmp/latest.json" && grep -q '"report_next_week"' "$tmp/latest.json" &&
    ok "the panel opens on the latest week with the forecast" || bad "latest: no report_week_3 or forecast"
grep -q '"report_week_1"' "$tmp/week1.json" && ! grep -q '"report_next_week"' "$tmp/week1.json" &&
    ok "two steps back show week 1, without the forecast" || bad "week 1 not shown after two steps back"
[[ "${tips[3]:-}" == "The report of week 1. Reports are kept from week 1 to 3." ]] &&
    ok "the week's label says which weeks are kept" || bad "week label tooltip: ${tips[3]:-}"
all=$(items "$tmp/week1.json" | wc -l)
people=$(items "$tmp/people.json" | wc -l)
((people > 0 && people < all)) && ok "the People filter narrows week 1 from $all lines to $people" ||
    bad "filter: $all lines in all, $people with People"
python3 - "$tmp/people.json" <<'PY' && ok "the filter shows as picked" || bad "People filter not selected"
import json, sys
w = {x["id"]: x for x in json.load(open(sys.argv[1]))["widgets"]}
sys.exit(0 if w["report_filter_people"].get("selected") and not w["report_filter_all"].get("selected") and "report_week_1" in w else 1)
PY
[[ "$(lines "$tmp/all_again.json")" == "$(lines "$tmp/week1.json")" ]] &&
    ok "All lists week 1 again in full" || bad "All after People differs from the first listing"
[[ "$(lines "$tmp/week1.json")" != "$(lines "$tmp/latest.json")" ]] &&
    ok "week 1's list is not week 3's" || bad "week 1 and week 3 list the very same lines"

# A save loaded brings every week's report back.
cat >"$tmp/load.txt" <<SCRIPT
key Escape
click menu_load
click load_slot_0
click-if choice_1
click-if alerts_close
key r
expect report_week_3
click report_prev
click report_prev
expect report_week_1
widgets $tmp/loaded1.json
SCRIPT
"$bin" play levels/conference.yaml --size 1280x720 --scale 100 --data-dir "$tmp/d" \
    --ui-script "$tmp/load.txt" >"$tmp/out2" 2>"$tmp/err2"
rc=$?
[[ $rc == 0 ]] && ok "the autosave loads with weeks 1 to 3 kept" ||
    bad "the load walk stopped ($rc): $(grep -i error "$tmp/err2" | head -2)"
[[ -s "$tmp/loaded1.json" && "$(lines "$tmp/loaded1.json")" == "$(lines "$tmp/week1.json")" ]] &&
    ok "week 1's report after the load lists what it listed in play" ||
    bad "week 1 after the load: $(items "$tmp/loaded1.json" | wc -l) lines, in play $all"

echo "ui history: $fail failed"
((fail == 0))
