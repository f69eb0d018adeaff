#!/usr/bin/env bash
# The iridium price over the weeks: after four weeks the asteroids panel's
# market shows the price's line with a tooltip that names the price, its
# moves and the market's range; the history panel charts it; a loaded save
# tells the same; and the line fits the window at 300% in the smallest one.
# Usage: test_market.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
level=levels/asteroid_window.yaml
# Ends a week and closes whatever it opens.
week='key Space
click-if choice_1
click-if alerts_close
click-if choice_1'
# Opens the asteroids panel at its foot, where the market is.
market='key a
wheel -40 asteroid_list'
# The widget ID's visible rectangle in a widgets dump, or nothing.
visible() {
    python3 -c 'import json, sys
for x in json.load(open(sys.argv[1]))["widgets"]:
    if x["id"] == sys.argv[2] and x["visible"][2] > 0 and x["visible"][3] > 0:
        print(*x["visible"])' "$1" "$2"
}

cat >"$tmp/play.txt" <<SCRIPT
$week
$week
$week
$week
$market
widgets $tmp/market.json
move market_price
tooltip
key a
key h
widgets $tmp/charts.json
move chart_iridium_price
tooltip
SCRIPT
"$bin" play "$level" --seed 1 --size 1280x720 --scale 100 --data-dir "$tmp/d" \
    --ui-script "$tmp/play.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "four weeks played, the market and the charts opened" ||
    bad "the walk stopped ($rc): $(grep -i error "$tmp/err" | head -2)"
mapfile -t tips < <(sed -n 's/^tooltip //p' "$tmp/out")

[[ -n "$(visible "$tmp/market.json" market_price)" ]] && ok "the market shows the price's line" ||
    bad "no market_price on screen"
# What the price did, from the headless game's report of the same weeks,
# and the market's range from the rules the level uses.
"$bin" sim "$level" --seed 1 --turns 4 --report >"$tmp/sim" 2>&1 || bad "the headless game did not run"
lo=$(sed -n 's/^ *price_min: *\([0-9]*\).*/\1/p' levels/rules/base.yaml)
hi=$(sed -n 's/^ *price_max: *\([0-9]*\).*/\1/p' levels/rules/base.yaml)
grep -q "price_m" "$level" && bad "the level sets its own price range: read it here too"
python3 - "${tips[0]:-}" "$lo" "$hi" "$tmp/sim" <<'PY' && ok "the tooltip names the price, its moves and the range: ${tips[0]:-}" ||
import re, sys
tip, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
n = lambda s: int(s.replace(",", "").replace("\u2212", "-"))
# The price at the start and at the end of each of the four weeks.
moves, week = [], 0
for line in open(sys.argv[4]):
    w = re.match(r"Week (\d+) report", line)
    week = int(w.group(1)) if w else week
    m = re.search(r"Iridium price ([+\u2212-]?\d+) to ([\d,]+)", line)
    if m:
        moves.append((week, n(m.group(1)), n(m.group(2))))
if not moves:
    sys.exit("the headless report tells no price")
prices = [moves[0][2] - moves[0][1]]
for k in range(1, 5):
    prices.append(([to for w, _, to in moves if w == k] or prices[-1:])[-1])
last = prices[4] - prices[3]
want = (f"Iridium sells on Earth for {prices[4]} " + r"\S+ per \S+ now\. / "
        + re.escape(f"Since last week: {f'{last:+d}' if last else 'no change'}; since the start: "
                    + f"{prices[4] - prices[0]:+d}.") + f" / Highest seen: {max(prices)} .*; "
        + f"lowest: {min(prices)} .* / The market's range: {lo} to {hi}\\.$")
sys.exit(0 if re.fullmatch(want, tip.replace("\u2212", "-")) else "want " + want)
PY
    bad "market_price tooltip: ${tips[0]:-}"

[[ -n "$(visible "$tmp/charts.json" chart_iridium_price)" ]] &&
    ok "the history panel has the iridium price chart" || bad "no chart_iridium_price on screen"
python3 - "${tips[1]:-}" "$lo" "$hi" <<'PY' && ok "the chart reads a week's price: ${tips[1]:-}" ||
import re, sys
m = re.search(r"^Iridium price, week \d / Price: ([\d,]+) \S+ per \S+ / .* "
              + f"{sys.argv[2]} to {sys.argv[3]}\\.$", sys.argv[1])
sys.exit(0 if m and int(sys.argv[2]) <= int(m.group(1).replace(",", "")) <= int(sys.argv[3]) else 1)
PY
    bad "chart tooltip: ${tips[1]:-}"

# The weeks a save replays on loading keep their price too.
cat >"$tmp/load.txt" <<SCRIPT
key Escape
click menu_load
click load_slot_0
click-if choice_1
click-if alerts_close
$market
move market_price
tooltip
key a
key h
move chart_iridium_price
tooltip
SCRIPT
"$bin" play "$level" --seed 1 --size 1280x720 --scale 100 --data-dir "$tmp/d" \
    --ui-script "$tmp/load.txt" >"$tmp/out2" 2>"$tmp/err2"
rc=$?
mapfile -t loaded < <(sed -n 's/^tooltip //p' "$tmp/out2")
[[ $rc == 0 && -n "${tips[0]:-}" && "${loaded[0]:-}" == "${tips[0]}" ]] &&
    ok "the loaded save's market tells what it told in play" ||
    bad "after the load ($rc): ${loaded[0]:-} | in play: ${tips[0]:-}"
[[ -n "${tips[1]:-}" && "${loaded[1]:-}" == "${tips[1]}" ]] &&
    ok "the loaded save charts the same price" ||
    bad "chart after the load: ${loaded[1]:-} | in play: ${tips[1]:-}"

# At 300% in the smallest window the line still fits and overlaps nothing.
cat >"$tmp/big.txt" <<SCRIPT
$week
$market
widgets $tmp/big.json
SCRIPT
"$bin" play "$level" --seed 1 --size 1024x600 --scale 300 --data-dir "$tmp/d3" \
    --ui-script "$tmp/big.txt" >"$tmp/out3" 2>"$tmp/err3"
rc=$?
[[ $rc == 0 && -n "$(visible "$tmp/big.json" market_price)" ]] &&
    ok "at 300% the line shows at the panel's foot" || bad "at 300% ($rc): no market_price on screen"
problems=$(python3 tests/ui/layout_check.py "$tmp/big.json")
[[ -z "$problems" ]] && ok "at 300% it fits the window and overlaps nothing" || bad "$problems"

echo "ui market: $fail failed"
((fail == 0))
