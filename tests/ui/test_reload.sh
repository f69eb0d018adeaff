#!/usr/bin/env bash
# Live reload: a level saved while its game is open offers to play the
# same seed and orders again on the new version, and reloading does; a
# level saved with an error shows it, at its line, and the game goes on;
# New game reads its folder again when a level is added.
# Usage: test_reload.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/levels/rules"
cp levels/rules/base.yaml "$tmp/levels/rules/"
cp levels/tutorial.yaml "$tmp/levels/"
level="$tmp/levels/tutorial.yaml"
# The game runs the script while this shell changes the level under it:
# each change waits for the script's widgets dump that asks for it.
(
    for ((i = 0; i < 600; i++)); do [[ -e "$tmp/ready1.json" ]] && break; sleep 0.05; done
    sed -i 's/water: 640/water: 700/' "$level"
    touch -d '+2 seconds' "$level"
    for ((i = 0; i < 600; i++)); do [[ -e "$tmp/ready2.json" ]] && break; sleep 0.05; done
    sed -i 's/^map:$/map: [/' "$level"
    touch -d '+4 seconds' "$level"
    for ((i = 0; i < 600; i++)); do [[ -e "$tmp/ready3.json" ]] && break; sleep 0.05; done
    cp "$level" "$tmp/levels/second.yaml"
    sed -i 's/^map: \[$/map:/' "$tmp/levels/second.yaml"
    touch -d '+6 seconds' "$tmp/levels"
) &
changer=$!
cat >"$tmp/reload.txt" <<SCRIPT
key Space
click-if alerts_close
click-if choice_1
state
watch
widgets $tmp/ready1.json
wait 2500
watch
dialog
click reload_yes
state
toast
widgets $tmp/ready2.json
wait 2500
watch
click reload_yes
dialog
click error_ok
state
SCRIPT
"$bin" play "$level" --size 1280x720 --scale 100 --data-dir "$tmp/d" --ui-script "$tmp/reload.txt" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "the reload walk ran" || bad "reload walk exit $rc: $(grep -v XDG_RUNTIME "$tmp/err" | head -3)"
mapfile -t states < <(grep '^week ' "$tmp/out")
mapfile -t watches < <(grep '^watch ' "$tmp/out")
[[ "${watches[0]:-}" == "watch same" && "${watches[1]:-}" == "watch changed" ]] &&
    ok "an unchanged level stays quiet, a saved one is seen" || bad "watches: ${watches[*]:-none}"
grep -q '^dialog The level changed: reload it?' "$tmp/out" && ok "the game offers to reload" ||
    bad "no reload dialog: $(grep '^dialog' "$tmp/out")"
w0=${states[0]%% hash*} w1=${states[1]%% hash*}
[[ "$w0" == "$w1" && "${states[0]}" != "${states[1]}" ]] &&
    ok "the reload plays the same weeks on the new level (${states[1]})" ||
    bad "before and after the reload: '${states[0]:-}' '${states[1]:-}'"
grep -q '^toast Reloaded .*the same seed and orders' "$tmp/out" && ok "the reload says so" || bad "toasts: $(grep '^toast' "$tmp/out")"
grep -q "^dialog The level cannot be reloaded" "$tmp/out" && ok "a broken save of the level is shown" ||
    bad "no error for the broken level: $(grep '^dialog' "$tmp/out")"
grep -q "tutorial.yaml:[0-9]*:[0-9]*: " "$tmp/err" && ok "the error names its line and column" ||
    bad "no FILE:LINE:COL for the broken level: $(head -3 "$tmp/err")"
[[ "${states[2]:-}" == "${states[1]:-}" ]] && ok "the game goes on as it was" ||
    bad "the game changed after a failed reload: '${states[2]:-}'"

# New game reads its folder again when a level is added.
cp "$tmp/levels/rules/base.yaml" "$tmp/rules_keep.yaml"
cat >"$tmp/picker.txt" <<SCRIPT
click menu_new
watch
widgets $tmp/ready3.json
wait 2500
watch
widgets $tmp/picker.json
SCRIPT
HAPPYVALLEY_DATA="$tmp" "$bin" --size 1280x720 --scale 100 --data-dir "$tmp/d" --ui-script "$tmp/picker.txt" \
    >"$tmp/out" 2>"$tmp/err" || bad "picker walk failed: $(head -3 "$tmp/err")"
wait "$changer"
grep -q '^watch changed' "$tmp/out" && grep -q '"id": *"level_second"' "$tmp/picker.json" &&
    ok "New game lists a level added while it is open" || bad "picker after adding: $(grep watch "$tmp/out")"

echo "ui_reload: $fail failed"
((fail == 0))
